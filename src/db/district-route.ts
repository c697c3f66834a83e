/**
 * Which district's database file a query needs. The dashboard attaches one district's file at a
 * time (data/db/<district>.duckdb, src/db/wasm.ts), so a visitor of one district never downloads
 * another's rows. Every SQL builder narrows its tables with `district = '<id>'` (src/db/sql/scope.ts
 * `scopeWhere`, and the unit/data builders likewise), so the query itself says which file must be
 * attached — no second channel that could fall out of step with the SQL it belongs to.
 */

/** `district = '<id>'` (any table alias before it; '' inside the literal is an escaped quote). */
const NAMED = /\bdistrict\s*=\s*'((?:[^']|'')*)'/gi

/**
 * The district ids a SQL text names in `district = '<id>'` comparisons, in order of first mention,
 * without repeats. A query that names none (e.g. `WHERE report_id = 5`) reads whichever district is
 * attached: such ids were taken from that district's own rows.
 */
export function namedDistricts(sql: string): string[] {
  const out: string[] = []
  for (const m of sql.matchAll(NAMED)) {
    const id = m[1]!.replace(/''/g, "'")
    if (!out.includes(id)) out.push(id)
  }
  return out
}

/**
 * The district the page address asks for (`#/compare?district=pingtan`, or before the `#`), or
 * null: the engine attaches it while it starts, so the first query does not wait for a second file.
 */
export function districtFromPage(loc: { search: string; hash: string } | undefined = typeof location === 'undefined' ? undefined : location): string | null {
  if (!loc) return null
  const inHash = loc.hash.includes('?') ? new URLSearchParams(loc.hash.slice(loc.hash.indexOf('?') + 1)).get('district') : null
  return inHash ?? new URLSearchParams(loc.search).get('district')
}
