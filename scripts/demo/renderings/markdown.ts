import type { DocBlock } from './document'
import { placeRows } from './grid'
import type { ReportRecord } from './types'

const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')

/**
 * Markdown: title, headings and paragraphs as plain paragraphs, and each table as a GitHub table on
 * its full grid (a merged cell's text in its first slot, the slots it covers empty), with the
 * separator line after the first row. Title and headings carry no `#`: the parser reads a `#`
 * as part of the unit name and does not see `## 三、…` as a section heading.
 */
export function renderMarkdown(rec: ReportRecord, blocks: DocBlock[]): string {
  const out: string[] = []
  for (const b of blocks) {
    if (b.kind !== 'table') out.push(b.text, '')
    else {
      const width = b.table.columns
      placeRows(b.table, rec.cells).forEach((slots, i) => {
        const grid = new Array<string>(width).fill('')
        for (const s of slots) if (s.kind === 'cell') grid[s.placed.col] = escape(s.placed.lines.filter(Boolean).join(' '))
        out.push(`| ${grid.join(' | ')} |`)
        if (i === 0) out.push(`|${' --- |'.repeat(width)}`)
      })
      out.push('')
    }
  }
  return out.join('\n')
}
