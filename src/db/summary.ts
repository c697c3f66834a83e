import type { UnitKind } from './schema'

/**
 * The small per-district JSON (`public/data/summary/<district>.json`, a few kB) that the dashboard
 * draws its first paint from before the DuckDB engine is ready. Written by the data build, with
 * metric values computed by `evaluateMetric` (src/report/metrics.ts), the same definitions the
 * browser's SQL uses, so the live queries replace it without a visible change.
 */
export interface DistrictSummary {
  district: string
  name: string
  city: string
  province: string
  /** True when any report in view is synthetic (the UI shows a banner). */
  synthetic: boolean
  /** Report years covered by the registry × year grid, ascending. */
  years: number[]
  units: { unit: string; unit_code: string | null; unit_kind: UnitKind }[]
  /** District totals per year: sum metrics summed over received reports; ratios recomputed from sums. */
  by_year: {
    year: number
    /** Units expected to report that year, and reports received for them. */
    expected: number
    received: number
    /** Metric key → value (null for a ratio with a zero denominator). */
    metrics: Record<string, number | null>
  }[]
  /** One entry per received report (unit × year): cells read and a few headline metrics for rankings. */
  by_unit_year: { unit: string; year: number; /** Cells read from the counted report (reports.n_cells). */ cells?: number; metrics: Record<string, number | null> }[]
  /** Finding counts per level over all reports and series. */
  findings: { error: number; warn: number; info: number }
}
