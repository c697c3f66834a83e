import { APPEAL_GROUPS, APPEAL_RESULTS } from '../../model'
import { allPresent, sumCells, tableFormat } from '../context'
import { finding } from '../../finding'
import { num, zeroNote } from '../../model/labels'
import type { ReportRule } from './types'

const PARTS = APPEAL_RESULTS.filter((r) => r.key !== 'total')

/**
 * Builds one section 四 group rule (A4–A6, ERROR): 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
 * Skipped when a cell of the group was not located.
 */
export function appealRule(rule: 'A4' | 'A5' | 'A6', groupKey: string): ReportRule {
  const group = APPEAL_GROUPS.find((g) => g.key === groupKey)!
  const name = group.parent
    ? { zh: `${group.parent.zh}（${group.label.zh}）`, en: `${group.parent.en} (${group.label.en})` }
    : group.label
  return (ctx) => {
    if (!tableFormat(ctx.meta.format)) return []
    const totalKey = `${groupKey}.total`
    const partKeys = PARTS.map((p) => `${groupKey}.${p.key}`)
    if (!allPresent(ctx.cells, [totalKey, ...partKeys])) return []
    const total = sumCells(ctx.cells, [totalKey])
    const parts = sumCells(ctx.cells, partKeys)
    if (total.sum === parts.sum) return []
    const assumedZero = total.assumedZero || parts.assumedZero
    const note = zeroNote(assumedZero)
    return [
      finding(rule, 'error', 'appeal', {
        zh: `${name.zh}：总计=${num(total.sum)}，${PARTS.map((p) => p.label.zh).join('+')}=${num(parts.sum)}${note.zh}`,
        en: `${name.en}: total = ${num(total.sum)}, but upheld + corrected + other + pending = ${num(parts.sum)}${note.en}`,
      }, { cells: [totalKey, ...partKeys], expected: parts.sum, actual: total.sum, assumed_zero: assumedZero }),
    ]
  }
}
