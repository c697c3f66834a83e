/**
 * SQL literal and identifier quoting. Unit names, districts and every other filter value come from
 * report files and URLs — untrusted text — so every value reaches SQL through these functions.
 */

/** A SQL string literal: single quotes doubled; NUL removed (DuckDB rejects it in literals). */
export function str(value: string): string {
  return `'${value.replaceAll('\u0000', '').replaceAll("'", "''")}'`
}

/** A SQL numeric literal; throws on NaN/Infinity, which would otherwise become an identifier. */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number for SQL: ${value}`)
  return String(value)
}

/** Any scalar as a SQL literal (null → NULL). */
export function lit(value: string | number | boolean | null): string {
  if (value === null) return 'NULL'
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  return typeof value === 'number' ? num(value) : str(value)
}

/** A parenthesised list of literals for `IN (...)`; never empty (an empty list is `(NULL)`, matching nothing). */
export function list(values: readonly (string | number)[]): string {
  return values.length ? `(${values.map(lit).join(', ')})` : '(NULL)'
}

/** A double-quoted identifier (column alias), quotes doubled. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
