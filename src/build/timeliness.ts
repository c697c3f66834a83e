import { buildFinding } from './rules'
import type { BuiltReport } from './types'

/**
 * Publication timeliness. The Regulations on the Disclosure of Government Information (条例 art. 50)
 * require the annual report of a year to be published by 31 January of the following year.
 */

/** The deadline of a report year's annual report, YYYY-MM-DD. */
export function deadlineOf(year: number): string {
  return `${year + 1}-01-31`
}

const DAY = 86_400_000

/**
 * Days the report was published after its deadline: 0 when on time (on or before 31 January),
 * null when the publication date or the year is unknown (or the date is not YYYY-MM-DD).
 */
export function daysLate(year: number | null, publishedAt: string | null | undefined): number | null {
  if (year === null || !publishedAt) return null
  const date = publishedAt.slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null
  const t = Date.parse(`${date}T00:00:00Z`)
  if (Number.isNaN(t)) return null
  return Math.max(0, Math.round((t - Date.parse(`${deadlineOf(year)}T00:00:00Z`)) / DAY))
}

/** The days_late of a built report (matched or not: its own year and date). */
export function reportDaysLate(r: BuiltReport): number | null {
  return daysLate(r.year, r.report?.meta.published_at ?? null)
}

/** A `late` finding (info) on every report published after its deadline. */
export function flagLate(reports: readonly BuiltReport[]): void {
  for (const r of reports) {
    const late = reportDaysLate(r)
    if (!late || r.year === null) continue
    const date = r.report!.meta.published_at!.slice(0, 10)
    const deadline = deadlineOf(r.year)
    r.findings.push(
      buildFinding('late', 'info',
        `${r.unitName} ${r.year} 年度报告发布于 ${date}，晚于法定期限 ${deadline}（逾期 ${late} 天）`,
        `${r.unitName}'s ${r.year} report was published on ${date}, after the deadline ${deadline} (${late} day${late === 1 ? '' : 's'} late)`,
        { expected: deadline, actual: date }),
    )
  }
}
