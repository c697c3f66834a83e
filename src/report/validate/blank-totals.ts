import { APPLY_COLS, APPLY_PART_COLS, applyRowsOf } from '../model'
import type { FormatId } from '../model/types'
import { allPresent, type ReportContext } from './context'

/**
 * Where section 三 leaves a sum's parts or its total blank (variation “blank instead of 0” in docs/formats.md: 上海 2019 prints the result rows'
 * 总计 cells as &nbsp; while （七）总计 = 805). Counting those blanks as 0 would turn a layout habit
 * into an arithmetic ERROR, so A2 and A3 skip these places and `total_blank` records them.
 */

/** The section 三 outcome rows （一）…（六） of a format, in print order. */
export function outcomeRowKeys(format: FormatId): string[] {
  return applyRowsOf(format).filter((r) => r.outcome).map((r) => r.key)
}

/** A3 skips a row whose 总计 cell is printed blank. */
export function rowTotalIsBlank(ctx: ReportContext, row: string): boolean {
  return ctx.cells[`apply.${row}.total`] === null
}

/**
 * A2 skips a column whose outcome cells （一）…（六） are ALL printed blank: the unit did not fill
 * that column in, it did not report zeros. A column with some filled outcome cells is checked,
 * blanks counting as 0.
 */
export function outcomeColumnIsBlank(ctx: ReportContext, format: FormatId, col: string): boolean {
  return outcomeRowKeys(format).every((row) => ctx.cells[`apply.${row}.${col}`] === null)
}

/** One place A2 or A3 skipped while the printed values there had something to check. */
export interface SkippedCheck {
  rule: 'A2' | 'A3'
  /** Row key (A3) or column key (A2). */
  key: string
  /** The cells that went unchecked: the blank total and its parts (A3), or the total and its blank parts (A2). */
  cells: string[]
}

/** Rows A3 skipped although an applicant cell is non-zero (all-blank or all-zero rows have nothing to check). */
export function skippedRows(ctx: ReportContext, format: FormatId): SkippedCheck[] {
  return applyRowsOf(format).flatMap(({ key: row }) => {
    const totalKey = `apply.${row}.total`
    const partKeys = APPLY_PART_COLS.map((c) => `apply.${row}.${c}`)
    if (!allPresent(ctx.cells, [totalKey, ...partKeys]) || !rowTotalIsBlank(ctx, row)) return []
    return partKeys.some((k) => (ctx.cells[k] ?? 0) !== 0) ? [{ rule: 'A3' as const, key: row, cells: [totalKey] }] : []
  })
}

/** Columns A2 skipped although their （七）总计 is a non-zero number. */
export function skippedColumns(ctx: ReportContext, format: FormatId): SkippedCheck[] {
  return APPLY_COLS.flatMap(({ key: col }) => {
    const totalKey = `apply.result.total.${col}`
    const partKeys = outcomeRowKeys(format).map((row) => `apply.${row}.${col}`)
    if (!allPresent(ctx.cells, [totalKey, ...partKeys]) || !outcomeColumnIsBlank(ctx, format, col)) return []
    return (ctx.cells[totalKey] ?? 0) !== 0 ? [{ rule: 'A2' as const, key: col, cells: [totalKey, ...partKeys] }] : []
  })
}
