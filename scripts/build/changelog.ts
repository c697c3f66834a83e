import { createHash } from 'node:crypto'
import type { OpenStats } from './open-files'

/**
 * The dataset's version and the changelog of its builds (changelog.json beside datapackage.json).
 * The version names the data, not the build run: the date of `created` (which comes from the
 * inputs) and a digest of the open CSV files, so the same inputs give the same version and any
 * change of a published value gives a new one. The changelog lists builds newest first; a build
 * whose version equals the latest entry adds nothing, so rebuilding is idempotent. It is carried
 * from the previous output folder, so a fresh clone starts with one entry.
 */

export interface ChangeNote {
  zh: string
  en: string
}

export interface BuildEntry {
  version: string
  created: string
  districts: (OpenStats & { name: string })[]
  changes: ChangeNote[]
}

export interface Changelog {
  builds: BuildEntry[]
}

/** Entries kept; older ones drop off. */
const KEEP = 100

/** `YYYY.MM.DD+<8 hex>`: the data's date and a digest of the open CSV files' SHA-256 digests. */
export function datasetVersion(created: string, csvDigests: readonly string[]): string {
  const digest = createHash('sha256').update([...csvDigests].join('\n')).digest('hex').slice(0, 8)
  return `${created.slice(0, 10).replaceAll('-', '.')}+${digest}`
}

function readPrevious(previous: unknown): { builds: BuildEntry[]; unreadable: boolean } {
  if (previous === undefined) return { builds: [], unreadable: false }
  const builds = (previous as Changelog | null)?.builds
  const ok = Array.isArray(builds) && builds.every((b) => typeof b?.version === 'string' && Array.isArray(b?.districts))
  return ok ? { builds, unreadable: false } : { builds: [], unreadable: true }
}

/** What changed between two builds, per district, in words. */
function changesBetween(before: BuildEntry | undefined, now: BuildEntry['districts']): ChangeNote[] {
  if (!before) return [{ zh: '首次发布', en: 'First release' }]
  const notes: ChangeNote[] = []
  const old = new Map(before.districts.map((d) => [d.district, d]))
  for (const d of now) {
    const o = old.get(d.district)
    if (!o) {
      notes.push({ zh: `新增 ${d.name}：${d.reports} 份报告`, en: `Added ${d.district}: ${d.reports} reports` })
      continue
    }
    const diffs = (['reports', 'cells', 'findings'] as const).filter((k) => o[k] !== d[k])
    const zhName = { reports: '报告', cells: '单元格', findings: '校验发现' }
    if (diffs.length) {
      notes.push({
        zh: `${d.name}：${diffs.map((k) => `${zhName[k]} ${o[k]} → ${d[k]}`).join('，')}`,
        en: `${d.district}: ${diffs.map((k) => `${k} ${o[k]} → ${d[k]}`).join(', ')}`,
      })
    }
  }
  for (const o of before.districts) {
    if (!now.some((d) => d.district === o.district)) notes.push({ zh: `移除 ${o.name}`, en: `Removed ${o.district}` })
  }
  return notes.length ? notes : [{ zh: '数值有更正（报告数、单元格数不变）', en: 'Values corrected (same numbers of reports and cells)' }]
}

/**
 * The changelog after this build: `previous` is the parsed changelog.json of the output being
 * replaced (undefined when there is none). An unreadable one is not carried over, and the new
 * entry says so.
 */
export function nextChangelog(previous: unknown, entry: Omit<BuildEntry, 'changes'>): Changelog {
  const { builds, unreadable } = readPrevious(previous)
  if (builds[0]?.version === entry.version) return { builds }
  const changes = changesBetween(builds[0], entry.districts)
  if (unreadable) changes.push({ zh: '上一版更新记录无法读取，已重新开始', en: 'The previous changelog could not be read; it starts anew' })
  return { builds: [{ ...entry, changes }, ...builds].slice(0, KEEP) }
}
