import type { DocBlock } from './document'
import { placeRows } from './grid'
import type { ReportRecord } from './types'

/**
 * Text as extracted from a .docx, in the sample's layout (tests/fixtures/shared/hulan-baikui-2021.txt):
 * body paragraphs without a tab; every table cell one line starting with `\t`, further lines of a
 * cell without a tab; one empty line between rows; an empty `\t` line for every vertically merged
 * continuation cell; one empty line after a heading and three after a table.
 */
export function renderDocxText(rec: ReportRecord, blocks: DocBlock[]): string {
  const out: string[] = []
  for (const b of blocks) {
    if (b.kind !== 'table') {
      out.push(b.text)
      continue
    }
    out.push('')
    placeRows(b.table, rec.cells).forEach((slots, i) => {
      if (i > 0) out.push('')
      for (const slot of slots) {
        if (slot.kind === 'continue') out.push('\t')
        else {
          const [first = '', ...rest] = slot.placed.lines
          out.push(`\t${first}`, ...rest)
        }
      }
    })
    out.push('', '', '')
  }
  return out.join('\n') + '\n'
}
