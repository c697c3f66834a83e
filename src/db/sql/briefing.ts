import { metricCells, metricDef } from '../../report/metrics'
import { list, num, str } from './literal'
import { metricSql } from './metric'
import { countedReportIdsSql, scopeWhere, type Scope } from './scope'

/**
 * SQL for the one-page district briefing (区情简报) that only the briefing needs: the top units of
 * the year by a metric, and the data's date and source. Its key figures, trend, outcome mix and
 * 需要关注 list reuse the overview's own builders (overview-sums, overview-change, attention).
 */

/** One row of {@link briefingTopUnitsSql}. */
export interface BriefingTopRow {
  unit: string
  value: number
}

/**
 * The `limit` units with the largest value of a sum metric in the year, over counted reports only
 * (one per unit-year). A unit whose report printed none of the metric's cells is left out (it has
 * no value, not 0); ties are broken by name so the order is stable.
 */
export function briefingTopUnitsSql(scope: Scope, year: number, metric = 'new', limit = 10): string {
  const m = metricDef(metric)
  if (!m || m.kind !== 'sum') throw new Error(`briefingTopUnitsSql: "${metric}" is not a sum metric`)
  const s: Scope = { ...scope, years: [year, year] }
  return `SELECT unit, ${metricSql(m)} AS value FROM cells
WHERE ${scopeWhere(s)} AND report_id IN (${countedReportIdsSql(s)})
GROUP BY unit
HAVING COUNT(*) FILTER (WHERE "key" IN ${list(metricCells(m))}) > 0
ORDER BY value DESC, unit LIMIT ${num(limit)}`
}

/** One row of {@link briefingSourceSql}: who publishes the district's data and how recent it is. */
export interface BriefingSourceRow {
  name: string | null
  publisher: string | null
  license: string | null
  synthetic: boolean | null
  /** Latest publication date of any of the district's reports (YYYY-MM-DD), or null. */
  latest_published: string | null
  reports: number
}

/** The district's publisher and license (districts table) with its reports' count and latest publication date. */
export function briefingSourceSql(district: string): string {
  return `SELECT d.name, d.publisher, d.license, d.synthetic,
  (SELECT max(published_at) FROM reports WHERE district = ${str(district)}) AS latest_published,
  (SELECT COUNT(*) FROM reports WHERE district = ${str(district)})::INTEGER AS reports
FROM districts d WHERE d.district = ${str(district)}`
}
