import { cellDef } from '../../report/model'
import { cellMetric, metricCells, metricDef, type Metric } from '../../report/metrics'
import { ident, list, str } from './literal'
import { metricSql } from './metric'
import { countedReportIdsSql } from './scope'

/**
 * SQL for a unit's report card (报告卡): every key indicator of the unit per year beside the district
 * median and the median of its peer kind (街道/镇/乡/部门, units.unit_kind), and the unit's year-by-year
 * coverage with its counted report's publication date, lateness and original link. Indicators are
 * metrics of src/report/metrics.ts or single printed cells (cellMetric): no formula is defined here.
 * Unit names come from URLs: every value is a quoted literal.
 */

/** The metrics the card shows, in display order (keys of src/report/metrics.ts). */
export const CARD_METRIC_KEYS = ['new', 'decided', 'granted_share', 'partial', 'withheld', 'review', 'litigation', 'correction_rate'] as const

/**
 * Section 二 cells shown as they are printed (主动公开). Only rows both national formats print in the
 * same meaning are used for decisions; 本年制发件数 exists in the 2021 format only, so 2019–2020 are
 * gaps, never 0 (the 2019 format's 新制作数量 is a different count and is not substituted).
 */
export const CARD_CELL_KEYS = ['active.normative.issued', 'active.license.decisions', 'active.penalty.decisions'] as const

/** Every indicator of the card as a Metric (metrics first, then printed cells). */
export function cardIndicators(): Metric[] {
  return [
    ...CARD_METRIC_KEYS.map((k) => metricDef(k)!),
    ...CARD_CELL_KEYS.map((k) => cellMetric(cellDef(k)!)),
  ]
}

/** One row of {@link cardMetricsSql}: one indicator in one year of the district. */
export interface CardMetricRow {
  year: number
  metric: string
  /** The unit's value; null when it has no counted report that year, its report lacks the cells, or a ratio has no denominator. */
  unit_value: number | null
  /** Median over every unit of the district with a value that year (the unit included), and how many. */
  district_median: number | null
  district_n: number
  /** Median over the units of the unit's own kind (registry) with a value that year, and how many. */
  peer_median: number | null
  peer_n: number
}

/**
 * Per year and indicator: the unit's value, the district median and the peer-kind median, each with
 * its n. Values are per counted report (one per unit-year: duplicates never weigh twice); a report
 * that printed none of an indicator's cells has no value for it (not 0), so it is neither a gap
 * filled with 0 nor a 0 pulling a median down. Years in which no unit of the district has a value
 * have no rows.
 */
export function cardMetricsSql(district: string, unit: string, indicators: readonly Metric[] = cardIndicators()): string {
  if (!indicators.length) throw new Error('cardMetricsSql: no indicators')
  const columns = indicators.map((m) =>
    `CASE WHEN COUNT(*) FILTER (WHERE c."key" IN ${list(metricCells(m))}) > 0 THEN ${metricSql(m, 'c')} END AS ${ident(m.key)}`)
  const peer = `(SELECT unit_kind FROM units WHERE district = ${str(district)} AND unit = ${str(unit)} LIMIT 1)`
  return `WITH per_report AS (
  SELECT c.report_id, c.unit, c.year, u.unit_kind AS kind,
    ${columns.join(',\n    ')}
  FROM cells c LEFT JOIN units u ON u.district = c.district AND u.unit = c.unit
  WHERE c.district = ${str(district)} AND c.year IS NOT NULL
    AND c.report_id IN (${countedReportIdsSql({ district })})
  GROUP BY c.report_id, c.unit, c.year, u.unit_kind
), long AS (
  UNPIVOT per_report ON ${indicators.map((m) => ident(m.key)).join(', ')} INTO NAME metric VALUE v
)
SELECT year::INTEGER AS year, metric,
  any_value(v) FILTER (WHERE unit = ${str(unit)}) AS unit_value,
  median(v) AS district_median,
  COUNT(v)::INTEGER AS district_n,
  median(v) FILTER (WHERE kind = ${peer}) AS peer_median,
  (COUNT(v) FILTER (WHERE kind = ${peer}))::INTEGER AS peer_n
FROM long GROUP BY year, metric ORDER BY metric, year`
}

/** One row of {@link cardYearsSql}: one year of the unit's coverage row with its counted report. */
export interface CardYearRow {
  year: number
  status: string
  report_id: number | null
  source_url: string | null
  published_at: string | null
  days_late: number | null
  provenance: string | null
  n_errors: number | null
  n_warnings: number | null
}

/**
 * Every year of the unit's coverage row (the registry × year grid), ascending, with the report that
 * counts for it, if any: original link, publication date and days after the 31 January deadline.
 */
export function cardYearsSql(district: string, unit: string): string {
  return `SELECT c.year::INTEGER AS year, c.status, r.report_id, r.source_url, r.published_at, r.days_late, r.provenance, r.n_errors, r.n_warnings
FROM coverage c
LEFT JOIN reports r ON r.district = c.district AND r.unit = c.unit AND r.year = c.year AND r.counted
WHERE c.district = ${str(district)} AND c.unit = ${str(unit)}
ORDER BY c.year`
}
