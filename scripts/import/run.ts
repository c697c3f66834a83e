import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expectedIn } from '~/build/coverage'
import { readDistrict } from '../build/district-input'
import { DistrictError } from '~/build/units-csv'
import { sha256 } from '../build/hash'
import { inputScope } from '../build/input-fs'
import { builtReport } from '~/build/report-outcome'
import { readReports } from '../build/reports'
import { UnitRegistry } from '~/build/unit-registry'
import { sniffKind } from '~/report/parse/sniff'
import type { BuildEngines, BuiltReport, DistrictInput, ParseOutcome } from '../build/types'
import { DEFAULT_LIMITS, gatherInputs, missingPaths, type Candidate, type GatherLimits } from './gather'
import { reportFileName } from '../collect/report-name'
import { candidateName } from './names'
import { extOf } from '~/util/file-name'

/**
 * `npm run import`: files, folders and .zip archives → `data/districts/<id>/reports/<year>/`.
 * Each file is parsed and turned into a report by the build's own code (builtReport, the district's
 * UnitRegistry), so import places a file exactly where the build will look for it; nothing stored
 * is overwritten, and every file that cannot be placed is listed with the reason. A placed file is
 * named `<unit>-<year>.<ext>` as fetch names its downloads, so a later fetch sees the unit-year as stored.
 */

/** A bad command line: exit 2. */
export class UsageError extends Error {}

/** What happened to one input file. */
export type Outcome =
  | 'placed' // copied into reports/<year>/ (or, with --dry-run, would be)
  | 'already_present' // the same bytes are already in the district's reports
  | 'duplicate' // the same bytes as an earlier file of this import
  | 'unmatched' // the report's unit is not in the registry
  | 'ambiguous' // the report's unit fits several registry units
  | 'no_year' // neither the report nor a year folder gives its year
  | 'not_a_report' // the parser could not read it as a report
  | 'unreadable' // the file itself could not be read
  | 'refused' // an unsafe or oversized archive entry
  | 'hidden' // a hidden file or macOS metadata: skipped by design, as the build does
  | 'write_failed' // matched, but the copy could not be written (disk full, permissions)

/** Outcomes that leave nothing behind: the file is in the district, or its content is, or it is skipped by design. */
export const SETTLED: ReadonlySet<Outcome> = new Set(['placed', 'already_present', 'duplicate', 'hidden'])

export interface ReviewRow {
  source: string
  outcome: Outcome
  /** The registry unit, or the name the report gives when unmatched. */
  unit: string | null
  year: number | null
  rendering: string | null
  /** Table cells located (a printed blank counts). */
  cells: number | null
  /** Findings the build will record for the placed file, by level. */
  findings: { error: number; warn: number; info: number } | null
  /** Where the file is (placed) or its content already was (already present / duplicate), relative to the district folder. */
  placedAs: string | null
  /** Why it was not placed, or what to know about it. */
  note: string
}

export interface ImportOptions {
  dataDir: string
  district: string
  paths: string[]
  dryRun: boolean
  engines: BuildEngines
  limits?: GatherLimits
  /** Told of progress and of registry problems (stderr in the CLI). */
  log?: (line: string) => void
}

export interface ImportResult {
  district: string
  dryRun: boolean
  rows: ReviewRow[]
  /** Rows not placed for a reason (unmatched, ambiguous, no year, not a report, unreadable, refused, write failed). */
  unplaced: number
}

