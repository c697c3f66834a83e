import type { DocBlock } from './document'
import { ownCells, placeRows } from './grid'
import type { ReportRecord } from './types'

/** Escapes report text for HTML: report text is untrusted and never becomes markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * A standalone HTML page: <h1> title, <h2> headings, <p> paragraphs and one <table> per section
 * with real rowspan/colspan. Blank cells are `&nbsp;` as on government sites (variation “blank instead of 0” in docs/formats.md); lines inside a
 * cell are separated by <br>.
 */
export function renderHtml(rec: ReportRecord, blocks: DocBlock[]): string {
  const body: string[] = []
  for (const b of blocks) {
    if (b.kind === 'title') body.push(`<h1>${escapeHtml(b.text)}</h1>`)
    else if (b.kind === 'heading') body.push(`<h2>${escapeHtml(b.text)}</h2>`)
    else if (b.kind === 'para') body.push(`<p>${escapeHtml(b.text)}</p>`)
    else {
      body.push('<table border="1" cellspacing="0" cellpadding="4">')
      for (const cells of ownCells(placeRows(b.table, rec.cells))) {
        const tds = cells.map((p) => {
          const span = `${p.cell.rowspan > 1 ? ` rowspan="${p.cell.rowspan}"` : ''}${p.cell.colspan > 1 ? ` colspan="${p.cell.colspan}"` : ''}`
          const lines = p.lines.filter((l) => l !== '')
          const content = lines.length ? lines.map(escapeHtml).join('<br>') : '&nbsp;'
          return `<td${span}>${content}</td>`
        })
        body.push(`<tr>${tds.join('')}</tr>`)
      }
      body.push('</table>')
    }
  }
  const title = blocks.find((b) => b.kind === 'title')
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><title>${escapeHtml(title && title.kind === 'title' ? title.text : '')}</title></head>`,
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
