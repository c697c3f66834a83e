import type { DistrictInput, SourceRecord } from './types'

/**
 * Looking up a unit-year's sources.csv row. Pure (no node:), so the browser's local district
 * (src/local) computes coverage with the very same code as the data build.
 */

/** The key of a unit-year in `DistrictInput.sources`. */
export function sourceKey(unit: string, year: number): string {
  return `${unit}\u0000${year}`
}

/** The sources.csv row of a unit-year, if any. */
export function sourceFor(input: Pick<DistrictInput, 'sources'>, unit: string, year: number): SourceRecord | undefined {
  return input.sources.get(sourceKey(unit, year))
}
