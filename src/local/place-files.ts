import type { ParsedFile, SkippedFile } from './types'
import { baseName, splitExt } from '~/util/file-name'

/** A parsed file with its place in the district folder. */
export interface Placed {
  file: ParsedFile
  /** `reports/<year>/<name>`, or `reports/<name>` when neither the report nor its folder gives a year. */
  path: string
  folderYear: number | null
}

/** The year of a dropped file's folder (a path segment such as `2021`), as the build reads `reports/<year>/`. */
export function folderYearOf(name: string): number | null {
  const segments = name.split('/').slice(0, -1)
  for (let i = segments.length - 1; i >= 0; i--) if (/^(19|20)\d{2}$/.test(segments[i]!)) return Number(segments[i])
  return null
}

/**
 * Where each file goes in the district folder, exactly as `npm run build:data` will find it: in
 * `reports/<year>/` by the year the report prints (else its folder's year), else in `reports/`.
 * The same content dropped twice is taken once (the other is a skipped file naming the first);
 * two different files of one name in one year folder get `name (2).ext`. Sorted by path in
 * code-point order, the build's order, so report ids follow the same order.
 */
export function placeFiles(parsed: readonly ParsedFile[]): { placed: Placed[]; skipped: SkippedFile[] } {
  const bySha = new Map<string, string>()
  const taken = new Set<string>()
  const placed: Placed[] = []
  const skipped: SkippedFile[] = []
  for (const file of parsed) {
    const first = bySha.get(file.sha256)
    if (first !== undefined) {
      skipped.push({ name: file.name, reason: `与“${first}”内容相同，只收录一次`, reason_en: `same content as "${first}"; taken once` })
      continue
    }
    bySha.set(file.sha256, file.name)
    const year = (file.outcome.ok ? file.outcome.report.meta.year : null) ?? folderYearOf(file.name)
    const dir = year === null ? 'reports' : `reports/${year}`
    const path = freePath(dir, baseName(file.name), taken)
    taken.add(path)
    placed.push({ file, path, folderYear: year })
  }
  placed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { placed, skipped }
}

function freePath(dir: string, base: string, taken: ReadonlySet<string>): string {
  // A name the build would take as hidden or that has no usable characters keeps a visible name.
  const name = base.replace(/^\.+/, '') || 'report'
  if (!taken.has(`${dir}/${name}`)) return `${dir}/${name}`
  const { stem, ext } = splitExt(name)
  for (let n = 2; ; n++) if (!taken.has(`${dir}/${stem} (${n})${ext}`)) return `${dir}/${stem} (${n})${ext}`
}
