import { allPresent, sumCells } from '../context'
import { finding } from '../../finding'
import { cellLabel, num, zeroNote } from '../../model/labels'
import type { PairRule } from './types'

/** The gov2019 section 二 rows that print 上一年项目数量 and 本年增/减. */
const ITEM_ROWS = ['license', 'other_service', 'penalty', 'coercion', 'fee']

/**
 * C4 (WARN, [DERIVED]), gov2019 2019 → 2020 only: 上一年项目数量(2020) = 上一年项目数量(2019) +
 * 本年增/减(2019), for every row that prints both columns.
 */
export const c4ItemsChain: PairRule = ({ prev, cur }) => {
  if (prev.format !== 'gov2019' || cur.format !== 'gov2019' || prev.year !== 2019) return []
  return ITEM_ROWS.flatMap((row) => {
    const items = `active.${row}.prev_items`
    const delta = `active.${row}.delta`
    if (!allPresent(prev.cells, [items, delta]) || !allPresent(cur.cells, [items])) return []
    const before = sumCells(prev.cells, [items])
    const change = sumCells(prev.cells, [delta])
    const now = sumCells(cur.cells, [items])
    const expected = before.sum + change.sum
    if (now.sum === expected) return []
    const assumedZero = before.assumedZero || change.assumedZero || now.assumedZero
    const note = zeroNote(assumedZero)
    const label = cellLabel(items)
    return [
      finding('C4', 'warn', 'active', {
        zh: `${label.zh}：${cur.year}年=${num(now.sum)}，但${prev.year}年${num(before.sum)}+本年增/减${num(change.sum)}=${num(expected)}${note.zh}`,
        en: `${label.en}: ${cur.year} = ${num(now.sum)}, but ${prev.year} ${num(before.sum)} + change ${num(change.sum)} = ${num(expected)}${note.en}`,
      }, { cells: [items, delta], expected, actual: now.sum, assumed_zero: assumedZero }),
    ]
  })
}
