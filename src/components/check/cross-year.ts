import type { DetectedFormat } from '~/report/model/types'
import type { Finding } from '~/report/types'
import { validateSeries } from '~/report/validate'

/** One year of a unit as the cross-year rules read it. */
export interface YearCells {
  year: number
  format: DetectedFormat
  cells: Readonly<Record<string, number | null>>
}

/**
 * The cross-year rules (C1–C4: carry-over totals and columns, 现行有效件数 chain, 2019→2020 item
 * counts) between the unit's previous published year and the draft, run by the validator that checks
 * the published series — the draft is compared exactly as the build will compare it once published.
 * C5 (gaps and duplicates) is about a series, not a pair, and is left out. Returns nothing when the
 * years are not consecutive.
 */
export function crossYearFindings(draft: YearCells, previous: YearCells): Finding[] {
  if (previous.year !== draft.year - 1) return []
  return validateSeries([
    { year: previous.year, format: previous.format, cells: previous.cells, counted: true },
    { year: draft.year, format: draft.format, cells: draft.cells, counted: true },
  ])
    .filter((s) => s.year === draft.year && s.finding.rule !== 'C5')
    .map((s) => s.finding)
}

/**
 * The draft cell and last year's cell a carry-over finding (C1, C2) compares, with both values, for a
 * line such as “上年结转 12 ≠ 2024 年报告的结转下年度继续办理 10”. Null for the other rules, whose
 * expected value is computed from several cells (their message spells it out).
 */
export function carryOverPair(f: Finding): { draftKey: string; draftValue: number; previousKey: string; previousValue: number } | null {
  if ((f.rule !== 'C1' && f.rule !== 'C2') || f.cells.length !== 2) return null
  if (typeof f.actual !== 'number' || typeof f.expected !== 'number') return null
  return { draftKey: f.cells[0]!, draftValue: f.actual, previousKey: f.cells[1]!, previousValue: f.expected }
}
