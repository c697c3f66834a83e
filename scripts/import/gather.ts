import { statSync, realpathSync } from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { inputScope, MAX_INPUT_BYTES, readInputFile, walkFiles, type InputScope } from '../build/input-fs'
import { listZip, readZipEntry, unsafeEntryPath } from './zip'

/**
 * What the paths given to `npm run import` hold: one candidate per file, whether on disk, in a
 * folder (walked like the build walks `reports/`) or inside a .zip. A file that cannot be taken
 * in is still a candidate, with the reason, so the review lists it.
 */

/** Why a candidate has no bytes: unreadable (a read failed), refused (an unsafe or oversized archive entry), hidden (skipped by design, like the build). */
export type SkipKind = 'unreadable' | 'refused' | 'hidden'

export interface Candidate {
  /** Where it came from, for the review: the path as given, `archive.zip › entry/path` inside an archive. */
  source: string
  /** Its file name (decoded), the name it keeps when placed. */
  name: string
  /** The nearest folder named like a year (`2021`) above it, used when the report states no year (as the build does). */
  folderYear: number | null
  bytes: Uint8Array | null
  skip?: { kind: SkipKind; reason: string }
  /** How an archive entry's name was decoded, when not UTF-8 (`gb18030`). */
  nameEncoding?: string
}

export interface GatherLimits {
  /** Largest file or archive entry read (default 100 MB, the build's limit). */
  maxFileBytes: number
  /** Largest archive read, and the most all archives of one import may unpack to in total (default 1 GiB). */
  archiveBudget: number
  /** How deep archives inside archives are opened (default 2: a zip in a zip). */
  maxZipDepth: number
}

export const DEFAULT_LIMITS: GatherLimits = { maxFileBytes: MAX_INPUT_BYTES, archiveBudget: 1024 * 1024 * 1024, maxZipDepth: 2 }

/** True for a path that names a .zip archive. */
export function isZipName(name: string): boolean {
  return /\.zip$/i.test(name)
}

/** The year of the nearest folder segment that is a year, searching from the end. */
export function yearOfFolders(segments: readonly string[]): number | null {
  for (let i = segments.length - 1; i >= 0; i--) if (/^\d{4}$/.test(segments[i]!)) return Number(segments[i])
  return null
}

/** Paths that do not exist (usage errors, checked before anything is read). */
export function missingPaths(paths: readonly string[]): string[] {
  return paths.filter((p) => {
    try {
      statSync(p)
      return false
    } catch {
      return true
    }
  })
}

/** Every candidate under the given paths, in the order given (folders in code-point order). */
export function gatherInputs(paths: readonly string[], limits: GatherLimits = DEFAULT_LIMITS): Candidate[] {
  const out: Candidate[] = []
  const budget = { left: limits.archiveBudget }
  for (const given of paths) {
    const abs = resolve(given)
    let isDir: boolean
    let real: string
    try {
      isDir = statSync(abs).isDirectory()
      real = realpathSync(abs)
    } catch (e) {
      out.push(skipped(given, basename(abs), null, 'unreadable', `cannot look at it (${(e as Error).message})`))
      continue
    }
    if (isDir) {
      // The folder given is the boundary: a link inside it leading elsewhere is listed, not followed.
      const scope = inputScope(abs)
      const { files, skipped: odd } = walkFiles(abs, scope)
      for (const f of files) {
        const rel = relative(abs, f.abs).split(sep)
        const source = join(given, ...rel)
        const folderYear = yearOfFolders([basename(abs), ...rel.slice(0, -1)])
        fromDisk(out, source, f.abs, folderYear, scope, limits, budget)
      }
      for (const s of odd) {
        const kind = s.level === 'note' ? 'hidden' : 'unreadable'
        out.push(skipped(join(given, s.path), basename(s.path), null, kind, s.reason))
      }
    } else {
      // A file named on the command line is read wherever it is (its own folder is the boundary).
      const scope = inputScope(dirname(real))
      fromDisk(out, given, real, yearOfFolders([basename(dirname(abs))]), scope, limits, budget)
    }
  }
  return out
}

function fromDisk(out: Candidate[], source: string, abs: string, folderYear: number | null, scope: InputScope, limits: GatherLimits, budget: { left: number }): void {
  const name = basename(abs)
  if (isZipName(name)) {
    const read = readInputFile(abs, scope, limits.archiveBudget)
    if (!read.ok) return void out.push(skipped(source, name, folderYear, 'unreadable', read.reason))
    return expandZip(out, source, read.bytes, 1, limits, budget)
  }
  const read = readInputFile(abs, scope, limits.maxFileBytes)
  if (!read.ok) return void out.push(skipped(source, name, folderYear, 'unreadable', read.reason))
  out.push({ source, name, folderYear, bytes: read.bytes })
}

/** Candidates of one archive; an archive inside it is opened too, down to `maxZipDepth`. */
function expandZip(out: Candidate[], source: string, bytes: Uint8Array, depth: number, limits: GatherLimits, budget: { left: number }): void {
  const listing = listZip(bytes)
  if (!listing.ok) return void out.push(skipped(source, basename(source), null, 'unreadable', listing.reason))
  for (const entry of listing.entries) {
    if (entry.dir) continue
    const segments = entry.path.split('/').filter(Boolean)
    const name = segments[segments.length - 1] ?? entry.path
    const where = `${source} › ${entry.path}`
    const folderYear = yearOfFolders(segments.slice(0, -1))
    const enc = entry.nameEncoding === 'utf-8' ? {} : { nameEncoding: entry.nameEncoding }
    const unsafe = unsafeEntryPath(entry.path)
    if (unsafe) {
      out.push({ ...skipped(where, name, folderYear, 'refused', `unsafe archive entry: ${unsafe} ("zip slip"); not unpacked`), ...enc })
      continue
    }
    // macOS adds __MACOSX/ and ._ files to zips; like hidden files in the build, they are skipped by design.
    if (segments.some((s) => s.startsWith('.') || s === '__MACOSX')) {
      out.push({ ...skipped(where, name, folderYear, 'hidden', 'hidden (a name starts with "." or __MACOSX); skipped by design'), ...enc })
      continue
    }
    const nested = isZipName(name)
    const cap = nested ? limits.archiveBudget : limits.maxFileBytes
    if (entry.size > budget.left) {
      out.push({ ...skipped(where, name, folderYear, 'refused', `the archives of this import would unpack to more than ${Math.round(limits.archiveBudget / 1024 / 1024)} MB in total; not unpacked (zip-bomb guard)`), ...enc })
      continue
    }
    const read = readZipEntry(bytes, entry, cap)
    if (!read.ok) {
      const kind = /zip-bomb|zip bomb/.test(read.reason) ? 'refused' : 'unreadable'
      out.push({ ...skipped(where, name, folderYear, kind, read.reason), ...enc })
      continue
    }
    budget.left -= read.bytes.length
    if (nested && depth < limits.maxZipDepth) expandZip(out, where, read.bytes, depth + 1, limits, budget)
    else if (nested) out.push({ ...skipped(where, name, folderYear, 'refused', `an archive nested deeper than ${limits.maxZipDepth} levels; not opened`), ...enc })
    else out.push({ source: where, name, folderYear, bytes: read.bytes, ...enc })
  }
}

function skipped(source: string, name: string, folderYear: number | null, kind: SkipKind, reason: string): Candidate {
  return { source, name, folderYear, bytes: null, skip: { kind, reason } }
}
