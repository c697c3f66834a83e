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

/**
 * A subquery of the report ids that count in the scope: one per unit and year. Which report counts
 * is decided once by the data build (src/build/summary.ts `countedReports`, stored as
 * `reports.counted`): of duplicates the one with fewest errors, then most cells, then file path;
 * never unmatched reports or unit-years the registry does not expect (coverage `not_expected`).
 * So SQL and the first-paint summary agree, nothing is counted twice, and no query pays for the choice.
 */
export function countedReportIdsSql(scope: Scope): string {
  return `SELECT report_id FROM reports WHERE ${scopeWhere(scope)} AND counted`
}
