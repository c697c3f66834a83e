import type { NationalDistrict, NationalIndex, NationalProvince, NationalSeries } from '~/build/national-index'
import { seriesRatio } from '~/build/national-index'
import { ratioOf } from '~/report/metrics'
import { median } from '~/util/median'
import type { CoverageArea } from './province-coverage'

/**
 * Rows of the province view, read from the national index (src/build/national-index.ts): one row
 * per district of a province, or per province of the nation, for one year. Pure, so the charts, the
 * table and their tests share them.
 */

/** What the province view ranks and tabulates, in table order. */
export const PROVINCE_METRICS = ['coverage', 'new', 'decided', 'granted_share', 'review', 'litigation', 'correction_rate', 'errors'] as const
export type ProvinceMetric = (typeof PROVINCE_METRICS)[number]
export const DEFAULT_PROVINCE_METRIC: ProvinceMetric = 'new'

/** Shares (drawn as percentages, summed as ratios of sums); the others are counts. */
const RATIOS: ReadonlySet<ProvinceMetric> = new Set(['coverage', 'granted_share', 'correction_rate'])
export const isRatioMetric = (m: ProvinceMetric): boolean => RATIOS.has(m)

export function isProvinceMetric(v: string | null | undefined): v is ProvinceMetric {
  return (PROVINCE_METRICS as readonly string[]).includes(v ?? '')
}

/** The URL's `pmetric`, or the default (an unknown value is reported and dropped by src/stores/param-check.ts). */
export function asProvinceMetric(v: string | null | undefined): ProvinceMetric {
  return isProvinceMetric(v) ? v : DEFAULT_PROVINCE_METRIC
}

/** One district (or province) in one year. */
export interface AreaRow {
  /** District id, or province slug. */
  key: string
  name: string
  /** The district's city ('' under the province directly); '' for a province row. */
  city: string
  synthetic: boolean
  expected: number
  received: number
  counted: number
  /** Below the coverage threshold: its sums are what was collected, not the whole. */
  low: boolean
  values: Record<ProvinceMetric, number | null>
  /** The n of each share: expected reports for coverage, the ratio's denominator for the others. */
  n: Partial<Record<ProvinceMetric, number>>
  /** Province rows: districts with the year in their registry grid, and how many of them are low. */
  districts?: number
  districtsLow?: number
}

/** The URL name of a province: its name; a synthetic one apart from a real one of the same name; one without a name by a fixed word. */
export function provinceSlug(p: Pick<NationalProvince, 'name' | 'synthetic'>): string {
  const name = p.name || (p.synthetic ? '示例' : '未注明')
  return p.synthetic && p.name ? `${name}·示例` : name
}

export function findProvince(idx: NationalIndex, slug: string): NationalProvince | undefined {
  return idx.provinces.find((p) => provinceSlug(p) === slug)
}

export function provinceDistricts(p: NationalProvince): NationalDistrict[] {
  return p.cities.flatMap((c) => c.districts)
}

/** The heatmap rows of a province's districts (by id), or of the nation's provinces (by slug, with their display names). */
export function coverageAreas(idx: NationalIndex, p: NationalProvince | null, nameOf: (p: NationalProvince) => string = (x) => x.name): CoverageArea[] {
  if (p) return provinceDistricts(p).map((d) => ({ key: d.id, name: d.name, expected: d.series.expected, received: d.series.received, low: d.low }))
  return idx.provinces.map((x) => ({ key: provinceSlug(x), name: nameOf(x), expected: x.series.expected, received: x.series.received, low: x.low }))
}

/** The year shown when none is chosen: the latest year of the index. */
export function defaultYear(idx: NationalIndex): number | null {
  return idx.years.at(-1) ?? null
}

