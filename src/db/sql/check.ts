import type { CoverageStatus } from '../schema'
import { num, str } from './literal'

/**
 * SQL for the draft check's comparison with the unit's previous published year. The unit name comes
 * from a user's file (and a select), so every value is a quoted literal. Every query names its
 * district: the browser engine attaches the database of the district a query names
 * (src/db/district-route.ts), and the draft's district need not be the one the page shows.
 */

/** One row of `previousYearSql`: the unit-year's coverage status and the report that counts for it. */
export interface PreviousYearRow {
  year: number
  status: CoverageStatus
  /** The counted report (reports.counted: one per unit-year), null when none was received. */
  report_id: number | null
  format: string | null
  file: string | null
  source_url: string | null
}

/**
 * The unit's coverage row for one year with the report that stands for it. No row = the year is
 * outside the district's coverage grid (the data starts later or the unit did not exist).
 */
export function previousYearSql(district: string, unit: string, year: number): string {
  return `SELECT c.year, c.status, r.report_id, r.format, r.file, r.source_url
FROM coverage c
LEFT JOIN reports r ON r.district = c.district AND r.unit = c.unit AND r.year = c.year AND r.counted
WHERE c.district = ${str(district)} AND c.unit = ${str(unit)} AND c.year = ${num(year)}
ORDER BY r.report_id NULLS LAST LIMIT 1`
}

/** One row of `previousCellsSql`. */
export interface PreviousCellRow {
  key: string
  value: number | null
}

/** The cells of one report of a district (the district named, so the right database is read). */
export function previousCellsSql(district: string, reportId: number): string {
  return `SELECT key, value FROM cells WHERE district = ${str(district)} AND report_id = ${num(reportId)}`
}
