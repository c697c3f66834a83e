import { list, num, str } from './literal'

/**
 * The slice of data a view looks at: one district, optionally a year range, unit kinds and units.
 * Views build it from the filters store; every SQL builder narrows its tables with `scopeWhere`.
 */
export interface Scope {
  district: string
  /** Inclusive year range; absent = all years. */
  years?: readonly [number, number] | null
  /** Unit kinds (街道, 镇 …); empty or absent = all kinds. */
  kinds?: readonly string[]
  /** Unit names; empty or absent = all units. */
  units?: readonly string[]
}

/**
 * A boolean SQL condition restricting rows of `cells`, `reports`, `coverage` or `findings` to the
 * scope. Columns are prefixed with `alias.` when given (for joins).
 */
export function scopeWhere(scope: Scope, alias = ''): string {
  const c = (col: string) => (alias ? `${alias}.${col}` : col)
  const parts = [`${c('district')} = ${str(scope.district)}`]
  if (scope.years) parts.push(`${c('year')} BETWEEN ${num(scope.years[0])} AND ${num(scope.years[1])}`)
  if (scope.kinds?.length) parts.push(`${c('unit_kind')} IN ${list(scope.kinds)}`)
  if (scope.units?.length) parts.push(`${c('unit')} IN ${list(scope.units)}`)
  return parts.join(' AND ')
}

/** True when the scope narrows nothing but the district (the district summary JSON then applies). */
export function isWholeDistrict(scope: Scope): boolean {
  return !scope.kinds?.length && !scope.units?.length
}

/**
 * A subquery of the report ids that count in the scope: one per unit and year. When a unit filed
 * several reports for a year (coverage `duplicate`), the primary one is chosen exactly as the
 * summary build does (scripts/build/summary.ts `primaryReports`): fewest errors, then most cells
 * located, then file path — so SQL and the first-paint summary agree and nothing is counted twice.
 * Like the summary, it leaves out unmatched reports and reports for a unit × year the registry does
 * not expect (coverage `not_expected`).
 */
export function primaryReportIdsSql(scope: Scope): string {
  return `SELECT report_id FROM (
    SELECT report_id, row_number() OVER (PARTITION BY unit, year ORDER BY n_errors, n_cells DESC, file) AS pick
    FROM reports r WHERE ${scopeWhere(scope, 'r')} AND r.unit IS NOT NULL AND r.year IS NOT NULL AND r.status <> 'unmatched'
      AND NOT EXISTS (SELECT 1 FROM coverage c WHERE c.district = r.district AND c.unit = r.unit AND c.year = r.year AND c.status = 'not_expected')
  ) WHERE pick = 1`
}
