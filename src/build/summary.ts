import type { DistrictSummary } from '~/db/summary'
import { evaluateMetric, METRICS, metricDef } from '~/report/metrics'
import { pickCounted } from './counted'
import type { CoverageRow } from './coverage'
import type { BuiltReport, DistrictData } from './types'

/** Metrics kept per unit × year for rankings (the summary must stay a few kB). */
export const HEADLINE_METRICS = ['new', 'decided', 'granted_share', 'correction_rate'] as const

type Cells = Record<string, number | null>

const unitYear = (unit: string, year: number) => `${unit}\u0000${year}`

/**
 * The reports that count in totals, one per unit × year — decided here once, so the summary JSON
 * and the `reports.counted` column (which every dashboard query filters on) cannot disagree.
 * When a unit filed several reports for a year (coverage `duplicate`) the one with fewest errors,
 * then most cells located, then the first file path stands for it; summing both would
 * double-count the unit. Unmatched and unreadable reports, and reports for a unit × year the
 * registry does not expect (coverage `not_expected`), never count.
 */
export function countedReports(reports: readonly BuiltReport[], coverage: readonly CoverageRow[]): BuiltReport[] {
  const expected = new Set(coverage.filter((c) => c.status !== 'not_expected' && c.n_reports > 0).map((c) => unitYear(c.unit.name, c.year)))
  const picked = pickCounted(
    reports.map((r) => {
      const key = r.unit && r.year !== null && r.report ? unitYear(r.unit.name, r.year) : null
      return {
        unitYear: key !== null && expected.has(key) ? key : null,
        errors: r.findings.filter((f) => f.level === 'error').length,
        cells: Object.keys(r.report?.cells ?? {}).length,
        file: r.file,
      }
    }),
  )
  return reports.filter((_, i) => picked.has(i))
}

/** Sum cells over reports (blank = 0). Metrics are linear in cells, so ratios of the sums are the district ratios. */
function addCells(into: Cells, cells: Cells): void {
  for (const [k, v] of Object.entries(cells)) into[k] = (into[k] ?? 0) + (v ?? 0)
}

function metricsOf(cells: Cells, keys: readonly string[]): Record<string, number | null> {
  const out: Record<string, number | null> = {}
  for (const key of keys) out[key] = evaluateMetric(metricDef(key)!, cells)
  return out
}

/**
 * The first-paint summary of one district (src/db/summary.ts), metrics from src/report/metrics.ts.
 * `counted` is `countedReports(reports, coverage)`, computed once by the caller for the summary and
 * the `reports.counted` column alike.
 */
export function buildSummary(input: DistrictData, years: number[], reports: readonly BuiltReport[], counted: readonly BuiltReport[], coverage: readonly CoverageRow[], findingLevels: readonly string[]): DistrictSummary {
  const expectedCov = coverage.filter((c) => c.status !== 'not_expected')
  const primaries = [...counted]
  const allKeys = METRICS.map((m) => m.key)
  const by_year = years.map((year) => {
    const cells: Cells = {}
    for (const r of primaries) if (r.year === year) addCells(cells, r.report!.cells)
    const cov = expectedCov.filter((c) => c.year === year)
    return {
      year,
      expected: cov.length,
      received: cov.filter((c) => c.status === 'received' || c.status === 'duplicate').length,
      metrics: metricsOf(cells, allKeys),
    }
  })
  const unitOrder = new Map(input.units.map((u, i) => [u.name, i]))
  const by_unit_year = primaries
    .sort((a, b) => unitOrder.get(a.unit!.name)! - unitOrder.get(b.unit!.name)! || a.year! - b.year!)
    .map((r) => ({ unit: r.unit!.name, year: r.year!, cells: Object.keys(r.report!.cells).length, metrics: metricsOf(r.report!.cells, HEADLINE_METRICS) }))
  const count = (level: string) => findingLevels.filter((l) => l === level).length
  return {
    district: input.id,
    name: input.info.name,
    city: input.info.city,
    province: input.info.province,
    synthetic: input.info.synthetic || reports.some((r) => r.provenance === 'synthetic'),
    years,
    units: input.units.map((u) => ({ unit: u.name, unit_code: u.code, unit_kind: u.kind })),
    by_year,
    by_unit_year,
    findings: { error: count('error'), warn: count('warn'), info: count('info') },
  }
}
