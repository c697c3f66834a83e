import { APPLY_PART_COLS } from '../../model'
import { allPresent, sumCells } from '../context'
import { finding } from '../../finding'
import { applyColLabel, num, zeroNote } from '../../model/labels'
import type { PairRule } from './types'

/**
 * C2 (WARN, [DERIVED]): C1 per applicant column — 二、上年结转 of year Y = 四、结转下年度 of
 * year Y−1 for 自然人 and each 法人或其他组织 column (the 总计 column is C1's).
 */
export const c2CarryOverColumns: PairRule = ({ prev, cur }) =>
  APPLY_PART_COLS.flatMap((c) => {
    const fwd = `apply.carry_forward.${c}`
    const over = `apply.carried_over.${c}`
    if (!allPresent(prev.cells, [fwd]) || !allPresent(cur.cells, [over])) return []
    const a = sumCells(prev.cells, [fwd])
    const b = sumCells(cur.cells, [over])
    if (a.sum === b.sum) return []
    const assumedZero = a.assumedZero || b.assumedZero
    const col = applyColLabel(c)
    const note = zeroNote(assumedZero)
    return [
      finding('C2', 'warn', 'apply', {
        zh: `${col.zh}列：${cur.year}年“二、上年结转”=${num(b.sum)}，但${prev.year}年“四、结转下年度继续办理”=${num(a.sum)}${note.zh}`,
        en: `column ${col.en}: ${cur.year} carried over = ${num(b.sum)}, but ${prev.year} carried forward = ${num(a.sum)}${note.en}`,
      }, { cells: [over, fwd], expected: a.sum, actual: b.sum, assumed_zero: assumedZero }),
    ]
  })
