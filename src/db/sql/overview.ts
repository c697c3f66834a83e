import { countedReportIdsSql, scopeWhere, type Scope } from './scope'
import { list } from './literal'
import { metricCells, metricDef } from '../../report/metrics'
import { APPLY_COLS, OUTCOME_GROUPS } from '../../report/model/apply'

/** Headline KPIs of the 总览 view, in display order (keys of src/report/metrics.ts). */
export const OVERVIEW_KPIS = [
  'new', 'carried_over', 'decided', 'granted_share', 'withheld', 'unable', 'not_processed', 'review', 'litigation', 'correction_rate',
] as const

/** Applicant-type metrics (`new.natural_person` …) that stack the trend chart. */
export const APPLICANT_METRICS: readonly string[] = APPLY_COLS.slice(0, 6).map((c) => `new.${c.key}`)

/** Outcome-group metrics (granted … other) of the outcome-mix chart. */
export const OUTCOME_METRICS: readonly string[] = OUTCOME_GROUPS.map((g) => g.key)

/** Every metric the overview reads, each once. */
export const OVERVIEW_METRICS: readonly string[] = [...new Set([...OVERVIEW_KPIS, ...APPLICANT_METRICS, ...OUTCOME_METRICS, 'corrected'])]

/** Every cell key the overview metrics read. */
export const OVERVIEW_CELLS: readonly string[] = [...new Set(OVERVIEW_METRICS.flatMap((k) => metricCells(metricDef(k)!)))]

/**
 * The CTEs `grid` (per year of the coverage grid: units expected, reports received) and `per_key`
 * (per year and overview cell key: the sum over the counted report of every unit in scope).
 * Of a unit's duplicate reports only the counted one is summed (countedReportIdsSql, the summary
 * build's rule). Read by the browser's per-key overview (composables/overview-sums.ts).
 */
export function gridAndKeySumsCte(scope: Scope): string {
  return `WITH grid AS (
  SELECT year,
    COUNT(*) FILTER (WHERE status <> 'not_expected') AS expected,
    COUNT(*) FILTER (WHERE status IN ('received', 'duplicate')) AS received
  FROM coverage WHERE ${scopeWhere(scope)} GROUP BY year
), per_key AS (
  SELECT year, key, SUM(value) AS value FROM cells
  WHERE ${scopeWhere(scope)} AND key IN ${list(OVERVIEW_CELLS)} AND report_id IN (${countedReportIdsSql(scope)})
  GROUP BY year, key
)`
}
