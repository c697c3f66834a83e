import type { CoverageStatus } from '../schema'
import { cellDef } from '../../report/model'
import { cellMetric, metricDef, type Metric } from '../../report/metrics'
import { metricOfPartsSql, metricPartsSql } from './metric'
import { countedReportIdsSql, scopeWhere, type Scope } from './scope'

/**
 * SQL for the 单位对比 (Compare) view, plus the `scoped_cells` CTE and metric resolution the
 * other analytical views (outcomes, appeal, active) build on. Pure string builders: no DuckDB import, so they run
 * unchanged in the browser (DuckDB-WASM) and in the Node tests (@duckdb/node-api).
 */

/**
 * A CTE named `scoped_cells`: the cells of the reports in scope, one report per unit and year.
 * When a unit published two reports for one year (coverage status `duplicate`), only the primary
 * one (`countedReportIdsSql`, the same pick as the summary build) is counted, so duplicates never
 * double a sum; the heatmap shows the `duplicate` status so the choice is visible.
 */
export function scopedCellsCte(scope: Scope): string {
  return `scoped_cells AS (
  SELECT * FROM cells WHERE ${scopeWhere(scope)} AND report_id IN (${countedReportIdsSql(scope)})
)`
}

/**
 * A metric the dashboard can rank by: a derived metric of src/report/metrics.ts, or any single cell
 * key of the format model (turned into a one-cell sum). Undefined for an unknown key.
 */
export function resolveMetric(key: string): Metric | undefined {
  const derived = metricDef(key)
  if (derived) return derived
  const cell = cellDef(key)
  if (!cell) return undefined
  return cellMetric(cell)
}

/** CTE `report_metric`: one row per report in scope with the metric's partial sums. */
function reportMetricCte(scope: Scope, m: Metric): string {
  return `${scopedCellsCte(scope)},
report_metric AS (
  SELECT district, unit, any_value(unit_code) AS unit_code, any_value(unit_kind) AS unit_kind, "year", report_id,
         any_value(format) AS format, ${metricPartsSql(m)}
  FROM scoped_cells GROUP BY district, unit, "year", report_id
)`
}

/** A row of {@link rankingSql}. */
export interface RankingRow {
  district: string
  unit: string
  unit_kind: string | null
  /** The metric over every year in scope; null when no report printed its cells (or a ratio's denominator is 0). */
  value: number | null
  /** Reports the value is computed from. */
  reports: number
  /**
   * For an expected unit without any report in scope: not_published when any of its missing years
   * was looked for and not found (the unit's failure), else not_collected. Null when it has reports.
   */
  missing: 'not_collected' | 'not_published' | null
}

/**
 * Units ranked by a metric over the years in scope, largest first; units whose reports lack a value
 * next, and units the registry expects without any report in scope last — listed, never dropped.
 */
export function rankingSql(scope: Scope, m: Metric): string {
  return `WITH ${reportMetricCte(scope, m)},
ranked AS (
  SELECT district, unit, any_value(unit_kind) AS unit_kind, (${metricOfPartsSql(m)})::DOUBLE AS value, COUNT(*)::INTEGER AS reports
  FROM report_metric GROUP BY district, unit
),
expected AS (
  SELECT district, unit, any_value(unit_kind) AS unit_kind, bool_or(status = 'not_published') AS any_not_published,
    bool_or(status IN ('received', 'duplicate')) AS any_received
  FROM coverage WHERE ${scopeWhere(scope)} AND status <> 'not_expected' GROUP BY district, unit
)
SELECT COALESCE(r.district, e.district) AS district, COALESCE(r.unit, e.unit) AS unit, COALESCE(r.unit_kind, e.unit_kind) AS unit_kind,
  r.value, COALESCE(r.reports, 0)::INTEGER AS reports,
  -- A received report without the metric's cells (a table not found) is no value, not a missing report.
  CASE WHEN r.unit IS NULL AND NOT e.any_received THEN CASE WHEN e.any_not_published THEN 'not_published' ELSE 'not_collected' END END AS missing
FROM ranked r FULL OUTER JOIN expected e ON e.district = r.district AND e.unit = r.unit
ORDER BY r.unit IS NULL, r.value DESC NULLS LAST, COALESCE(r.unit, e.unit)`
}

/** A cell of the unit × year heatmap. */
export interface HeatmapRow {
  district: string
  unit: string
  unit_code: string | null
  year: number
  /** Coverage status: received, not_collected (未收录), not_published (未发布), duplicate, not_expected. */
  status: CoverageStatus
  /** Metric value; null when missing, not expected, the report lacks the metric's cells, or a ratio's denominator is 0. */
  value: number | null
  /** Cells of the metric the report(s) printed: 0 = the report has no such cells (other format, table missing). */
  cells_present: number
}

/**
 * Every unit × year of the coverage grid in scope with the metric's value, so a missing report
 * (no value, status missing) can be drawn differently from a reported zero.
 */
export function heatmapSql(scope: Scope, m: Metric): string {
  return `WITH ${reportMetricCte(scope, m)},
unit_year AS (
  SELECT district, unit, "year", ${metricOfPartsSql(m)}::DOUBLE AS value, SUM(p_present)::INTEGER AS cells_present
  FROM report_metric GROUP BY district, unit, "year"
)
SELECT cv.district, cv.unit, cv.unit_code, cv."year"::INTEGER AS "year", cv.status, uy.value, COALESCE(uy.cells_present, 0)::INTEGER AS cells_present
FROM coverage cv LEFT JOIN unit_year uy ON uy.district = cv.district AND uy.unit = cv.unit AND uy."year" = cv."year"
WHERE ${scopeWhere(scope, 'cv')}
ORDER BY cv.unit_code NULLS LAST, cv.unit, cv."year"`
}

/** A row of {@link unitYearSql}. */
export interface UnitYearRow {
  district: string
  unit: string
  year: number
  /** Coverage status of the unit-year (received, not_collected, not_published, duplicate). */
  status: CoverageStatus
  /** Null when there is no report (status says why), or the report lacks the metric's cells. */
  value: number | null
}

/**
 * The metric per unit and year over the coverage grid in scope (the side-by-side comparison of
 * chosen units): every expected unit-year with its status, so a missing report is told apart from 0.
 */
export function unitYearSql(scope: Scope, m: Metric): string {
  return `WITH ${reportMetricCte(scope, m)},
unit_year AS (
  SELECT district, unit, "year", (${metricOfPartsSql(m)})::DOUBLE AS value FROM report_metric GROUP BY district, unit, "year"
)
SELECT cv.district, cv.unit, cv."year"::INTEGER AS "year", cv.status, uy.value
FROM coverage cv LEFT JOIN unit_year uy ON uy.district = cv.district AND uy.unit = cv.unit AND uy."year" = cv."year"
WHERE ${scopeWhere(scope, 'cv')} AND (cv.status <> 'not_expected' OR uy.value IS NOT NULL)
ORDER BY cv.unit, cv."year"`
}
