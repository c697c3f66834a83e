import { unzipSync } from 'fflate'
import type { DroppedFile, SkippedFile } from './types'

/** Largest file taken from a zip, as the data build's limit for one input file: 100 MB. */
const MAX_ENTRY_BYTES = 100 * 1024 * 1024
/** Zips inside zips are opened this deep, no deeper (a zip of zips of … is refused, never looped on). */
const MAX_DEPTH = 3

/** True for a .zip archive (by name and magic bytes; a .docx is a zip too but is a report, never expanded). */
export function isZip(file: DroppedFile): boolean {
  const b = file.bytes
  return /\.zip$/i.test(file.name) && b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05)
}

/**
 * Zip entry names without the UTF-8 flag are handed over as Latin-1; Windows zips made on a Chinese
 * system store them in GBK. Re-read such a name as GB18030 when its bytes are not UTF-8.
 */
export function fixEntryName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name
  const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes)
    } catch {
      return name
    }
  }
}

/** A path segment that is hidden (a dot file, macOS's __MACOSX resource forks): skipped by design, as the build does. */
export function hiddenSegment(path: string): string | null {
  return path.split('/').find((s) => s.startsWith('.') || s === '__MACOSX') ?? null
}

/**
 * Dropped files with every .zip replaced by its files (named `<zip name>/<inner path>`); entries
 * that are folders are left out, and a zip that cannot be opened, an entry too large, or a zip
 * nested too deep becomes a skipped file with the reason.
 */
export function expandZips(files: readonly DroppedFile[], depth = 0): { files: DroppedFile[]; skipped: SkippedFile[] } {
  const out: DroppedFile[] = []
  const skipped: SkippedFile[] = []
  for (const f of files) {
    if (!isZip(f)) {
      out.push(f)
      continue
    }
    if (depth >= MAX_DEPTH) {
      skipped.push({ name: f.name, reason: `压缩包嵌套超过 ${MAX_DEPTH} 层，未展开`, reason_en: `zip nested more than ${MAX_DEPTH} deep; not opened` })
      continue
    }
    const tooLarge: string[] = []
    let entries: Record<string, Uint8Array>
    try {
      entries = unzipSync(f.bytes, {
        filter: (e) => {
          if (e.originalSize > MAX_ENTRY_BYTES) tooLarge.push(e.name)
          return !e.name.endsWith('/') && e.originalSize <= MAX_ENTRY_BYTES
        },
      })
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e)
      skipped.push({ name: f.name, reason: `无法打开压缩包（${why}）`, reason_en: `cannot open the zip (${why})` })
      continue
    }
    for (const name of tooLarge) skipped.push({ name: `${f.name}/${fixEntryName(name)}`, reason: '文件超过 100 MB，未读取', reason_en: 'larger than 100 MB; not read' })
    const inner = Object.entries(entries).map(([name, bytes]) => ({ name: `${f.name}/${fixEntryName(name)}`, bytes }))
    const nested = expandZips(inner, depth + 1)
    out.push(...nested.files)
    skipped.push(...nested.skipped)
  }
  return { files: out, skipped }
}
