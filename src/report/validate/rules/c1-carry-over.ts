import { allPresent, sumCells } from '../context'
import { finding } from '../../finding'
import { num, zeroNote } from '../../model/labels'
import type { PairRule } from './types'

/**
 * C1 (WARN, ERROR in strict mode, [DERIVED]): 二、上年结转 总计 of year Y = 四、结转下年度 总计 of
 * year Y−1. Valid across the 2020→2021 format boundary (section 三 is compatible).
 */
export const c1CarryOver: PairRule = ({ prev, cur }, { strict }) => {
  const fwd = 'apply.carry_forward.total'
  const over = 'apply.carried_over.total'
  if (!allPresent(prev.cells, [fwd]) || !allPresent(cur.cells, [over])) return []
  const a = sumCells(prev.cells, [fwd])
  const b = sumCells(cur.cells, [over])
  if (a.sum === b.sum) return []
  const assumedZero = a.assumedZero || b.assumedZero
  const note = zeroNote(assumedZero)
  return [
    finding('C1', strict ? 'error' : 'warn', 'apply', {
      zh: `${cur.year}年“二、上年结转”总计=${num(b.sum)}，但${prev.year}年“四、结转下年度继续办理”总计=${num(a.sum)}${note.zh}`,
      en: `${cur.year} carried over (total) = ${num(b.sum)}, but ${prev.year} carried forward (total) = ${num(a.sum)}${note.en}`,
    }, { cells: [over, fwd], expected: a.sum, actual: b.sum, assumed_zero: assumedZero }),
  ]
}
