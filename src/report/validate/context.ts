import type { UnitKind } from '../types'
import type { DetectedFormat, FormatId } from '../model/types'
import type { ReportMeta, ReportProse } from '../types'

/** The report metadata the rules read; a full ReportMeta satisfies it. */
export type ValidateMeta = Pick<ReportMeta, 'year' | 'format' | 'format_claimed' | 'period_year'>

/** Everything one report-level rule may look at. Rules read it and never change it. */
export interface ReportContext {
  meta: ValidateMeta
  /** Located cells: number, null = present but blank; an absent key = not located. */
  cells: Readonly<Record<string, number | null>>
  prose: ReportProse
  unitKind: UnitKind | null
}

/** The national format of the context, or null for legacy/unknown reports (no table rules apply). */
export function tableFormat(format: DetectedFormat): FormatId | null {
  return format === 'gov2021' || format === 'gov2019' ? format : null
}

/** The result of adding cells with blank-as-zero semantics (docs/formats.md, “Reading a cell”). */
export interface CellSum {
  sum: number
  /** True when at least one blank (null) cell was counted as 0. */
  assumedZero: boolean
}

/** True when every key was located in the report (present, possibly blank). */
export function allPresent(cells: Readonly<Record<string, number | null>>, keys: readonly string[]): boolean {
  // A plain loop: every rule asks this for every row and column of every report.
  for (let i = 0; i < keys.length; i++) if (!(keys[i]! in cells)) return false
  return true
}

/**
 * Sums located cells, counting blanks as 0. Callers check `allPresent` first: a rule is skipped,
 * not guessed, when a cell it needs was not located (A8 reports the gap).
 */
export function sumCells(cells: Readonly<Record<string, number | null>>, keys: readonly string[]): CellSum {
  let sum = 0
  let assumedZero = false
  for (const k of keys) {
    const v = cells[k]
    if (v === null || v === undefined) assumedZero = true
    else sum += v
  }
  // Fee amounts are decimals: round away binary noise so 0.1+0.2 compares equal to 0.3.
  return { sum: Math.round(sum * 1e6) / 1e6, assumedZero }
}
