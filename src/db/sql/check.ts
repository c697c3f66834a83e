import type { CoverageStatus } from '../schema'
import { num, str } from './literal'

/**
 * SQL for the draft check's comparison with the unit's previous published year. The unit name comes
 * from a user's file (and a select), so every value is a quoted literal. The previous year's cells
 * are read with `reportCellsSql` (./unit.ts), the same query the unit page draws them with.
 */

/** One row of `checkDistrictsSql`: a district whose registry a draft can be matched against. */
export interface CheckDistrictRow {
  district: string
  name: string
}

/** Every district of the data (published and the browser's own), for matching a draft's unit. */
export function checkDistrictsSql(): string {
  return `SELECT district, name FROM districts ORDER BY district`
}

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
