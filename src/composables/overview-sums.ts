import { OVERVIEW_METRICS } from '~/db/sql/overview'
import { evaluateMetric, metricDef, type Metric } from '~/report/metrics'

/** The query (one module with the other SQL builders, so the prebuilt results use the same text). */
export { overviewSumsSql } from '~/db/sql/overview-sums'

/**
 * The 总览 numbers as two steps: DuckDB sums each overview cell key per year (a narrow query),
 * and {@link overviewRowsFromSums} evaluates the metrics on those sums in JavaScript with
 * `evaluateMetric`, the definition the summary build uses.
 *
 * Why not one query: spelling every metric as `SUM(CASE WHEN key IN (…))` in SQL (metricColumns)
 * makes DuckDB-WASM spend most of such a query planning those twenty-odd wide expressions —
 * measured in headless Chromium here, ≈ 70 ms per new kind filter against ≈ 20 ms for the sums
 * alone. Same numbers either way (tests/composables/overview-sums.test.ts compares them).
 */

/** One row of {@link overviewSumsSql}: a year with its coverage counts and one cell key's sum. */
export interface OverviewSumRow {
  year: number
  expected: number
  received: number
  /** Null for a year of the coverage grid without any counted cell. */
  key: string | null
  value: number | null
}

const METRIC_DEFS: readonly Metric[] = OVERVIEW_METRICS.map((k) => {
  const m = metricDef(k)
  if (!m) throw new Error(`Overview metric "${k}" is not defined in src/report/metrics.ts`)
  return m
})

/**
 * Overview rows (year, expected, received and one column per overview metric), one per year ascending, from the rows of {@link overviewSumsSql}.
 */
export function overviewRowsFromSums(rows: readonly OverviewSumRow[]): Record<string, number | null>[] {
  const years = new Map<number, { expected: number; received: number; sums: Record<string, number> }>()
  for (const r of rows) {
    const year = Number(r.year)
    let y = years.get(year)
    if (!y) years.set(year, (y = { expected: Number(r.expected ?? 0), received: Number(r.received ?? 0), sums: {} }))
    if (r.key !== null && r.value !== null) y.sums[r.key] = (y.sums[r.key] ?? 0) + Number(r.value)
  }
  return [...years.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, y]) => {
      const out: Record<string, number | null> = { year, expected: y.expected, received: y.received }
      for (const m of METRIC_DEFS) out[m.key] = evaluateMetric(m, y.sums)
      return out
    })
}
