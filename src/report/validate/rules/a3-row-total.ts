import type { Finding } from '../../types'
import { APPLY_PART_COLS, applyRowsOf } from '../../model'
import { allPresent, sumCells, tableFormat } from '../context'
import { finding } from '../finding'
import { applyRowLabel, num, zeroNote } from '../labels'
import type { ReportRule } from './types'

/**
 * A3 (ERROR, [DERIVED]): per section 三 row, 总计 = 自然人 + the five 法人或其他组织 columns.
 *
 * A row whose 总计 is blank is skipped (real reports leave it blank, V4). When such a row has a
 * non-zero applicant cell the skip hides a check that could have run, so one `total_blank` INFO
 * finding per report lists those rows; all-blank or all-zero rows are not listed (nothing to check).
 */
export const a3RowTotal: ReportRule = (ctx) => {
  const format = tableFormat(ctx.meta.format)
  if (!format) return []
  const out: Finding[] = []
  const skipped: string[] = []
  for (const row of applyRowsOf(format)) {
    const totalKey = `apply.${row.key}.total`
    const partKeys = APPLY_PART_COLS.map((c) => `apply.${row.key}.${c}`)
    if (!allPresent(ctx.cells, [totalKey, ...partKeys])) continue
    const parts = sumCells(ctx.cells, partKeys)
    if (ctx.cells[totalKey] === null) {
      if (partKeys.some((k) => (ctx.cells[k] ?? 0) !== 0)) skipped.push(totalKey)
      continue
    }
    const total = ctx.cells[totalKey]!
    if (total === parts.sum) continue
    const label = applyRowLabel(row.key)
    const note = zeroNote(parts.assumedZero)
    out.push(
      finding('A3', 'error', 'apply', {
        zh: `${label.zh} 行：总计=${num(total)}，自然人与法人或其他组织各列之和=${num(parts.sum)}${note.zh}`,
        en: `row ${label.en}: total = ${num(total)}, but the applicant columns add up to ${num(parts.sum)}${note.en}`,
      }, { cells: [totalKey, ...partKeys], expected: parts.sum, actual: total, assumed_zero: parts.assumedZero }),
    )
  }
  if (skipped.length > 0) {
    const rows = skipped.map((k) => applyRowLabel(k.slice('apply.'.length, -'.total'.length)))
    out.push(
      finding('total_blank', 'info', 'apply', {
        zh: `${rows.map((r) => r.zh).join('、')} 行的总计为空白，未做横向求和校验（A3）`,
        en: `total left blank in ${rows.length} row(s) (${rows.map((r) => r.en).join('; ')}): row sums not checked (A3)`,
      }, { cells: skipped }),
    )
  }
  return out
}
