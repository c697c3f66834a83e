import { APPLY_COLS } from '../../model'
import { allPresent, sumCells, tableFormat } from '../context'
import { finding } from '../../finding'
import { applyColLabel, num, zeroNote } from '../../model/labels'
import type { ReportRule } from './types'

/**
 * A1 (ERROR, [OFF]): per section 三 column, 一 新收 + 二 上年结转 = 三(七) 总计 + 四 结转下年度 —
 * the 勾稽 note printed in the table header. Skipped for a column when one of its four cells was
 * not located.
 */
export const a1Balance: ReportRule = (ctx) => {
  if (!tableFormat(ctx.meta.format)) return []
  return APPLY_COLS.flatMap(({ key: c }) => {
    const inKeys = [`apply.new.${c}`, `apply.carried_over.${c}`]
    const outKeys = [`apply.result.total.${c}`, `apply.carry_forward.${c}`]
    if (!allPresent(ctx.cells, [...inKeys, ...outKeys])) return []
    const received = sumCells(ctx.cells, inKeys)
    const handled = sumCells(ctx.cells, outKeys)
    if (received.sum === handled.sum) return []
    const assumedZero = received.assumedZero || handled.assumedZero
    const col = applyColLabel(c)
    const note = zeroNote(assumedZero)
    return [
      finding('A1', 'error', 'apply', {
        zh: `${col.zh}列：一+二=${num(received.sum)}，三(七)+四=${num(handled.sum)}${note.zh}`,
        en: `column ${col.en}: I + II = ${num(received.sum)}, but III(7) + IV = ${num(handled.sum)}${note.en}`,
      }, { cells: [...inKeys, ...outKeys], expected: received.sum, actual: handled.sum, assumed_zero: assumedZero }),
    ]
  })
}
