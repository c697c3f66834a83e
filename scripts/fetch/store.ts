import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { magicKind, sniffKind } from '~/report/parse/sniff'
import { reportFileName } from '../collect/report-name'
import { baseName, extOf, splitExt } from '~/util/file-name'

/**
 * Where fetched files go inside a district folder, and how they are written without losing what
 * was there. The build reads `reports/` only; `fetched/` holds what must be kept but must not
 * count as a second report of a unit-year (docs/fetch.md):
 *
 *   reports/<year>/<unit>-<year>.<ext>            the report (the page, or its attachment)
 *   fetched/pages/<year>/<unit>-<year>.html       a page whose report is an attachment
 *   fetched/attachments/<year>/<unit>-<year>.<ext>  an attachment of a page that is itself the report
 *   fetched/not-reports/<year>/<unit>-<year>.<ext>  a page or text that is no report (an error page served with 200)
 *   fetched/previous/<year>/<name>.prev-<time>.<ext>  an earlier copy a changed remote file replaced
 */

export type Place = 'reports' | 'pages' | 'attachments' | 'not-reports'

/** A file name that names the unit and year (the build matches the unit by it), `-2`, `-3` … for further files; import names files the same way. */
export function storedPath(place: Place, unit: string, year: number, ext: string, n = 1): string {
  const name = reportFileName(unit, year, ext, n)
  return place === 'reports' ? `reports/${year}/${name}` : `fetched/${place}/${year}/${name}`
}

const TYPE_EXTS: [RegExp, string][] = [
  [/html|xhtml/, 'html'],
  [/pdf/, 'pdf'],
  [/officedocument\.wordprocessingml/, 'docx'],
  [/msword/, 'doc'],
  [/officedocument\.spreadsheetml/, 'xlsx'],
  [/ms-excel/, 'xls'],
  [/kswps|wps/, 'wps'],
  [/text\/plain/, 'txt'],
]

/**
 * The extension a fetched file is stored with: its bytes first (sites serve .docx as
 * application/octet-stream and HTML as .doc), then its Content-Type, then its address.
 */
export function extensionOf(bytes: Uint8Array, contentType: string, url: string): string {
  const urlExt = extOf(new URL(url).pathname).toLowerCase() || null
  const magic = magicKind(bytes, urlExt ? `f.${urlExt}` : 'f')
  if (magic === 'docx' || magic === 'pdf' || magic === 'doc') return magic === 'doc' && (urlExt === 'xls' || urlExt === 'wps') ? urlExt : magic
  const kind = sniffKind(bytes, urlExt ? `f.${urlExt}` : 'f')
  if (kind === 'html') return 'html'
  const byType = TYPE_EXTS.find(([re]) => re.test(contentType.toLowerCase()))?.[1]
  if (kind === 'text') return byType === 'html' ? 'html' : urlExt === 'md' ? 'md' : 'txt'
  return byType ?? urlExt ?? 'bin'
}

/** The stored bytes at `rel`, or null when nothing is there. */
export function readStored(dir: string, rel: string): Uint8Array | null {
  if (!rel) return null
  const abs = join(dir, rel)
  return existsSync(abs) ? new Uint8Array(readFileSync(abs)) : null
}

/**
 * Move the file at `rel` to `fetched/previous/<year>/…prev-<time>…` and return its new path, or
 * null when nothing was there. `time` is compact UTC (20260106T101500Z) so names sort by age.
 */
export function keepPrevious(dir: string, rel: string, time: string): string | null {
  const abs = join(dir, rel)
  if (!existsSync(abs)) return null
  const year = /^(?:reports|fetched\/[\w-]+)\/(\d{4})\//.exec(rel)?.[1] ?? 'other'
  const { stem, ext } = splitExt(baseName(rel))
  let to = `fetched/previous/${year}/${stem}.prev-${time}${ext}`
  for (let i = 2; existsSync(join(dir, to)); i++) to = `fetched/previous/${year}/${stem}.prev-${time}-${i}${ext}`
  mkdirSync(dirname(join(dir, to)), { recursive: true })
  renameSync(abs, join(dir, to))
  return to
}

/** Write bytes to `rel` through a temporary file and a rename, so a killed run never leaves half a report. */
export function writeStored(dir: string, rel: string, bytes: Uint8Array): void {
  const abs = join(dir, rel)
  mkdirSync(dirname(abs), { recursive: true })
  // Hidden name: the build skips it, should a run be killed between the two calls.
  const tmp = join(dirname(abs), `.fetch-${process.pid}.part`)
  writeFileSync(tmp, bytes)
  renameSync(tmp, abs)
}

/** Compact UTC time for file names. */
export function fileTime(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
}
