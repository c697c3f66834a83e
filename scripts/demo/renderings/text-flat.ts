import type { DocBlock } from './document'
import { ownCells, placeRows, type PlacedCell } from './grid'
import type { RenderOptions, ReportRecord } from './types'

/** A cell's printed text on one line (wrapped header lines joined back together). */
const oneLine = (p: PlacedCell) => p.lines.join('')

/** Paragraph lines and table rows of cells that start in each row (merged cells printed once, like HTML). */
function flatten(rec: ReportRecord, blocks: DocBlock[], row: (cells: PlacedCell[]) => string[]): string {
  const out: string[] = []
  for (const b of blocks) {
    if (b.kind === 'table') for (const cells of ownCells(placeRows(b.table, rec.cells))) out.push(...row(cells))
    else out.push(b.text)
  }
  return out.join('\n') + '\n'
}

/**
 * A web page copied as text: every paragraph and every table cell on its own line, rows not
 * separated. Blank cells are empty lines, or vanish with `dropEmpty` (variation “vanished empty cells” in docs/formats.md — then positions are lost
 * by design and the parser must report `short_row`, never guess).
 */
export function renderLines(rec: ReportRecord, blocks: DocBlock[], opts: RenderOptions): string {
  return flatten(rec, blocks, (cells) => cells.map(oneLine).filter((t) => !(opts.dropEmpty && t.trim() === '')))
}

/** Each table row as `a | b | c` (merged cells printed once); paragraphs as plain lines. */
export function renderPipe(rec: ReportRecord, blocks: DocBlock[]): string {
  return flatten(rec, blocks, (cells) => [cells.map(oneLine).join(' | ')])
}

/**
 * Glued text (PDF or OCR output that lost every separator): each table row's cells concatenated
 * with nothing between them, blank cells vanishing. Digit runs of adjacent values can then be
 * split only when unique or recoverable by the table arithmetic (`glued_*` findings).
 */
export function renderGlued(rec: ReportRecord, blocks: DocBlock[]): string {
  return flatten(rec, blocks, (cells) => [cells.map(oneLine).join('')])
}
