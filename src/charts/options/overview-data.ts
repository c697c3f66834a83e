import type { DistrictSummary } from '~/db/summary'
import { OVERVIEW_METRICS } from '~/db/sql/overview'

/** One year of district totals, as the overview draws it (from the summary JSON or from SQL). */
export interface OverviewYear {
  year: number
  expected: number
  received: number
  /** Overview metric key → value; null for a ratio with a zero denominator. */
  metrics: Record<string, number | null>
}

function pick(source: Record<string, unknown>): Record<string, number | null> {
  const out: Record<string, number | null> = {}
  for (const k of OVERVIEW_METRICS) {
    const v = source[k]
    out[k] = typeof v === 'number' && Number.isFinite(v) ? v : null
  }
  return out
}

/** Overview years from the summary JSON (first paint), restricted to an inclusive year range. */
export function yearsFromSummary(summary: DistrictSummary, range: readonly [number, number] | null): OverviewYear[] {
  return summary.by_year
    .filter((y) => !range || (y.year >= range[0] && y.year <= range[1]))
    .map((y) => ({ year: y.year, expected: y.expected, received: y.received, metrics: pick(y.metrics) }))
    .sort((a, b) => a.year - b.year)
}

/** Overview years from the live rows of overviewRowsFromSums (src/composables/overview-sums.ts). */
export function yearsFromRows(rows: readonly Record<string, unknown>[]): OverviewYear[] {
  return rows.map((r) => ({ year: Number(r.year), expected: Number(r.expected ?? 0), received: Number(r.received ?? 0), metrics: pick(r) }))
}

/** A canonical key of overview data: equal keys = equal numbers, so the DOM need not change. */
export function overviewKey(years: readonly OverviewYear[]): string {
  // Round away float noise (SUM order differs between DuckDB and the Node summary builder).
  return JSON.stringify(years, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v))
}
