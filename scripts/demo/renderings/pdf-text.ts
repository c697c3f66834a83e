import type { DocBlock } from './document'
import { ownCells, placeRows, type PlacedCell } from './grid'
import type { ReportRecord } from './types'

/** Header cells this short sit in narrow columns that PDF extraction stacks vertically (variation “stacked PDF headers” in docs/formats.md). */
const NARROW = 4

const text = (p: PlacedCell) => p.lines.join('')

/**
 * A header row of narrow single-column cells comes out of a PDF one character row at a time:
 * "结 结 其 尚 总" / "果 果 他 未 计" / "维 纠 结 审" / "持 正 果 结".
 */
function stacked(cells: PlacedCell[]): string[] | null {
  const texts = cells.map(text)
  if (cells.some((c) => c.cell.colspan > 1) || texts.some((t) => t.length === 0 || t.length > NARROW)) return null
  const height = Math.max(...texts.map((t) => [...t].length))
  return Array.from({ length: height }, (_, i) => texts.map((t) => [...t][i] ?? '').filter(Boolean).join(' '))
}

/**
 * PDF-extracted text: a row becomes its labels followed by its numeric tokens, separated by spaces;
 * blank cells leave no token (positions are lost, so the parser must not guess); narrow header
 * rows are stacked character by character.
 */
export function renderPdfText(rec: ReportRecord, blocks: DocBlock[]): string {
  const out: string[] = []
  for (const b of blocks) {
    if (b.kind !== 'table') {
      out.push(b.text)
      continue
    }
    for (const cells of ownCells(placeRows(b.table, rec.cells))) {
      if (cells.some((c) => c.isValue)) {
        const labels = cells.filter((c) => !c.isValue).map(text).filter(Boolean)
        const values = cells.filter((c) => c.isValue).map(text).filter(Boolean)
        out.push([...labels, ...values].join(' '))
      } else {
        out.push(...(stacked(cells) ?? [cells.map(text).filter(Boolean).join(' ')]))
      }
    }
  }
  return out.join('\n') + '\n'
}
