import { htmlPageMeta } from './html-meta'
import { tableBlock, type Block, type StructuredDoc } from './doc'
import { type MarkupElement, type MarkupNode, parseMarkup } from './markup-tree'

/** Elements whose content is never report text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'select', 'button'])

/** Elements that start and end a paragraph. */
const BLOCK_LEVEL = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'title', 'td', 'th', 'tr', 'ul',
])

/**
 * Read an HTML page into paragraphs and tables.
 *
 * - Paragraph-level elements (p, div, h1–h6, li, …) and each `<br>`-separated line become `para`
 *   blocks, with HTML whitespace collapsed; `<title>` is kept as a paragraph (pages often carry
 *   the report title only there). script/style and similar are ignored.
 * - Each `<table>` becomes a `table` block whose rows are the full grid: a cell with
 *   rowspan/colspan has its text **repeated in every grid slot it covers**; a slot no cell covers
 *   is ''. Rows are not padded to the table width, so a row printed with fewer cells stays
 *   shorter (the extractor reports short rows). Cell text is the inner text with `<br>` and
 *   paragraph boundaries as '\n', entities decoded, each line trimmed (so a cell holding only
 *   `&nbsp;` is '').
 * - A layout table (one with a cell holding a table, a heading, or more than 200 characters of
 *   text) is not emitted as a grid: its cells are read as ordinary flow, so inner data tables
 *   become table blocks of their own and loose text becomes paragraphs. All data tables of a page
 *   are kept, in reading order.
 */
export function htmlToDoc(html: string): StructuredDoc {
  const dom = parseMarkup(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true })
  const reader = new FlowReader()
  reader.walk(dom.children)
  reader.flush()
  const page = htmlPageMeta(dom)
  return page.source_url || page.published_at ? { blocks: reader.blocks, page } : { blocks: reader.blocks }
}

/** Walks document flow, buffering inline text until a paragraph boundary. */
class FlowReader {
  readonly blocks: Block[] = []
  private line = ''
  private preDepth = 0

  walk(nodes: readonly MarkupNode[]): void {
    for (const node of nodes) this.visit(node)
  }

  flush(): void {
    const text = collapse(this.line)
    if (text) this.blocks.push({ kind: 'para', text })
    this.line = ''
  }

  private visit(node: MarkupNode): void {
    if (typeof node === 'string') {
      if (this.preDepth > 0) this.addPreformatted(node)
      else this.line += node
      return
    }
    const tag = node.name
    if (SKIPPED.has(tag)) return
    if (tag === 'br') return this.flush()
    if (tag === 'table') {
      this.flush()
      this.readTable(node)
      return
    }
    if (!BLOCK_LEVEL.has(tag)) return this.walk(node.children)
    this.flush()
    if (tag === 'pre') this.preDepth++
    this.walk(node.children)
    if (tag === 'pre') this.preDepth--
    this.flush()
  }

  private addPreformatted(data: string): void {
    const lines = data.split(LINE_BREAK)
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) this.flush()
      this.line += lines[i]
    }
  }

  private readTable(table: MarkupElement): void {
    for (const caption of table.children) {
      if (typeof caption === 'string' || caption.name !== 'caption') continue
      this.walk(caption.children)
      this.flush()
    }
    const rows: MarkupElement[][] = []
    let layout = false
    for (const tr of tableRows(table)) {
      const cells = rowCells(tr)
      rows.push(cells)
      for (const cell of cells) if (!layout && isLayoutCell(cell)) layout = true
    }
    if (layout) {
      for (const cells of rows) {
        for (const cell of cells) {
          this.walk(cell.children)
          this.flush()
        }
      }
      return
    }
    const cells: GridCell[][] = []
    for (const row of rows) {
      const printed: GridCell[] = []
      for (const td of row) {
        printed.push({ text: cellText(td), rowspan: spanAttr(td.attribs['rowspan'], 1), colspan: spanAttr(td.attribs['colspan'], 1) })
      }
      cells.push(printed)
    }
    const continued: boolean[][] = []
    const grid = expandGrid(cells, continued)
    if (grid.length > 0) this.blocks.push(tableBlock(grid, continued))
  }
}

/*
 * The walkers below are module-level recursive functions rather than closures made per call:
 * under tsx (bench:parse, the data build) every function expression created at run time is
 * also wrapped by a naming helper, which cost more than the walk itself.
 */

/** `<tr>` elements of a table in order, including those under thead/tbody/tfoot, not of nested tables. */
function tableRows(table: MarkupElement): MarkupElement[] {
  const rows: MarkupElement[] = []
  collectRows(table.children, rows)
  return rows
}

function collectRows(nodes: readonly MarkupNode[], rows: MarkupElement[]): void {
  for (const node of nodes) {
    if (typeof node === 'string' || node.name === 'table' || node.name === 'caption') continue
    if (node.name === 'tr') rows.push(node)
    else collectRows(node.children, rows)
  }
}

/** `<td>`/`<th>` cells of a row (also when wrapped in stray elements by broken markup). */
function rowCells(tr: MarkupElement): MarkupElement[] {
  const cells: MarkupElement[] = []
  collectCells(tr.children, cells)
  return cells
}