/** Import the paths into one district; throws UsageError for an unknown district or a missing path. */
export async function runImport(o: ImportOptions): Promise<ImportResult> {
  const log = o.log ?? (() => {})
  const input = openDistrict(o.dataDir, o.district)
  const missing = missingPaths(o.paths)
  if (o.paths.length === 0) throw new UsageError('no file, folder or .zip to import was given')
  if (missing.length > 0) throw new UsageError(`not found: ${missing.join(', ')}`)
  for (const p of input.problems) log(`registry: ${p}`)

  // What the district already holds: content (sha256, anywhere under reports/) and unit-years.
  const existing = await readReports(input, o.engines)
  const byDigest = new Map<string, string>()
  const byUnitYear = new Map<string, string[]>()
  const note = (r: { unit: { name: string } | null; year: number | null }, file: string) => {
    if (!r.unit || r.year === null) return
    const k = `${r.unit.name}\u0000${r.year}`
    byUnitYear.set(k, [...(byUnitYear.get(k) ?? []), file])
  }
  for (const r of existing) {
    if (r.sha256) byDigest.set(r.sha256, r.file)
    note(r, r.file)
  }

  const candidates = gatherInputs(o.paths, o.limits ?? DEFAULT_LIMITS)
  log(`import into ${o.district}: ${candidates.length} file${candidates.length === 1 ? '' : 's'} found, ${existing.length} report${existing.length === 1 ? '' : 's'} already in the district${o.dryRun ? ' (dry run: nothing is copied)' : ''}`)

  // Parse each distinct content once, in parallel lanes when the engines allow.
  const digests = candidates.map((c) => (c.bytes ? sha256(c.bytes) : ''))
  const firstOf = new Map<string, number>()
  digests.forEach((d, i) => d && !firstOf.has(d) && !byDigest.has(d) && firstOf.set(d, i))
  const toParse = [...firstOf.values()]
  const outcomes = new Map<number, ParseOutcome>()
  let next = 0
  let parsed = 0
  const step = Math.max(1, Math.ceil(toParse.length / 10))
  const lane = async () => {
    while (next < toParse.length) {
      const i = toParse[next++]!
      outcomes.set(i, await parseSafely(o.engines, candidates[i]!.bytes!, candidateName(candidates[i]!.name)))
      if (++parsed % step === 0 || parsed === toParse.length) log(`  ${parsed}/${toParse.length} new files parsed`)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, o.engines.concurrency ?? 1) }, lane))

  const registry = new UnitRegistry(input.units, input.info)
  const rows: ReviewRow[] = []
  const claimed = new Set<string>() // reports/<year>/<name> taken by this run (a dry run writes nothing)
  const placedFrom = new Map<string, ReviewRow>() // digest → the row that holds that content
  candidates.forEach((c, i) => {
    const digest = digests[i]!
    if (c.skip) return void rows.push(bare(c, c.skip.kind, c.skip.reason))
    const present = byDigest.get(digest)
    if (present) return void rows.push({ ...bare(c, 'already_present', 'the same content is already in the district'), placedAs: present })
    const first = placedFrom.get(digest)
    if (first) {
      const what = first.placedAs ? `placed as ${first.placedAs}` : `not placed: ${first.outcome.replace('_', ' ')}`
      return void rows.push({ ...bare(c, 'duplicate', `the same content as ${first.source} (${what})`), placedAs: first.placedAs })
    }
    const row = assess(input, registry, c, outcomes.get(i)!, digest, claimed, byUnitYear, o.dryRun)
    if (row.outcome === 'placed' && row.placedAs) note({ unit: { name: row.unit! }, year: row.year }, row.placedAs)
    placedFrom.set(digest, row)
    rows.push(row)
  })
  return { district: o.district, dryRun: o.dryRun, rows, unplaced: rows.filter((r) => !SETTLED.has(r.outcome)).length }
}

/** The district folder read as the build reads it; an unknown or unusable district is a usage error. */
function openDistrict(dataDir: string, id: string): DistrictInput {
  const dir = join(dataDir, 'districts', id)
  if (!/^[^/\\.][^/\\]*$/.test(id) || !isDir(dir)) throw new UsageError(`unknown district "${id}": there is no folder ${dir}${known(dataDir)}`)
  try {
    return readDistrict(dir, id, inputScope(dataDir))
  } catch (e) {
    if (e instanceof DistrictError) throw new UsageError(`district "${id}" cannot be used: ${e.message}${e.problems.length ? `\n  ${e.problems.join('\n  ')}` : ''}`)
    throw e
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory()
  } catch {
    return false
  }
}

function known(dataDir: string): string {
  const root = join(dataDir, 'districts')
  try {
    const ids = readdirSync(root).filter((n) => !n.startsWith('.') && isDir(join(root, n)))
    return ids.length ? ` (districts: ${ids.sort().join(', ')})` : ''
  } catch {
    return ''
  }
}

async function parseSafely(engines: BuildEngines, bytes: Uint8Array, name: string): Promise<ParseOutcome> {
  try {
    return await engines.parse(bytes, name)
  } catch (e) {
    // The parser promises not to throw; if it does, this file is "not a report" and the import goes on.
    return { ok: false, error: `解析器异常：${(e as Error).message}`, error_en: `parser crashed: ${(e as Error).message}` }
  }
}

function bare(c: Candidate, outcome: Outcome, note: string): ReviewRow {
  const enc = c.nameEncoding ? `; name decoded as ${c.nameEncoding.toUpperCase()}` : ''
  return { source: c.source, outcome, unit: null, year: null, rendering: null, cells: null, findings: null, placedAs: null, note: note + enc }
}

