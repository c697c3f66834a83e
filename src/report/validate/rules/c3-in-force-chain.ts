import { allPresent, sumCells } from '../context'
import { finding } from '../../finding'
import { cellLabel, num, zeroNote } from '../../model/labels'
import type { PairRule } from './types'

/**
 * C3 (WARN, [PRACTICE]), gov2021 → gov2021 only: 现行有效件数(Y) = 现行有效件数(Y−1) +
 * 本年制发件数(Y) − 本年废止件数(Y), for 规章 and 行政规范性文件. Never across 2020→2021:
 * the 2019 对外公开总数量 is not 现行有效件数.
 */
export const c3InForceChain: PairRule = ({ prev, cur }) => {
  if (prev.format !== 'gov2021' || cur.format !== 'gov2021') return []
  return ['regulation', 'normative'].flatMap((row) => {
    const inForce = `active.${row}.in_force`
    const issued = `active.${row}.issued`
    const repealed = `active.${row}.repealed`
    if (!allPresent(prev.cells, [inForce]) || !allPresent(cur.cells, [inForce, issued, repealed])) return []
    const before = sumCells(prev.cells, [inForce])
    const now = sumCells(cur.cells, [inForce])
    const added = sumCells(cur.cells, [issued])
    const removed = sumCells(cur.cells, [repealed])
    const expected = before.sum + added.sum - removed.sum
    if (now.sum === expected) return []
    const assumedZero = before.assumedZero || now.assumedZero || added.assumedZero || removed.assumedZero
    const note = zeroNote(assumedZero)
    const label = cellLabel(inForce)
    return [
      finding('C3', 'warn', 'active', {
        zh: `${label.zh}：${cur.year}年=${num(now.sum)}，但${prev.year}年${num(before.sum)}+本年制发${num(added.sum)}−本年废止${num(removed.sum)}=${num(expected)}${note.zh}`,
        en: `${label.en}: ${cur.year} = ${num(now.sum)}, but ${prev.year} ${num(before.sum)} + issued ${num(added.sum)} − repealed ${num(removed.sum)} = ${num(expected)}${note.en}`,
      }, { cells: [inForce, issued, repealed], expected, actual: now.sum, assumed_zero: assumedZero }),
    ]
  })
}
