import type { CoverageStatus } from '~/db/schema'
import { sourceFor } from './source-key'
import type { BuiltReport, DistrictData, SourceRecord, UnitRecord } from './types'

export type { CoverageStatus }

/** One cell of the unit × year grid. */
export interface CoverageRow {
  unit: UnitRecord
  year: number
  status: CoverageStatus
  n_reports: number
  /** The unit-year's sources.csv row, if any. */
  source: SourceRecord | null
}

/** Whether a unit is expected to report for a year (units.csv valid_from/valid_to, inclusive). */
export function expectedIn(unit: UnitRecord, year: number): boolean {
  return (unit.valid_from === null || year >= unit.valid_from) && (unit.valid_to === null || year <= unit.valid_to)
}

/**
 * The coverage grid years: district.json "years" if given, else min..max of the years of the
 * district's matched reports. Empty when neither exists.
 */
export function gridYears(input: DistrictData, reports: readonly BuiltReport[]): number[] {
  let span = input.info.years
  if (!span) {
    const ys = reports.filter((r) => r.unit && r.year !== null).map((r) => r.year!)
    if (ys.length === 0) return []
    span = [Math.min(...ys), Math.max(...ys)]
  }
  const years: number[] = []
  for (let y = span[0]; y <= span[1]; y++) years.push(y)
  return years
}

/**
 * Every expected unit × grid year (`years`: the callers' gridYears, which they also hand to
 * flagNotExpected — computed once) plus every report for a unit
 * in a year it is not expected (not_expected), ordered by registry order then year. An expected
 * unit-year without a report is `not_published` when sources.csv records that it was looked for and
 * not found (the unit's failure), else `not_collected` (we do not hold it: no fault of the unit).
 */
export function computeCoverage(input: DistrictData, reports: readonly BuiltReport[], years: readonly number[] = gridYears(input, reports)): CoverageRow[] {
  const counts = new Map<UnitRecord, Map<number, number>>()
  for (const r of reports) {
    if (!r.unit || r.year === null) continue
    const byYear = counts.get(r.unit) ?? new Map<number, number>()
    byYear.set(r.year, (byYear.get(r.year) ?? 0) + 1)
    counts.set(r.unit, byYear)
  }
  const rows: CoverageRow[] = []
  for (const unit of input.units) {
    const byYear = counts.get(unit) ?? new Map<number, number>()
    const allYears = [...new Set([...years, ...byYear.keys()])].sort((a, b) => a - b)
    for (const year of allYears) {
      const n = byYear.get(year) ?? 0
      const inGrid = years.includes(year)
      const source = sourceFor(input, unit.name, year) ?? null
      if (inGrid && expectedIn(unit, year)) {
        rows.push({ unit, year, n_reports: n, source, status: n === 1 ? 'received' : n > 1 ? 'duplicate' : source?.status === 'not_published' ? 'not_published' : 'not_collected' })
      } else if (n > 0) {
        rows.push({ unit, year, n_reports: n, source, status: 'not_expected' })
      }
    }
  }
  return rows
}