/** Where one parsed file goes (or why nowhere), placing it unless a dry run. */
function assess(
  input: DistrictInput,
  registry: UnitRegistry,
  c: Candidate,
  outcome: ParseOutcome,
  digest: string,
  claimed: Set<string>,
  byUnitYear: Map<string, string[]>,
  dryRun: boolean,
): ReviewRow {
  const name = candidateName(c.name)
  // The file's kind as its bytes say (pdf, docx, binary …), so a row that is not a report still says what it is.
  if (!outcome.ok) return { ...bare(c, 'not_a_report', `parse failed: ${outcome.error_en}`), rendering: sniffKind(c.bytes!, name) }
  const meta = outcome.report.meta
  const first = builtReport(input, registry, { path: name, folderYear: c.folderYear }, digest, outcome)
  const described = { ...bare(c, 'placed', ''), rendering: meta.rendering, cells: Object.keys(outcome.report.cells).length }
  if (!first.unit) {
    const match = registry.match(meta.unit, name)
    const given = meta.unit ? `the name the report gives, “${meta.unit}”,` : `the report gives no unit name and its file name “${name}”`
    if (!match.ok && match.candidates) return { ...described, outcome: 'ambiguous', unit: meta.unit, note: `ambiguous unit: ${given} fits ${match.candidates.join(', ')} equally — add an alias to units.csv or rename the file` }
    return { ...described, outcome: 'unmatched', unit: meta.unit, note: `unmatched unit: ${given} fits no unit or alias of units.csv — add the unit or an alias` }
  }
  if (first.year === null) return { ...described, outcome: 'no_year', unit: first.unit.name, note: 'no year: the report states none and no folder above it is named like a year — put it in a folder named YYYY and import again' }
  const year = first.year

  // The build's view of the file where it will lie; its new name (fetch's rule, `-2` … on a clash) must not change the unit.
  const ext = extOf(name)
  const notes: string[] = []
  let built: BuiltReport | null = null
  let placed = ''
  for (let n = 1; n < 1000 && !built; n++) {
    const candidate = reportFileName(first.unit.name, year, ext, n)
    const rel = `reports/${year}/${candidate}`
    if (claimed.has(rel) || existsSync(join(input.dir, rel))) continue
    const there = builtReport(input, registry, { path: rel, folderYear: year }, digest, outcome)
    if (there.unit !== first.unit || there.year !== year) continue
    if (!dryRun) {
      const failed = (e: unknown): ReviewRow => ({ ...described, outcome: 'write_failed', unit: first.unit!.name, year, note: `could not be written to ${rel}: ${(e as Error).message}` })
      try {
        mkdirSync(join(input.dir, 'reports', String(year)), { recursive: true })
      } catch (e) {
        return failed(e)
      }
      try {
        // 'wx': never overwrite, even a file that appeared since the check above (then the next name).
        writeFileSync(join(input.dir, rel), c.bytes!, { flag: 'wx' })
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue
        return failed(e)
      }
    }
    built = there
    placed = rel
    notes.push(`from ${name}`)
    if (n > 1) notes.push(`numbered: a different file named ${reportFileName(first.unit.name, year, ext)} is already in reports/${year}/`)
  }
  if (!built) return { ...described, outcome: 'write_failed', unit: first.unit.name, year, note: `no free file name for ${reportFileName(first.unit.name, year, ext)} in reports/${year}/` }
  claimed.add(placed)

  if (meta.year !== null && c.folderYear !== null && meta.year !== c.folderYear) notes.push(`the report says ${meta.year}, its folder ${c.folderYear}: placed under ${meta.year}`)
  const others = byUnitYear.get(`${built.unit!.name}\u0000${year}`) ?? []
  if (others.length > 0) notes.push(`${built.unit!.name} ${year} already has ${others.join(', ')}: the build will mark the unit-year duplicate — keep the right one`)
  const span = input.info.years
  if ((span && (year < span[0] || year > span[1])) || !expectedIn(built.unit!, year)) notes.push(`${year} is outside the years ${built.unit!.name} is expected to report: the build lists it as not expected`)
  if (c.nameEncoding) notes.push(`name decoded as ${c.nameEncoding.toUpperCase()}`)
  const count = { error: 0, warn: 0, info: 0 }
  for (const f of built.findings) count[f.level]++
  return { ...described, unit: built.unit!.name, year, findings: count, placedAs: placed, note: notes.join('; ') }
}