function row(key: string, name: string, city: string, synthetic: boolean, s: NationalSeries, i: number, low: boolean): AreaRow {
  const expected = s.expected[i] ?? 0
  const received = s.received[i] ?? 0
  return {
    key, name, city, synthetic, expected, received, counted: s.counted[i] ?? 0, low,
    values: {
      coverage: ratioOf(received, expected),
      new: s.sums.new[i] ?? 0,
      decided: s.sums.decided[i] ?? 0,
      granted_share: seriesRatio(s, 'granted_share', i),
      review: s.sums.review[i] ?? 0,
      litigation: s.sums.litigation[i] ?? 0,
      correction_rate: seriesRatio(s, 'correction_rate', i),
      errors: s.findings.error[i] ?? 0,
    },
    n: { coverage: expected, granted_share: s.ratios.granted_share?.den[i] ?? 0, correction_rate: s.ratios.correction_rate?.den[i] ?? 0 },
  }
}

/** The districts of a province that expect reports in `year` (or received one), in index order. */
export function districtRows(idx: NationalIndex, p: NationalProvince, year: number): AreaRow[] {
  const i = idx.years.indexOf(year)
  if (i < 0) return []
  return p.cities.flatMap((c) =>
    c.districts
      .filter((d) => (d.series.expected[i] ?? 0) > 0 || (d.series.received[i] ?? 0) > 0)
      .map((d) => row(d.id, d.name, c.name, d.synthetic, d.series, i, d.low[i] ?? true)),
  )
}

/** A province's total row for `year` (sums over all its districts, low ones included and counted). */
export function provinceRow(idx: NationalIndex, p: NationalProvince, year: number): AreaRow | null {
  const i = idx.years.indexOf(year)
  if (i < 0) return null
  return { ...row(provinceSlug(p), p.name, '', p.synthetic, p.series, i, p.low[i] ?? true), districts: p.districts_expected[i] ?? 0, districtsLow: p.districts_low[i] ?? 0 }
}

/** Every province in `year`, real ones first (the index's order). */
export function provinceRows(idx: NationalIndex, year: number): AreaRow[] {
  return idx.provinces.map((p) => provinceRow(idx, p, year)).filter((r): r is AreaRow => r !== null && (r.expected > 0 || r.received > 0))
}

/** The national total row for `year` (provinces with real data only). */
export function nationRow(idx: NationalIndex, year: number): AreaRow | null {
  const i = idx.years.indexOf(year)
  if (i < 0) return null
  const n = idx.nation
  return { ...row('', '', '', false, n.series, i, n.low[i] ?? true), districts: n.districts_expected[i] ?? 0, districtsLow: n.districts_low[i] ?? 0 }
}

/**
 * Median of each metric over the rows that reach the coverage threshold (a partial sum is not a
 * district's figure) and, for shares, have a value; `rows` is how many rows it was taken over.
 */
export function medianValues(rows: readonly AreaRow[]): { values: Record<ProvinceMetric, number | null>; rows: number } {
  const full = rows.filter((r) => !r.low)
  const values = Object.fromEntries(
    PROVINCE_METRICS.map((m) => [m, median(full.map((r) => r.values[m]).filter((v): v is number => v !== null))]),
  ) as Record<ProvinceMetric, number | null>
  return { values, rows: full.length }
}

/**
 * Rows ordered for a ranking: rows at or above the threshold by value (largest first, no value
 * last), then the low ones, then synthetic ones (demo data never ranks among real places).
 */
export function rankRows(rows: readonly AreaRow[], metric: ProvinceMetric): AreaRow[] {
  const by = (a: AreaRow, b: AreaRow) => {
    const va = a.values[metric]
    const vb = b.values[metric]
    if (va === null || vb === null) return va === null ? (vb === null ? 0 : 1) : -1
    return vb - va
  }
  const real = rows.filter((r) => !r.synthetic)
  const demo = rows.filter((r) => r.synthetic).sort(by)
  // coverage is itself the measure of completeness: every row ranks by it.
  if (metric === 'coverage') return [...real.sort(by), ...demo]
  return [...real.filter((r) => !r.low).sort(by), ...real.filter((r) => r.low).sort(by), ...demo]
}