function collectCells(nodes: readonly MarkupNode[], cells: MarkupElement[]): void {
  for (const node of nodes) {
    if (typeof node === 'string' || node.name === 'table' || node.name === 'tr') continue
    if (node.name === 'td' || node.name === 'th') cells.push(node)
    else collectCells(node.children, cells)
  }
}

/** Longest text a data-table cell plausibly holds (the longest printed row label is ~40 characters). */
const MAX_DATA_CELL_TEXT = 200

/**
 * A cell that holds page layout rather than a value: it contains a table, a heading, or more text
 * than any report table cell prints (a CMS page wrapped in a one-cell table).
 */
function isLayoutCell(cell: MarkupElement): boolean {
  // One walk for both tests; it stops as soon as either answers (text under skipped elements
  // such as <script> counts too: the cell is still not a data cell).
  return layoutTextLeft(cell.children, MAX_DATA_CELL_TEXT) < 0
}

/**
 * `budget` minus the non-space characters below `nodes`, or -1 as soon as the budget is
 * exceeded or a table/heading is met.
 */
function layoutTextLeft(nodes: readonly MarkupNode[], budget: number): number {
  let left = budget
  for (const node of nodes) {
    if (typeof node === 'string') left -= nonSpaceLength(node)
    else if (LAYOUT_INSIDE_CELL.has(node.name)) return -1
    else left = layoutTextLeft(node.children, left)
    if (left < 0) return -1
  }
  return left
}

/** Elements that make the cell holding them a layout cell. */
const LAYOUT_INSIDE_CELL = new Set(['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

const WHITESPACE = /\s/g

/** Characters of `text` that are not whitespace (JS `\s`: includes NBSP and U+3000). */
function nonSpaceLength(text: string): number {
  return text.length - (text.match(WHITESPACE)?.length ?? 0)
}

/** Inner text of a cell: `<br>` and block boundaries become '\n'; lines trimmed, blank lines dropped. */
function cellText(cell: MarkupElement): string {
  let text = ''
  for (const line of cellLines(cell.children).split('\n')) {
    const tidy = collapse(line)
    if (tidy !== '') text = text === '' ? tidy : `${text}\n${tidy}`
  }
  return text
}

/** A cell's text with '\n' at `<br>` and around block elements (lines not yet tidied). */
function cellLines(nodes: readonly MarkupNode[]): string {
  let out = ''
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += node.replace(HTML_SPACE_RUN, ' ')
    } else if (!SKIPPED.has(node.name)) {
      if (node.name === 'br') out += '\n'
      else if (BLOCK_LEVEL.has(node.name)) out += `\n${cellLines(node.children)}\n`
      else out += cellLines(node.children)
    }
  }
  return out
}

/** HTML inter-element whitespace; a text run's line breaks are spaces, not cell lines. */
const HTML_SPACE_RUN = /[ \t\n\r\f]+/g
const SPACE_RUN = /[\s\u00a0]+/g
const LINE_BREAK = /\r\n?|\n/

/** HTML whitespace (and NBSP) runs → one space, trimmed. */
function collapse(text: string): string {
  return text.replace(SPACE_RUN, ' ').trim()
}

/** rowspan/colspan attribute → positive integer; 0 ("to the end") is kept as 0 for the grid. */
function spanAttr(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number.parseInt(value.trim(), 10)
  return Number.isFinite(n) && n >= 0 ? n : fallback
}

/** One printed table cell before grid expansion. */
export interface GridCell {
  text: string
  /** Rows covered; 0 means "to the last row of the table" (HTML semantics). */
  rowspan: number
  /** Columns covered. */
  colspan: number
}

/** Report tables have about a dozen columns; this bounds hostile colspan values. */
const MAX_COLSPAN = 100

/**
 * Expand printed cells (with spans) into a grid, HTML table model: each cell takes the next free
 * slot of its row, and its text is repeated in every slot it covers. Rowspans are clipped at the
 * last row (never creating phantom rows). Slots no cell covers are ''. Rows keep their own length
 * (no padding to the table width); rows with no slot at all are dropped.
 */
export function expandGrid(rows: GridCell[][], continued?: boolean[][]): string[][] {
  // Sparse rows: a slot stays a hole until some cell covers it.
  const grid: string[][] = []
  const cont: boolean[][] = []
  for (let r = 0; r < rows.length; r++) {
    grid.push([])
    cont.push([])
  }
  for (let r = 0; r < rows.length; r++) {
    const row = grid[r]!
    let c = 0
    for (const cell of rows[r]!) {
      while (row[c] !== undefined) c++
      const left = rows.length - r
      const rowspan = cell.rowspan === 0 ? left : Math.min(Math.max(cell.rowspan, 1), left)
      const colspan = Math.min(Math.max(cell.colspan, 1), MAX_COLSPAN)
      for (let dr = 0; dr < rowspan; dr++) {
        const target = grid[r + dr]!
        for (let dc = 0; dc < colspan; dc++) {
          target[c + dc] = cell.text
          cont[r + dr]![c + dc] = dr > 0 || dc > 0
        }
      }
      c += colspan
    }
  }
  const out: string[][] = []
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r]!
    if (row.length === 0) continue
    const dense: string[] = []
    const flags: boolean[] = []
    for (let c = 0; c < row.length; c++) {
      dense.push(row[c] ?? '')
      flags.push(cont[r]![c] ?? false)
    }
    out.push(dense)
    continued?.push(flags)
  }
  return out
}
