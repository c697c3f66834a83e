import type { Label } from '~/report/model/types'
import type { DataPackageInfo } from './datapackage'

/**
 * The dataset's identity for people: its build history (data/changelog.json, written by the data
 * build), a citation, and times in the reader's own format. changelog.json is fetched at run time,
 * so it is read field by field; what cannot be read is reported, never a crash.
 */

export interface ChangelogEntry {
  version: string
  created: string
  changes: Label[]
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Read a parsed changelog.json; `source` names the file in problem messages. */
export function readChangelog(json: unknown, source = 'changelog.json'): { builds: ChangelogEntry[]; problems: string[] } {
  const problems: string[] = []
  const list = isRecord(json) && Array.isArray(json.builds) ? json.builds : null
  if (!list) return { builds: [], problems: [`${source}: no "builds" list`] }
  const builds: ChangelogEntry[] = []
  list.forEach((b, i) => {
    if (!isRecord(b) || typeof b.version !== 'string') return void problems.push(`${source}: builds[${i}] has no "version"`)
    const changes = (Array.isArray(b.changes) ? b.changes : [])
      .filter(isRecord)
      .map((c) => ({ zh: String(c.zh ?? c.en ?? ''), en: String(c.en ?? c.zh ?? '') }))
    builds.push({ version: b.version, created: typeof b.created === 'string' ? b.created : '', changes })
  })
  return { builds, problems }
}

/** A date-time in the reader's locale and time zone (2025年1月2日 08:00 / 2 January 2025 at 08:00); the raw text when it is not a date. */
export function localTime(iso: string | null, locale: string): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long', timeStyle: 'short' }).format(d)
}

/** How to cite the dataset: publishers, title, version, date and the page's address. */
export function citation(info: DataPackageInfo, pageUrl: string, locale: string): string {
  const publishers = [...new Set(info.districts.map((d) => d.name))].join(locale === 'en' ? ', ' : '、')
  const date = info.created?.slice(0, 10) ?? ''
  const [zhTitle, enTitle] = info.title.split(' / ')
  if (locale === 'en') {
    return `${enTitle ?? info.title} (${publishers}), version ${info.version ?? '—'}, data of ${date}. ${pageUrl}`
  }
  return `《${zhTitle ?? info.title}》（${publishers}），版本 ${info.version ?? '—'}，数据日期 ${date}。${pageUrl}`
}
