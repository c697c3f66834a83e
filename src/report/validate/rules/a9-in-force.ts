import { allPresent, sumCells } from '../context'
import { finding } from '../../finding'
import { cellLabel, num, zeroNote } from '../../model/labels'
import type { ReportRule } from './types'

/**
 * A9 (INFO, [DERIVED], gov2021 only): 现行有效件数 ≥ 本年制发件数 − 本年废止件数 for 规章 and
 * 行政规范性文件. Only a hint: a document can lapse (失效) without being formally repealed.
 */
export const a9InForce: ReportRule = (ctx) => {
  if (ctx.meta.format !== 'gov2021') return []
  return ['regulation', 'normative'].flatMap((row) => {
    const [issued, repealed, inForce] = ['issued', 'repealed', 'in_force'].map((c) => `active.${row}.${c}`) as [string, string, string]
    if (!allPresent(ctx.cells, [issued, repealed, inForce])) return []
    const i = sumCells(ctx.cells, [issued])
    const r = sumCells(ctx.cells, [repealed])
    const f = sumCells(ctx.cells, [inForce])
    const floor = i.sum - r.sum
    if (f.sum >= floor) return []
    const assumedZero = i.assumedZero || r.assumedZero || f.assumedZero
    const note = zeroNote(assumedZero)
    return [
      finding('A9', 'info', 'active', {
        zh: `${cellLabel(inForce).zh}=${num(f.sum)}，小于本年制发−本年废止=${num(floor)}${note.zh}`,
        en: `${cellLabel(inForce).en} = ${num(f.sum)} is below issued − repealed = ${num(floor)}${note.en}`,
      }, { cells: [inForce, issued, repealed], expected: `>= ${num(floor)}`, actual: f.sum, assumed_zero: assumedZero }),
    ]
  })
}
