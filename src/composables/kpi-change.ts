import type { KpiChange } from '~/charts/options/overview-kpis'
import type { OverviewYear } from '~/charts/options/overview-data'
import type { DistrictSummary } from '~/db/summary'
import type { LikeForLikeRow } from '~/db/sql/overview-change'
import { overviewRowsFromSums } from './overview-sums'

/**
 * The like-for-like change of the 总览 KPIs, from the rows of `likeForLikeSql` (live) or — for the
 * first paint — from the summary JSON when it already is like for like.
 */

/** KPI change from `likeForLikeSql` rows: the overview metrics of both years over the common units. */
export function changeFromRows(rows: readonly LikeForLikeRow[], year: number): KpiChange {
  const units = Number(rows[0]?.units ?? 0)
  const byYear = overviewRowsFromSums(rows.map((r) => ({ year: Number(r.year), expected: units, received: units, key: r.key, value: r.value })))
  const pick = (y: number) => {
    const row = byYear.find((r) => r.year === y)
    return row ? (Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'year' && k !== 'expected' && k !== 'received'))) : {}
  }
  return { year, units, prev: pick(year - 1), cur: pick(year) }
}

/**
 * The change from district totals, when they compare the same units: the summary lists every
 * counted report with its cells read, and when the units with cells are the same in both years the
 * district totals are already like for like. Null otherwise (the live query decides).
 */
export function changeFromSummary(summary: DistrictSummary, years: readonly OverviewYear[], year: number): KpiChange | null {
  const unitsIn = (y: number) => new Set(summary.by_unit_year.filter((u) => u.year === y && (u.cells ?? 1) > 0).map((u) => u.unit))
  const a = unitsIn(year - 1)
  const b = unitsIn(year)
  if (a.size === 0 || a.size !== b.size || [...a].some((u) => !b.has(u))) return null
  const prev = years.find((y) => y.year === year - 1)
  const cur = years.find((y) => y.year === year)
  return prev && cur ? { year, units: b.size, prev: prev.metrics, cur: cur.metrics } : null
}
