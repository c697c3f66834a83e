import type { CoverageStatus } from '../schema'
import { list, num, str } from './literal'
import { scopeWhere, type Scope } from './scope'
import { LEVEL_ORDER_SQL, type FindingRow } from './unit'

/**
 * SQL for 收录与异常: the unit × year coverage grid, reports not published / not collected per year, the findings
 * list with its filters. Staff use it to find missing reports and reports whose figures break.
 */

/** One cell of the coverage grid. */
export interface CoverageRow {
  unit: string
  unit_code: string | null
  unit_kind: string | null
  year: number
  status: CoverageStatus
  n_reports: number | null
}

/** Every unit × year of the scope, units in registry order (kind, code, name). */
export function coverageGridSql(scope: Scope): string {
  return `SELECT unit, unit_code, unit_kind, year, status, n_reports
FROM coverage WHERE ${scopeWhere(scope)}
ORDER BY unit_kind, unit_code NULLS LAST, unit, year`
}

/** One row per year of `coverageByYearSql` (a type alias, so it fits TableCard's row type). */
export type CoverageYearRow = {
  year: number
  /** Units expected to report (every status but not_expected). */
  expected: number
  received: number
  /** No report file and no record of a search (未收录): not the unit's fault. */
  not_collected: number
  /** Looked for and not found (未发布): the unit's failure. */
  not_published: number
  duplicate: number
  not_expected: number
}

/** Counts of each coverage status per year, ascending. */
export function coverageByYearSql(scope: Scope): string {
  return `SELECT year,
  COUNT(*) FILTER (WHERE status <> 'not_expected') AS expected,
  COUNT(*) FILTER (WHERE status = 'received') AS received,
  COUNT(*) FILTER (WHERE status = 'not_collected') AS not_collected,
  COUNT(*) FILTER (WHERE status = 'not_published') AS not_published,
  COUNT(*) FILTER (WHERE status = 'duplicate') AS duplicate,
  COUNT(*) FILTER (WHERE status = 'not_expected') AS not_expected
FROM coverage WHERE ${scopeWhere(scope)}
GROUP BY year ORDER BY year`
}

/** One year of `timelinessByYearSql`. */
export type TimelinessYearRow = {
  year: number
  /** Counted reports of the year. */
  reports: number
  /** Published by 31 January of the following year (days_late = 0). */
  on_time: number
  late: number
  /** Publication date unknown (days_late empty). */
  undated: number
  /** Most days late of the year's reports, null when none is late. */
  max_days_late: number | null
}

/** Publication timeliness of the counted reports per year (reports.days_late against the 31 January deadline). */
export function timelinessByYearSql(scope: Scope): string {
  return `SELECT year,
  COUNT(*) AS reports,
  COUNT(*) FILTER (WHERE days_late = 0) AS on_time,
  COUNT(*) FILTER (WHERE days_late > 0) AS late,
  COUNT(*) FILTER (WHERE days_late IS NULL) AS undated,
  MAX(days_late) FILTER (WHERE days_late > 0) AS max_days_late
FROM reports WHERE ${scopeWhere(scope)} AND counted
GROUP BY year ORDER BY year`
}

/** Narrowing of the findings list beyond the scope. Empty or absent = no narrowing. */
export interface FindingFilter {
  rules?: readonly string[]
  levels?: readonly string[]
  unit?: string | null
  year?: number | null
}

/**
 * The WHERE condition for findings (also the 总览 需要关注 panel's). `findings` has no unit_kind
 * column, so a kind filter goes through the unit registry.
 */
export function findingsWhere(scope: Scope, filter: FindingFilter = {}): string {
  const parts = [scopeWhere({ district: scope.district, years: scope.years ?? null, units: scope.units ?? [] })]
  if (scope.kinds?.length) {
    parts.push(`unit IN (SELECT unit FROM units WHERE district = ${str(scope.district)} AND unit_kind IN ${list(scope.kinds)})`)
  }
  if (filter.rules?.length) parts.push(`rule IN ${list(filter.rules)}`)
  if (filter.levels?.length) parts.push(`level IN ${list(filter.levels)}`)
  if (filter.unit) parts.push(`unit = ${str(filter.unit)}`)
  if (filter.year !== undefined && filter.year !== null) parts.push(`year = ${num(filter.year)}`)
  return parts.join(' AND ')
}

/** One row of `findingsListSql`. */
/** One row of `findingsListSql`: a finding (as on the unit page) with its unit. */
export interface FindingListRow extends FindingRow {
  unit: string
}

/** Findings of the scope and filter, most severe first, then by unit and year; at most `limit` rows. */
export function findingsListSql(scope: Scope, filter: FindingFilter = {}, limit = 500): string {
  return `SELECT unit, year, report_id, file, rule, level, cells, expected, actual, assumed_zero, message, message_en
FROM findings WHERE ${findingsWhere(scope, filter)}
ORDER BY ${LEVEL_ORDER_SQL}, unit, year NULLS LAST, rule
LIMIT ${num(Math.max(0, Math.floor(limit)))}`
}

/** One row of `findingCountsSql`. */
export interface FindingCountRow {
  rule: string
  level: 'error' | 'warn' | 'info'
  n: number
}

/**
 * Finding counts per rule and level under the same filter (without the rule and level parts, so
 * the counts say what choosing a rule or level would show).
 */
export function findingCountsSql(scope: Scope, filter: FindingFilter = {}): string {
  const rest: FindingFilter = { unit: filter.unit ?? null, year: filter.year ?? null }
  return `SELECT rule, level, COUNT(*) AS n
FROM findings WHERE ${findingsWhere(scope, rest)}
GROUP BY rule, level ORDER BY rule, ${LEVEL_ORDER_SQL}`
}
