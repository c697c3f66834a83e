import { list } from './literal'
import { OVERVIEW_CELLS } from './overview'
import { countedReportIdsSql, scopeWhere, type Scope } from './scope'

/**
 * SQL for the ranking table of 单位对比: per unit, the sums of the overview cells in the year and
 * the year before (counted reports only), and the coverage status of every expected unit in the
 * year, so a unit without a report is listed, greyed, instead of dropped.
 */

/** One row of {@link rankingTableSumsSql}. */
export interface RankingSumRow {
  unit: string
  year: number
  key: string
  value: number | null
}

/** Per unit, year (`year − 1`, `year`) and overview cell key: the sum over the unit's counted report. Ordered, so the same data always gives the same rows (a prebuilt answer and the engine's compare equal). */
export function rankingTableSumsSql(scope: Scope, year: number): string {
  const s: Scope = { ...scope, years: [year - 1, year] }
  return `SELECT unit, year, key, SUM(value) AS value FROM cells
WHERE ${scopeWhere(s)} AND key IN ${list(OVERVIEW_CELLS)} AND report_id IN (${countedReportIdsSql(s)})
GROUP BY unit, year, key
ORDER BY unit, year, key`
}

/** One row of {@link rankingTableUnitsSql}. */
export interface RankingUnitRow {
  unit: string
  unit_kind: string | null
  status: string
}

/**
 * Every unit expected in the year, with its coverage status, in registry code order. A report filed
 * for a year the unit is not expected (not_expected) does not count in totals, so it is not ranked.
 */
export function rankingTableUnitsSql(scope: Scope, year: number): string {
  return `SELECT unit, unit_kind, status FROM coverage
WHERE ${scopeWhere({ ...scope, years: [year, year] })} AND status <> 'not_expected'
ORDER BY unit_code NULLS LAST, unit`
}

