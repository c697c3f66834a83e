import { c1CarryOver } from './rules/c1-carry-over'
import { c2CarryOverColumns } from './rules/c2-carry-over-columns'
import { c3InForceChain } from './rules/c3-in-force-chain'
import { c4ItemsChain } from './rules/c4-items-chain'
import { c5GapsDuplicates } from './rules/c5-gaps-duplicates'
import type { PairRule, SeriesFinding, SeriesReport, YearPair } from './rules/types'
import { onePerYear } from './one-per-year'

export type { SeriesFinding, SeriesReport } from './rules/types'

const PAIR_RULES: readonly PairRule[] = [c1CarryOver, c2CarryOverColumns, c3InForceChain, c4ItemsChain]

/** Consecutive published years (Y−1, Y); with several reports for a year, the counted one (./one-per-year.ts). */
function consecutivePairs(reports: readonly SeriesReport[]): YearPair[] {
  const first = onePerYear(reports)
  return [...first.values()]
    .sort((a, b) => a.year - b.year)
    .flatMap((cur) => {
      const prev = first.get(cur.year - 1)
      return prev ? [{ prev, cur }] : []
    })
}

/**
 * Cross-year rules C1–C5 over the reports of ONE unit (docs/rules.md, “Across one unit’s years”). Each finding is
 * attached to the later year of its pair (C1–C4) or to the year concerned (C5). Reports without a
 * year take part only in nothing; values are never changed.
 *
 * @param opts.strict C1 becomes ERROR instead of WARN.
 */
export function validateSeries(reports: readonly SeriesReport[], opts: { strict?: boolean } = {}): SeriesFinding[] {
  const strict = opts.strict ?? false
  const pairFindings = consecutivePairs(reports).flatMap(({ prev, cur }) =>
    PAIR_RULES.flatMap((rule) => rule({ prev, cur }, { strict })).map((finding) => ({
      year: cur.year,
      ...(cur.file !== undefined ? { file: cur.file } : {}),
      finding,
    })),
  )
  return [...pairFindings, ...c5GapsDuplicates(reports)]
}
