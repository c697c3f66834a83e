import type { CoverageStatus } from '~/db/schema'
import type { UnitCoverageRow, UnitReportRow } from '~/db/sql/unit'

/** One button of the unit page's year switcher: a report, or a year the registry expects without one. */
export type YearEntry =
  | { kind: 'report'; year: number | null; report: UnitReportRow; /** 0 = first file of its year, 1 = second (duplicate) … */ index: number; status: CoverageStatus | null }
  | { kind: 'missing'; year: number; status: CoverageStatus }

/**
 * Every year the unit page's switcher lists, ascending: each report (duplicates of a year side by
 * side) and every expected year without one (not_collected / not_published), so a missing year is
 * visible — greyed — instead of silently skipped. Years the unit is not expected to report and has
 * no report for are left out; a report without a year comes last.
 */
export function yearEntries(reports: readonly UnitReportRow[], coverage: readonly UnitCoverageRow[]): YearEntry[] {
  const statusOf = new Map(coverage.map((c) => [Number(c.year), c.status]))
  const out: YearEntry[] = []
  const years = new Set<number>([...coverage.filter((c) => c.status !== 'not_expected').map((c) => Number(c.year)), ...reports.flatMap((r) => (r.year === null ? [] : [r.year]))])
  for (const year of [...years].sort((a, b) => a - b)) {
    const ofYear = reports.filter((r) => r.year === year)
    if (ofYear.length === 0) out.push({ kind: 'missing', year, status: statusOf.get(year) ?? 'not_collected' })
    ofYear.forEach((report, index) => out.push({ kind: 'report', year, report, index, status: statusOf.get(year) ?? null }))
  }
  reports.filter((r) => r.year === null).forEach((report, index) => out.push({ kind: 'report', year: null, report, index, status: null }))
  return out
}

/**
 * The report the page shows for `year`: `wanted` (the `report=` parameter) when it is one of that
 * year's reports, else the one that counts in totals, else the first. Null when the unit has no
 * report for the year — the page then says so; it never shows another year's report instead.
 */
export function reportForYear(reports: readonly UnitReportRow[], year: number | null, wanted: string | null): UnitReportRow | null {
  if (year === null) return null
  const ofYear = reports.filter((r) => r.year === year)
  return ofYear.find((r) => String(r.report_id) === wanted) ?? ofYear.find((r) => r.counted) ?? ofYear[0] ?? null
}

/**
 * Registry names that look like `name` (shared characters, in order of how many), for the page of a
 * unit name the registry does not know — a typo or an old name should still be one click away.
 */
export function similarNames(name: string, names: readonly string[], limit = 6): string[] {
  const chars = new Set([...name])
  return names
    .map((n) => ({ n, score: [...new Set([...n])].filter((c) => chars.has(c)).length }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.n.localeCompare(b.n, 'zh'))
    .slice(0, limit)
    .map((x) => x.n)
}
