/**
 * The one database seam of the dashboard: stores, composables and views talk to DuckDB only
 * through this interface. The browser twin is `wasm.ts` (DuckDB-WASM); the Node twin is `node.ts`
 * (@duckdb/node-api) for tests and scripts. Tests may replace it with an object literal.
 */
export interface Connector {
  /** Run a query and return its rows as plain objects (BIGINT/HUGEINT already converted to numbers). */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>
  /** Run a statement whose result is not needed (SET, CREATE VIEW, ATTACH …). */
  exec(sql: string): Promise<void>
}

/** A plain JS value as it leaves a connector. */
export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue }

/**
 * Convert one engine value to a plain JS value. Both engines hand back `bigint` for BIGINT and
 * HUGEINT (COUNT(*), SUM over integers); ECharts, Intl and JSON all want numbers, and our counts
 * stay far below 2^53. Dates become ISO strings so results stay JSON-serialisable.
 */
export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(toPlain)
  if (typeof value === 'object') {
    const out: Record<string, PlainValue> = {}
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v)
    return out
  }
  return String(value)
}
