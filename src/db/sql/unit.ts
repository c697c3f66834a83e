import type { ReportTableData } from '../../report/layout/cell-state'
import type { CellFlag, CellNote, Finding, Level } from '../../report/types'
import type { CoverageStatus } from '../schema'
import { num, str } from './literal'
import { metricSql } from './metric'
import { countedReportIdsSql } from './scope'

/**
 * SQL for the 单位 page: the unit's reports, one report's cells and findings, and the unit's trend
 * of a metric against the district median. Unit names come from URLs and report files, so every
 * value is a quoted literal.
 */

/** Severity order for ORDER BY: errors first. */
export const LEVEL_ORDER_SQL = `CASE level WHEN 'error' THEN 0 WHEN 'warn' THEN 1 ELSE 2 END`

/** One row of `unitReportsSql`: the year switcher's entries. */
export interface UnitReportRow {
  report_id: number
  year: number | null
  format: string | null
  status: string | null
  provenance: string | null
  n_errors: number | null
  n_warnings: number | null
  unit_kind: string | null
  /** The report that stands for its unit-year in totals (reports.counted, set by the build). */
  counted: boolean | null
}

/** The unit's reports, oldest first (duplicates of a year in file order). */
export function unitReportsSql(district: string, unit: string): string {
  return `SELECT report_id, year, format, status, provenance, n_errors, n_warnings, unit_kind, counted
FROM reports WHERE district = ${str(district)} AND unit = ${str(unit)}
ORDER BY year NULLS LAST, report_id`
}

/** One row of `unitRegistrySql`: the unit's entry in the district's registry (units.csv). */
export interface UnitRegistryRow {
  unit: string
  unit_code: string | null
  unit_kind: string | null
  aliases: string | null
  valid_from: number | null
  valid_to: number | null
}

/**
 * The registry entry of a unit, found by its name or one of its aliases (a link may carry either);
 * `unit` is then the canonical name. No row = the registry has no such unit.
 */
export function unitRegistrySql(district: string, unit: string): string {
  return `SELECT unit, unit_code, unit_kind, aliases, valid_from, valid_to
FROM units WHERE district = ${str(district)}
  AND (unit = ${str(unit)} OR list_contains(string_split(COALESCE(aliases, ''), '|'), ${str(unit)}))
ORDER BY unit = ${str(unit)} DESC LIMIT 1`
}

/** One row of `districtUnitsSql`: a registered unit with its aliases and collection progress. */
export interface DistrictUnitRow {
  unit: string
  unit_code: string | null
  unit_kind: string | null
  aliases: string | null
  /** Unit-years expected (coverage rows other than not_expected) and received (or duplicate). */
  expected: number
  received: number
  not_published: number
  /** Latest year with a report, or null. */
  latest: number | null
}

/** Every registered unit of a district in registry order (code, then name), for the search and the units directory. */
export function districtUnitsSql(district: string): string {
  return `SELECT u.unit, u.unit_code, u.unit_kind, u.aliases,
  COUNT(c.year) FILTER (WHERE c.status <> 'not_expected')::INTEGER AS expected,
  COUNT(c.year) FILTER (WHERE c.status IN ('received', 'duplicate'))::INTEGER AS received,
  COUNT(c.year) FILTER (WHERE c.status = 'not_published')::INTEGER AS not_published,
  max(c.year) FILTER (WHERE c.status IN ('received', 'duplicate')) AS latest
FROM units u LEFT JOIN coverage c ON c.district = u.district AND c.unit = u.unit
WHERE u.district = ${str(district)}
GROUP BY u.unit, u.unit_code, u.unit_kind, u.aliases
ORDER BY u.unit_code NULLS LAST, u.unit`
}

/** One row of `unitCoverageSql`: the coverage status of one year of the unit. */
export interface UnitCoverageRow {
  year: number
  status: CoverageStatus
  n_reports: number | null
}

/** The unit's coverage row: every year of the district's grid with its status, ascending. */
export function unitCoverageSql(district: string, unit: string): string {
  return `SELECT year, status, n_reports FROM coverage
WHERE district = ${str(district)} AND unit = ${str(unit)} ORDER BY year`
}

/** One row of `reportDetailSql`: provenance, formats and prose of one report. */
export interface ReportDetailRow extends UnitReportRow {
  district: string
  unit: string
  unit_code: string | null
  file: string
  sha256: string | null
  format_claimed: string | null
  format_active: string | null
  format_apply: string | null
  rendering: string | null
  encoding: string | null
  n_cells: number | null
  unit_printed: string | null
  overview: string | null
  problems: string | null
  other: string | null
  source_url: string | null
  published_at: string | null
}

