import { keysOf } from '../../model'
import type { Label } from '../../model/types'
import { skippedColumns, skippedRows } from '../blank-totals'
import { tableFormat } from '../context'
import { finding } from '../../finding'
import { applyColLabel, applyRowLabel } from '../../model/labels'
import type { ReportRule } from './types'

/**
 * `total_blank` (INFO): one finding per report listing the sums A3 and A2 skipped because the
 * report left cells blank (variation “blank instead of 0” in docs/formats.md) although the printed values there had something to check:
 * - A3: rows whose 总计 is blank while an applicant cell is non-zero;
 * - A2: columns whose outcome cells （一）…（六） are all blank while （七）总计 is non-zero.
 * All-blank or all-zero places are not listed: there is nothing a check could have found.
 */
export const totalBlank: ReportRule = (ctx) => {
  const format = tableFormat(ctx.meta.format)
  if (!format) return []
  const rows = skippedRows(ctx, format)
  const cols = skippedColumns(ctx, format)
  if (rows.length === 0 && cols.length === 0) return []
  const parts: Label[] = []
  if (rows.length > 0) {
    const labels = rows.map((s) => applyRowLabel(s.key))
    parts.push({
      zh: `${labels.map((r) => r.zh).join('、')} 行的总计为空白，未做横向求和校验（A3）`,
      en: `total left blank in ${labels.length} row(s) (${labels.map((r) => r.en).join('; ')}): row sums not checked (A3)`,
    })
  }
  if (cols.length > 0) {
    const labels = cols.map((s) => applyColLabel(s.key))
    parts.push({
      zh: `${labels.map((c) => c.zh).join('、')}列的（一）至（六）各项均为空白，未核对（七）总计（A2）`,
      en: `outcomes (1)–(6) all blank in ${labels.length} column(s) (${labels.map((c) => `column ${c.en}`).join('; ')}): (7) total not checked (A2)`,
    })
  }
  // In print order, each cell once (a blank row total is also a blank part of the 总计 column).
  const skipped = new Set([...rows, ...cols].flatMap((s) => s.cells))
  const cells = keysOf(format).filter((k) => skipped.has(k))
  return [
    finding('total_blank', 'info', 'apply', {
      zh: parts.map((p) => p.zh).join('；'),
      en: parts.map((p) => p.en).join('; '),
    }, { cells }),
  ]
}
