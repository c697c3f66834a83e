import type { DistrictSummary } from '~/db/summary'
import { evaluateMetric, METRICS, metricDef, ratioOf, type Metric } from '~/report/metrics'
import type { Level } from '~/report/types'
import type { BuiltReport } from './types'

/**
 * The national index (`public/data/national.json`): province → city → district, and per district and
 * per province the few yearly aggregates the first screen of a province or the nation draws, so that
 * screen paints from one small file without the database engine.
 *
 * Columnar on purpose: every series is an array over the index's `years`, so a district costs a few
 * hundred bytes whatever its number of reports, and 2,800 districts stay around a megabyte.
 *
 * Sums are over the counted reports only (one per unit × year, `countedReports`), exactly what the
 * district summary sums. A district-year whose reports received are below `min_coverage` of the
 * expected ones is marked `low` — its sums are what was collected, not the district's total — and a
 * province year carries how many of its district-years are low, so nobody reads a partial sum as complete.
 */

/** Count metrics the index keeps (report table sections 三 and 四). */
export const NATIONAL_SUMS = ['new', 'decided', 'review', 'litigation', 'corrected'] as const
export type NationalSumKey = (typeof NATIONAL_SUMS)[number]

/** Every ratio metric, kept as numerator and denominator so provinces and the nation sum them (ratio of sums). */
export const NATIONAL_RATIOS: readonly string[] = METRICS.filter((m) => m.kind === 'ratio').map((m) => m.key)

/** Province name of a district whose district.json gives none. */
export const UNNAMED_PROVINCE = ''

/** Yearly series, each an array aligned with `NationalIndex.years`. */
export interface NationalSeries {
  /** Units expected to report that year (0: the year is outside the registry grid). */
  expected: number[]
  /** Expected unit-years with a report received (coverage received or duplicate). */
  received: number[]
  /** Reports counted in the sums (one per unit × year; an unreadable report is received but not counted). */
  counted: number[]
  sums: Record<NationalSumKey, number[]>
  /** Ratio metric key → Σ numerator and Σ denominator (the ratio's n); value = num ÷ den when den > 0. */
  ratios: Record<string, { num: number[]; den: number[] }>
  /** Findings per level whose report or series has that year. */
  findings: Record<Level, number[]>
}

export interface NationalDistrict {
  id: string
  name: string
  /** '' when district.json names no city (a district under the province directly). */
  city: string
  synthetic: boolean
  /** Units in the registry. */
  units: number
  series: NationalSeries
  /** Per year: fewer reports received than `min_coverage` of expected (or none): sums are partial. */
  low: boolean[]
  /** Findings per level over everything, including findings with no year (same as the district summary). */
  findings_total: Record<Level, number>
}

export interface NationalProvince {
  /** As district.json spells it; UNNAMED_PROVINCE when none is given. */
  name: string
  /** Every district in it is generated demo data: never added into the national totals. */
  synthetic: boolean
  cities: { name: string; districts: NationalDistrict[] }[]
  series: NationalSeries
  /** Districts with that year in their registry grid, and how many of those are `low`. */
  districts_expected: number[]
  districts_low: number[]
  /** The province year as a whole below `min_coverage`. */
  low: boolean[]
}

export interface NationalIndex {
  format: 1
  /** Share of expected reports below which a year's sums are marked partial (the district view's KPI threshold). */
  min_coverage: number
  years: number[]
  sums: readonly NationalSumKey[]
  ratios: readonly string[]
  provinces: NationalProvince[]
  /** Sums over the provinces with real data (synthetic ones never join the national totals). */
  nation: { series: NationalSeries; districts_expected: number[]; districts_low: number[]; low: boolean[] }
}

/** One year of a district's counted reports with a parsed table: how many, and their cells summed. */
export interface CountedYear {
  year: number
  reports: number
  cells: Record<string, number>
}

/** What one district contributes: its summary, its counted reports per year ({@link countedByYear}), and the year and level of every finding. */
export interface NationalDistrictInput {
  summary: DistrictSummary
  counted: readonly CountedYear[]
  findings: readonly { year: number | null; level: Level }[]
}

