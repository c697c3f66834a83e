import { APPLY_COLS } from '../../model'
import { outcomeColumnIsBlank, outcomeRowKeys } from '../blank-totals'
import { allPresent, sumCells, tableFormat } from '../context'
import { finding } from '../../finding'
import { applyColLabel, num, zeroNote } from '../../model/labels'
import type { ReportRule } from './types'

/**
 * A2 (ERROR, [DERIVED]): per section 三 column, （七）总计 = the sum of the outcome rows
 * （一）…（六） (gov2021: the three （六） sub-rows; gov2019: its single （六） row). Each
 * application is counted in exactly one outcome ("区分处理的，只计这一情形").
 *
 * A column whose outcome cells are all blank is skipped, as A3 skips a blank 总计 (variation “blank instead of 0” in docs/formats.md: 上海 2019
 * leaves the result rows' 总计 blank under （七）总计 = 805); `total_blank` records it. A column
 * with some outcome cells filled is checked with its blanks counted as 0 (`assumed_zero`).
 */
export const a2Outcomes: ReportRule = (ctx) => {
  const format = tableFormat(ctx.meta.format)
  if (!format) return []
  const outcomeRows = outcomeRowKeys(format)
  return APPLY_COLS.flatMap(({ key: c }) => {
    const totalKey = `apply.result.total.${c}`
    const partKeys = outcomeRows.map((r) => `apply.${r}.${c}`)
    if (!allPresent(ctx.cells, [totalKey, ...partKeys])) return []
    if (outcomeColumnIsBlank(ctx, format, c)) return []
    const total = sumCells(ctx.cells, [totalKey])
    const parts = sumCells(ctx.cells, partKeys)
    if (total.sum === parts.sum) return []
    const assumedZero = total.assumedZero || parts.assumedZero
    const col = applyColLabel(c)
    const note = zeroNote(assumedZero)
    return [
      finding('A2', 'error', 'apply', {
        zh: `${col.zh}列：（七）总计=${num(total.sum)}，（一）至（六）各项之和=${num(parts.sum)}${note.zh}`,
        en: `column ${col.en}: (7) total = ${num(total.sum)}, but outcomes (1)–(6) add up to ${num(parts.sum)}${note.en}`,
      }, { cells: [totalKey, ...partKeys], expected: parts.sum, actual: total.sum, assumed_zero: assumedZero }),
    ]
  })
}
