import { list, num } from './literal'
import { countedReportIdsSql, scopeWhere, type Scope } from './scope'
import { findingsWhere } from './coverage'
import { metricCells, metricDef } from '../../report/metrics'

/**
 * SQL for the 总览 "需要关注" panel: what staff and leaders should look at first in one year —
 * units whose report is missing, error-level findings, spikes (X2) and the largest changes.
 * Each builder takes the view's scope and the year; all values are quoted literals.
 */

const inYear = (scope: Scope, year: number): Scope => ({ ...scope, years: [year, year] })

/** One row of {@link attentionMissingSql}. */
export interface AttentionMissingRow {
  unit: string
  status: 'not_published' | 'not_collected'
}

/** Expected units without a report in the year: not published (the unit's failure) first, then not collected. */
export function attentionMissingSql(scope: Scope, year: number): string {
  return `SELECT unit, status FROM coverage
WHERE ${scopeWhere(inYear(scope, year))} AND status IN ('not_published', 'not_collected')
ORDER BY status = 'not_published' DESC, unit_code NULLS LAST, unit`
}

/** One row of {@link attentionFindingsSql}: a unit's error findings or spike of the year. */
export interface AttentionFindingRow {
  unit: string
  /** 'error' = error-level findings of the unit's reports; 'spike' = an X2 finding. */
  kind: 'error' | 'spike'
  n: number
  rules: string
}

/** Units with error-level findings in the year (most first), and units with a spike (X2). */
export function attentionFindingsSql(scope: Scope, year: number): string {
  return `SELECT unit, CASE WHEN rule = 'X2' THEN 'spike' ELSE 'error' END AS kind, COUNT(*)::INTEGER AS n,
  string_agg(DISTINCT rule, ', ' ORDER BY rule) AS rules
FROM findings
WHERE ${findingsWhere(inYear(scope, year))} AND (level = 'error' OR rule = 'X2') AND unit IS NOT NULL
GROUP BY unit, kind ORDER BY kind, n DESC, unit`
}

/** One row of {@link attentionChangesSql}. */
export interface AttentionChangeRow {
  unit: string
  prev: number
  cur: number
  change: number
}

/**
 * The units whose metric changed most from the previous year, by absolute change; only units with
 * a counted report printing the metric's cells in both years (like for like).
 */
export function attentionChangesSql(scope: Scope, year: number, metric = 'new', limit = 5): string {
  const m = metricDef(metric)
  if (!m || m.kind !== 'sum') throw new Error(`attentionChangesSql: "${metric}" is not a sum metric`)
  const s = { ...scope, years: [year - 1, year] as const }
  return `WITH per_unit AS (
  SELECT unit, year, SUM(value) AS v FROM cells
  WHERE ${scopeWhere(s)} AND key IN ${list(metricCells(m))} AND report_id IN (${countedReportIdsSql(s)})
  GROUP BY unit, year
)
SELECT a.unit, a.v::DOUBLE AS prev, b.v::DOUBLE AS cur, (b.v - a.v)::DOUBLE AS change
FROM per_unit a JOIN per_unit b ON a.unit = b.unit AND a.year = ${num(year - 1)} AND b.year = ${num(year)}
WHERE b.v <> a.v
ORDER BY abs(b.v - a.v) DESC, a.unit LIMIT ${num(limit)}`
}