/** Everything the page shows about one report except its cells and findings. */
export function reportDetailSql(reportId: number): string {
  return `SELECT report_id, district, unit, unit_code, unit_kind, year, file, sha256, provenance, format, format_claimed,
  format_active, format_apply, rendering, encoding, status, n_cells, n_errors, n_warnings, unit_printed, overview, problems, other,
  source_url, published_at
FROM reports WHERE report_id = ${num(reportId)}`
}

/** One row of `reportCellsSql`. */
export interface CellRow {
  key: string
  value: number | null
  flag: string | null
  raw: string | null
}

/** The located cells of one report. */
export function reportCellsSql(reportId: number): string {
  return `SELECT key, value, flag, raw FROM cells WHERE report_id = ${num(reportId)}`
}

/** One row of `reportFindingsSql` (the `findings` table, cells still joined by '|'). */
export interface FindingRow {
  rule: string
  level: 'error' | 'warn' | 'info'
  cells: string | null
  expected: string | null
  actual: string | null
  assumed_zero: boolean | null
  message: string | null
  message_en: string | null
  report_id: number | null
  year: number | null
  file: string | null
}

/**
 * Findings of one report, plus the unit's cross-year findings for that year (C1–C5 carry no
 * report id), most severe first.
 */
export function reportFindingsSql(reportId: number | null, district: string, unit: string, year: number | null): string {
  const crossYear = year === null ? 'FALSE' : `(report_id IS NULL AND district = ${str(district)} AND unit = ${str(unit)} AND year = ${num(year)})`
  // Without a report (a year not received) only the unit-year's own findings remain: not_published / not_collected, C5.
  const own = reportId === null ? 'FALSE' : `report_id = ${num(reportId)}`
  return `SELECT rule, level, cells, expected, actual, assumed_zero, message, message_en, report_id, year, file
FROM findings
WHERE ${own} OR ${crossYear}
ORDER BY ${LEVEL_ORDER_SQL}, rule`
}

/** One row of `unitTrendSql`: a year of the district with the unit's value and the district median. */
export interface TrendRow {
  year: number
  /** The unit's metric value; null when it has no report that year (or a ratio with no denominator). */
  unit_value: number | null
  /** Median of the metric over the district's reports of that year. */
  district_median: number | null
  /** Reports the median is taken over. */
  n_reports: number
}

/**
 * The unit's metric per year beside the district median of the same year, both over the counted
 * reports only (`reports.counted`: one per unit-year, the build's decision that every total and
 * view uses), so a duplicate report neither stands for the unit nor weighs twice in the median.
 * A metric is computed per report (src/report/metrics.ts).
 */
export function unitTrendSql(district: string, unit: string, metric: string): string {
  return `WITH per_report AS (
  SELECT report_id, unit, year, ${metricSql(metric)} AS v
  FROM cells WHERE district = ${str(district)} AND year IS NOT NULL
    AND report_id IN (${countedReportIdsSql({ district })})
  GROUP BY report_id, unit, year
)
SELECT year,
  any_value(v) FILTER (WHERE unit = ${str(unit)}) AS unit_value,
  median(v) AS district_median,
  COUNT(*) AS n_reports
FROM per_report GROUP BY year ORDER BY year`
}

const LEVELS: readonly Level[] = ['error', 'warn', 'info']
const FLAGS: readonly CellFlag[] = ['ok', 'blank', 'zero_text', 'non_numeric']

/** Rows of the `findings` table back into the Finding shape the table components draw. */
export function toFindings(rows: readonly FindingRow[]): Finding[] {
  return rows.map((r) => ({
    rule: r.rule,
    level: (LEVELS as readonly string[]).includes(r.level) ? (r.level as Level) : 'info',
    cells: r.cells ? r.cells.split('|').filter(Boolean) : [],
    message: r.message ?? '',
    message_en: r.message_en ?? r.message ?? '',
    ...(r.expected !== null ? { expected: r.expected } : {}),
    ...(r.actual !== null ? { actual: r.actual } : {}),
    ...(r.assumed_zero ? { assumed_zero: true } : {}),
  }))
}

/** Rows of `cells` and `findings` for one report → what the official-table component draws. */
export function toTableData(cells: readonly CellRow[], findings: readonly FindingRow[]): ReportTableData {
  const values: Record<string, number | null> = {}
  const notes: Record<string, CellNote> = {}
  for (const c of cells) {
    values[c.key] = c.value
    const flag = (FLAGS as readonly string[]).includes(c.flag ?? '') ? (c.flag as CellFlag) : 'ok'
    if (flag !== 'ok' || c.raw) notes[c.key] = { raw: c.raw ?? '', flag }
  }
  return { cells: values, notes, findings: toFindings(findings) }
}
