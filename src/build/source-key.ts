import type { DistrictData, SourceRecord } from './types'

/**
 * sources.csv's columns and looking up a unit-year's row. Pure (no node:), so the browser's local district
 * (src/local) computes coverage with the very same code as the data build.
 */

/** Columns of sources.csv, in order. */
export const SOURCE_COLUMNS = ['unit', 'year', 'url', 'status', 'checked_at', 'note'] as const

/** The key of a unit-year in `DistrictData.sources`. */
export function sourceKey(unit: string, year: number): string {
  return `${unit}\u0000${year}`
}

/** The sources.csv row of a unit-year, if any. */
export function sourceFor(input: Pick<DistrictData, 'sources'>, unit: string, year: number): SourceRecord | undefined {
  return input.sources.get(sourceKey(unit, year))
}