/**
 * The counted reports (countedReports: one per unit × year) summed per year, in order of first
 * appearance: all the index reads of them, so the build keeps a few numbers per district-year
 * instead of every report's cells until the index is written. A report without a year or without
 * a parsed table (unreadable) is left out, as from the sums.
 */
export function countedByYear(counted: readonly BuiltReport[]): CountedYear[] {
  const byYear = new Map<number, CountedYear>()
  for (const r of counted) {
    if (r.year === null || !r.report) continue
    const y = byYear.get(r.year) ?? { year: r.year, reports: 0, cells: {} }
    byYear.set(r.year, y)
    y.reports++
    for (const [k, v] of Object.entries(r.report.cells)) y.cells[k] = (y.cells[k] ?? 0) + (v ?? 0)
  }
  return [...byYear.values()]
}

/** The findings of a district's reports and cross-report checks as (year, level) pairs. */
export function findingYears(reports: readonly BuiltReport[], cross: readonly { year: number | null; finding: { level: Level } }[]): { year: number | null; level: Level }[] {
  return [...reports.flatMap((r) => r.findings.map((f) => ({ year: r.year, level: f.level }))), ...cross.map((c) => ({ year: c.year, level: c.finding.level }))]
}

const LEVELS: readonly Level[] = ['error', 'warn', 'info']

/** The kpiBasis rule of the district view: shown only with a report and at least `min` of expected received. */
export function isLow(received: number, expected: number, min: number): boolean {
  return !(received > 0 && (expected === 0 || received / expected >= min))
}

function emptySeries(n: number): NationalSeries {
  const zeros = () => new Array<number>(n).fill(0)
  return {
    expected: zeros(), received: zeros(), counted: zeros(),
    sums: Object.fromEntries(NATIONAL_SUMS.map((k) => [k, zeros()])) as Record<NationalSumKey, number[]>,
    ratios: Object.fromEntries(NATIONAL_RATIOS.map((k) => [k, { num: zeros(), den: zeros() }])),
    findings: Object.fromEntries(LEVELS.map((l) => [l, zeros()])) as Record<Level, number[]>,
  }
}

function addSeries(into: NationalSeries, s: NationalSeries): void {
  const add = (a: number[], b: readonly number[]) => b.forEach((v, i) => (a[i]! += v))
  add(into.expected, s.expected)
  add(into.received, s.received)
  add(into.counted, s.counted)
  for (const k of NATIONAL_SUMS) add(into.sums[k], s.sums[k])
  for (const k of NATIONAL_RATIOS) {
    add(into.ratios[k]!.num, s.ratios[k]!.num)
    add(into.ratios[k]!.den, s.ratios[k]!.den)
  }
  for (const l of LEVELS) add(into.findings[l], s.findings[l])
}

type Cells = Record<string, number | null | undefined>
const sumOf = (cells: Cells, keys: readonly string[]) => keys.reduce((a, k) => a + (cells[k] ?? 0), 0)

/** Numerator and denominator of a ratio metric over summed cells (denominator net of `minus`). */
export function ratioParts(m: Metric, cells: Cells): { num: number; den: number } {
  if (m.kind !== 'ratio') throw new Error(`${m.key} is not a ratio metric`)
  return { num: sumOf(cells, m.numerator), den: sumOf(cells, m.denominator) - sumOf(cells, m.minus ?? []) }
}

