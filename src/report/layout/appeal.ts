import { APPEAL_GROUPS, APPEAL_RESULTS } from '../model/appeal'
import type { FormatId, Label } from '../model/types'
import type { LayoutCell, LayoutTable } from './types'

const head = (text: Label, rowspan: number, colspan: number): LayoutCell => ({ kind: 'head', text, rowspan, colspan })

/**
 * Section 四 as printed (identical in both formats): 行政复议 over its five results (which span two
 * header rows), 行政诉讼 over 未经复议直接起诉 and 复议后起诉 with five results each, then one row of
 * 15 values.
 */
export function appealLayout(format: FormatId): LayoutTable {
  const [review, ...litigation] = APPEAL_GROUPS
  const n = APPEAL_RESULTS.length
  const rows: LayoutCell[][] = [
    [head(review!.label, 1, n), head(litigation[0]!.parent!, 1, n * litigation.length)],
    [...APPEAL_RESULTS.map((c) => head(c.label, 2, 1)), ...litigation.map((g) => head(g.label, 1, n))],
    litigation.flatMap(() => APPEAL_RESULTS.map((c) => head(c.label, 1, 1))),
    APPEAL_GROUPS.flatMap((g) => APPEAL_RESULTS.map((c): LayoutCell => ({ kind: 'value', key: `${g.key}.${c.key}`, rowspan: 1, colspan: 1 }))),
  ]
  return { id: `${format}.appeal`, section: 'appeal', columns: n * APPEAL_GROUPS.length, rows }
}
