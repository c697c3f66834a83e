import type { DetectedFormat } from '../../model/types'
import type { Finding, ReportProse } from '../../types'
import type { ReportContext } from '../context'

/** A within-report rule: reads the context, returns findings (empty when the rule holds or cannot run). */
export type ReportRule = (ctx: ReportContext) => Finding[]

/** One report of a unit's series, as validateSeries receives it. */
export interface SeriesReport {
  year: number | null
  format: DetectedFormat
  cells: Readonly<Record<string, number | null>>
  file?: string
  /** The report the build counts for its unit-year (of duplicates, the one the rules compare). */
  counted?: boolean
}

/** A finding about one year of a series (the later year of a pair, or the year concerned). */
export interface SeriesFinding {
  year: number
  file?: string
  finding: Finding
}

/** Two consecutive published years of one unit: `prev` is year Y−1, `cur` is year Y. */
export interface YearPair {
  prev: SeriesReport & { year: number }
  cur: SeriesReport & { year: number }
}

/** A cross-year rule over consecutive pairs of one unit's reports. */
export type PairRule = (pair: YearPair, opts: { strict: boolean }) => Finding[]

/** One report of a district, as validateDistrict receives it. */
export interface DistrictReport {
  unit: string
  year: number | null
  cells: Readonly<Record<string, number | null>>
  prose?: ReportProse
  file?: string
  /** The report the build counts for its unit-year (of duplicates, the one X2 compares). */
  counted?: boolean
}

/** A finding about one report of a district. */
export interface DistrictFinding {
  unit: string
  year: number
  file?: string
  finding: Finding
}