/** One district's entry, its series aligned with `years`. */
export function nationalDistrict(input: NationalDistrictInput, years: readonly number[], minCoverage: number): NationalDistrict {
  const { summary } = input
  const series = emptySeries(years.length)
  const at = new Map(years.map((y, i) => [y, i]))
  for (const y of summary.by_year) {
    const i = at.get(y.year)
    if (i === undefined) continue
    series.expected[i] = y.expected
    series.received[i] = y.received
  }
  for (const { year, reports, cells } of input.counted) {
    const i = at.get(year)
    if (i === undefined) continue
    series.counted[i] = reports
    for (const k of NATIONAL_SUMS) series.sums[k][i] = evaluateMetric(metricDef(k)!, cells) ?? 0
    for (const k of NATIONAL_RATIOS) {
      const p = ratioParts(metricDef(k)!, cells)
      series.ratios[k]!.num[i] = p.num
      series.ratios[k]!.den[i] = p.den
    }
  }
  for (const f of input.findings) {
    const i = f.year === null ? undefined : at.get(f.year)
    if (i !== undefined) series.findings[f.level][i]! += 1
  }
  return {
    id: summary.district,
    name: summary.name,
    city: summary.city,
    synthetic: summary.synthetic,
    units: summary.units.length,
    series,
    low: years.map((_, i) => isLow(series.received[i]!, series.expected[i]!, minCoverage)),
    findings_total: { ...summary.findings },
  }
}

/** Key a district is grouped by: its province name, and apart when synthetic (a made-up district never joins a real province's sums). */
function provinceKey(d: { province: string; synthetic: boolean }): string {
  return `${d.synthetic ? 'S' : 'R'}\u0000${d.province.trim()}`
}

function aggregate(districts: readonly NationalDistrict[], n: number, minCoverage: number) {
  const series = emptySeries(n)
  const districtsExpected = new Array<number>(n).fill(0)
  const districtsLow = new Array<number>(n).fill(0)
  for (const d of districts) {
    addSeries(series, d.series)
    d.series.expected.forEach((e, i) => {
      if (e === 0) return
      districtsExpected[i]! += 1
      if (d.low[i]) districtsLow[i]! += 1
    })
  }
  const low = series.expected.map((e, i) => isLow(series.received[i]!, e, minCoverage))
  return { series, districts_expected: districtsExpected, districts_low: districtsLow, low }
}

/**
 * The national index of the given districts: provinces in order of first appearance (the build
 * passes districts in index.json order), real provinces before synthetic ones; cities and districts
 * likewise. A district with no province is grouped under UNNAMED_PROVINCE.
 */
export function buildNationalIndex(inputs: readonly NationalDistrictInput[], minCoverage: number): NationalIndex {
  const years = [...new Set(inputs.flatMap((d) => [...d.summary.years, ...d.summary.by_year.map((y) => y.year)]))].sort((a, b) => a - b)
  const groups = new Map<string, { name: string; synthetic: boolean; cities: Map<string, NationalDistrict[]> }>()
  for (const input of inputs) {
    const s = input.summary
    const key = provinceKey(s)
    const g = groups.get(key) ?? { name: s.province.trim(), synthetic: s.synthetic, cities: new Map() }
    groups.set(key, g)
    const city = s.city.trim()
    const list = g.cities.get(city) ?? []
    g.cities.set(city, list)
    list.push(nationalDistrict(input, years, minCoverage))
  }
  const provinces: NationalProvince[] = [...groups.values()]
    .sort((a, b) => Number(a.synthetic) - Number(b.synthetic))
    .map((g) => {
      const cities = [...g.cities].map(([name, districts]) => ({ name, districts }))
      return { name: g.name, synthetic: g.synthetic, cities, ...aggregate(cities.flatMap((c) => c.districts), years.length, minCoverage) }
    })
  const real = provinces.filter((p) => !p.synthetic).flatMap((p) => p.cities.flatMap((c) => c.districts))
  return {
    format: 1,
    min_coverage: minCoverage,
    years,
    sums: NATIONAL_SUMS,
    ratios: NATIONAL_RATIOS,
    provinces,
    nation: aggregate(real, years.length, minCoverage),
  }
}

/** A ratio's value at year index `i` of a series (null when its denominator is not positive). */
export function seriesRatio(s: NationalSeries, key: string, i: number): number | null {
  const r = s.ratios[key]
  return r ? ratioOf(r.num[i] ?? 0, r.den[i] ?? 0) : null
}
