import { APPLY_PART_COLS, applyRowsOf } from '../../model'
import { rowTotalIsBlank } from '../blank-totals'
import { allPresent, sumCells, tableFormat } from '../context'
import { finding } from '../../finding'
import { applyRowLabel, num, zeroNote } from '../../model/labels'
import type { ReportRule } from './types'

/**
 * A3 (ERROR, [DERIVED]): per section 三 row, 总计 = 自然人 + the five 法人或其他组织 columns.
 *
 * A row whose 总计 is blank is skipped (real reports leave it blank, variation “blank instead of 0” in docs/formats.md); `total_blank` records
 * the skipped rows that had something to check.
 */
export const a3RowTotal: ReportRule = (ctx) => {
  const format = tableFormat(ctx.meta.format)
  if (!format) return []
  return applyRowsOf(format).flatMap((row) => {
    const totalKey = `apply.${row.key}.total`
    const partKeys = APPLY_PART_COLS.map((c) => `apply.${row.key}.${c}`)
    if (!allPresent(ctx.cells, [totalKey, ...partKeys]) || rowTotalIsBlank(ctx, row.key)) return []
    const parts = sumCells(ctx.cells, partKeys)
    const total = ctx.cells[totalKey]!
    if (total === parts.sum) return []
    const label = applyRowLabel(row.key)
    const note = zeroNote(parts.assumedZero)
    return [
      finding('A3', 'error', 'apply', {
        zh: `${label.zh} 行：总计=${num(total)}，自然人与法人或其他组织各列之和=${num(parts.sum)}${note.zh}`,
        en: `row ${label.en}: total = ${num(total)}, but the applicant columns add up to ${num(parts.sum)}${note.en}`,
      }, { cells: [totalKey, ...partKeys], expected: parts.sum, actual: total, assumed_zero: parts.assumedZero }),
    ]
  })
}
