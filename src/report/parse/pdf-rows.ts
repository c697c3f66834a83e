/**
 * PDF text geometry → StructuredDoc. Pure (no pdf.js here): pdf.ts hands over each page's text
 * items with their positions, and this file rebuilds lines, cells and table rows from them.
 *
 * 1. lines: items grouped by baseline (tolerance a fraction of the font size);
 * 2. cells: a line is cut where the horizontal gap between items is a column gap (about one
 *    character or more; two numbers are cut at any visible gap);
 * 3. page furniture (page numbers `- 4 -`, `第4页`, running headers/footers repeated on several
 *    pages) is dropped;
 * 4. value rows are lines that end in number cells (a label before them or not); a label printed
 *    on its own line(s) next to its values — a wrapped label, a label cell taller than one line,
 *    a merged group label — is attached to the value row closest in height, cell by cell by column;
 * 5. a table region runs from a value row to the last value row that follows it without a
 *    section heading in between, across page breaks; lines inside it that belong to no row
 *    (sub-table captions, repeated headers) stay as text rows of the table. Everything else is a
 *    `para` block, one per line;
 * 6. in a run of value rows, a row with fewer values than its neighbours gets '' in the columns
 *    where nothing is printed, when its values line up with the columns of the fuller rows.
 */
import type { Block, StructuredDoc } from './doc'
import { headingOf } from './headings'

/** One run of text as pdf.js reports it, in PDF user space (y grows upwards). */
export interface PdfTextItem {
  str: string
  /** Left edge and baseline. */
  x: number
  y: number
  /** Advance width and font size (height). */
  w: number
  h: number
}

export interface PdfPageText {
  items: PdfTextItem[]
  width: number
  height: number
}

interface Cell {
  text: string
  x0: number
  x1: number
  /** Top-to-bottom order key for merging fragments: the baseline of the line it came from. */
  y: number
}

interface Line {
  page: number
  y: number
  h: number
  cells: Cell[]
  /** Number of trailing number cells; 0 for a text line. */
  values: number
  /** Fragment lines attached to this value row. */
  attached: Line[]
  /** For a fragment line: the row it went to. */
  owner?: Line
}

const NUMBER = /^[-+−]?\d[\d,，]*(?:\.\d+)?%?$/
const DASH_VALUE = /^(?:无|[—–\-−－―─/]{1,2})$/

function isNumber(text: string): boolean {
  return NUMBER.test(text.replace(/\s+/g, ''))
}

function isValueText(text: string): boolean {
  const t = text.replace(/\s+/g, '')
  return NUMBER.test(t) || DASH_VALUE.test(t)
}

/** Pages → blocks in reading order. */
export function pagesToDoc(pages: readonly PdfPageText[]): StructuredDoc {
  const perPage = pages.map((p, i) => pageLines(p, i))
  dropFurniture(perPage, pages)
  const lines = perPage.flat()
  for (const line of lines) line.values = trailingValues(line.cells)
  attachFragments(perPage)
  return { blocks: toBlocks(lines) }
}

// ── 1–2. lines and cells ────────────────────────────────────────────────────

function pageLines(page: PdfPageText, pageIndex: number): Line[] {
  const items = page.items.filter((it) => it.str.trim() !== '' && Number.isFinite(it.x) && Number.isFinite(it.y))
  items.sort((a, b) => b.y - a.y || a.x - b.x)
  const groups: { y: number; h: number; items: PdfTextItem[] }[] = []
  for (const it of items) {
    const h = it.h > 0 ? it.h : 10
    // Items arrive top-down; look at the last few lines (a label and its values may differ a bit).
    let target: (typeof groups)[number] | undefined
    for (let g = groups.length - 1; g >= 0 && g >= groups.length - 3; g--) {
      const cand = groups[g]!
      if (Math.abs(cand.y - it.y) <= 0.4 * Math.min(h, cand.h)) {
        target = cand
        break
      }
    }
    if (target) {
      target.items.push(it)
      target.h = Math.max(target.h, h)
    } else groups.push({ y: it.y, h, items: [it] })
  }
  groups.sort((a, b) => b.y - a.y)
  return groups.map((g) => ({ page: pageIndex, y: g.y, h: g.h, cells: lineCells(g.items, g.y), values: 0, attached: [] }))
}

function lineCells(items: PdfTextItem[], y: number): Cell[] {
  items.sort((a, b) => a.x - b.x)
  const cells: Cell[] = []
  let cur: Cell | null = null
  let curH = 0
  for (const it of items) {
    const text = it.str.replace(/\s+/g, ' ').trim()
    const h = it.h > 0 ? it.h : 10
    const x1 = it.x + Math.max(it.w, 0)
    if (cur) {
      const gap = it.x - cur.x1
      const em = Math.min(h, curH)
      const numbers = isValueText(cur.text) && isValueText(text)
      if (gap < 0.9 * em && !(numbers && gap > 0.2 * em)) {
        const space = gap > 0.2 * em && /[\x21-\x7e]$/.test(cur.text) && /^[\x21-\x7e]/.test(text) ? ' ' : ''
        cur.text += space + text
        cur.x1 = Math.max(cur.x1, x1)
        curH = Math.max(curH, h)
        continue
      }
    }
    cur = { text, x0: it.x, x1, y }
    curH = h
    cells.push(cur)
  }
  return cells
}

function trailingValues(cells: readonly Cell[]): number {
  let n = 0
  let digits = 0
  for (let i = cells.length - 1; i >= 0 && isValueText(cells[i]!.text); i--) {
    n++
    if (isNumber(cells[i]!.text)) digits++
  }
  if (digits === 0) return 0
  // A row is a label then values, or values alone (two or more, or one below a label fragment).
  if (n === cells.length && n === 1) return 1
  return n
}

// ── 3. page furniture ───────────────────────────────────────────────────────

const PAGE_NUMBER = [
  /^[-—–－·\s]*\d{1,4}[-—–－·\s]*$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
]

function lineText(line: Line, sep = ''): string {
  return line.cells.map((c) => c.text).join(sep)
}

/** Drops page numbers and running headers/footers (lines in the page margins repeated across pages). */
function dropFurniture(perPage: Line[][], pages: readonly PdfPageText[]): void {
  const inMargin = (line: Line): boolean => {
    const height = pages[line.page]!.height || 842
    return line.y < height * 0.12 || line.y > height * 0.9
  }
  const marginKey = (line: Line): string => lineText(line).replace(/\s+/g, '').replace(/\d+/g, '#')
  const seen = new Map<string, Set<number>>()
  for (const lines of perPage) {
    for (const line of lines) {
      if (!inMargin(line)) continue
      const key = marginKey(line)
      if (!seen.has(key)) seen.set(key, new Set())
      seen.get(key)!.add(line.page)
    }
  }
  const repeatMin = pages.length >= 3 ? Math.max(2, Math.ceil(pages.length / 2)) : 2
  for (let p = 0; p < perPage.length; p++) {
    perPage[p] = perPage[p]!.filter((line) => {
      if (!inMargin(line)) return true
      const text = lineText(line, ' ').trim()
      if (PAGE_NUMBER.some((re) => re.test(text))) return false
      // Repeated margin text that is not a table row (a row of zeros can repeat too).
      const key = marginKey(line)
      const numbersOnly = line.cells.every((c) => isValueText(c.text))
      return numbersOnly || key.length === 0 || (seen.get(key)?.size ?? 0) < repeatMin
    })
  }
}

// ── 4. fragments → value rows ───────────────────────────────────────────────

function center(line: Line): number {
  return line.y + line.h * 0.35
}

/**
 * A text line next to a value row (a wrapped label, a tall label cell, a merged group label) is
 * attached to the closest value row on its page when it is within about one line of it (half a
 * line above the first or below the last row) and sits left of the row's first value.
 */
function attachFragments(perPage: Line[][]): void {
  for (const lines of perPage) {
    const rows = lines.filter((l) => l.values > 0)
    if (rows.length === 0) continue
    // Every row prints a label beside its values: cells are top-aligned (Word, LibreOffice), and a
    // wrapped label continues on the lines below its row.
    if (rows.every((r) => r.cells.length > r.values)) attachBelow(lines)
    for (const line of lines) {
      if (line.owner) continue
      if (line.values > 0 || headingOf(lineText(line)) !== null) continue
      let best: Line | undefined
      let bestDy = Infinity
      for (const row of rows) {
        const dy = Math.abs(center(row) - center(line))
        if (dy < bestDy) {
          bestDy = dy
          best = row
        }
      }
      if (!best) continue
      const firstValue = best.cells[best.cells.length - best.values]!
      const leftOfValues = line.cells.every((c) => c.x1 <= firstValue.x0 + 2)
      // Between two value rows (a group label centred on its rows) it may sit a whole line away.
      const between = rows.some((r) => r.y > line.y) && rows.some((r) => r.y < line.y)
      if (bestDy <= (between ? 1.0 : 0.6) * Math.max(line.h, best.h) && leftOfValues) {
        best.attached.push(line)
        line.owner = best
      }
    }
    for (const row of rows) if (row.attached.length > 0) mergeFragments(row)
  }
}

/**
 * Top-aligned cells: the text lines right under a value row, one line pitch apart, whose cells sit
 * in the row's label columns, continue its labels.
 */
function attachBelow(lines: readonly Line[]): void {
  let row: Line | undefined
  let last: Line | undefined
  for (const line of lines) {
    if (line.values > 0) {
      row = last = line
      continue
    }
    if (!row || !last) continue
    const labels = row.cells.slice(0, row.cells.length - row.values)
    const firstValue = row.cells[labels.length]!
    const inLabelColumns = line.cells.every((c) => c.x1 <= firstValue.x0 + 2 && labels.some((l) => c.x0 < l.x1 + 2 && c.x1 > l.x0 - 2))
    if (last.y - line.y <= 1.6 * Math.max(line.h, Math.min(last.h, row.h)) && inLabelColumns && headingOf(lineText(line)) === null) {
      row.attached.push(line)
      line.owner = row
      last = line
    } else row = last = undefined
  }
}

/** Merges attached fragment cells into the row's label cells, by column, top to bottom. */
function mergeFragments(row: Line): void {
  const labelCount = row.cells.length - row.values
  const labels: Cell[] = row.cells.slice(0, labelCount).map((c) => ({ ...c }))
  const fragments = row.attached.flatMap((l) => l.cells)
  // Column groups: cells whose x ranges overlap go together.
  const groups: { x0: number; x1: number; parts: Cell[] }[] = labels.map((c) => ({ x0: c.x0, x1: c.x1, parts: [c] }))
  for (const frag of fragments) {
    const g = groups.find((gr) => frag.x0 < gr.x1 - 1 && frag.x1 > gr.x0 + 1)
    if (g) {
      g.parts.push(frag)
      g.x0 = Math.min(g.x0, frag.x0)
      g.x1 = Math.max(g.x1, frag.x1)
    } else groups.push({ x0: frag.x0, x1: frag.x1, parts: [frag] })
  }
  groups.sort((a, b) => a.x0 - b.x0)
  const merged: Cell[] = groups.map((g) => {
    const parts = [...g.parts].sort((a, b) => b.y - a.y || a.x0 - b.x0)
    return { text: parts.map((p) => p.text).join(''), x0: g.x0, x1: g.x1, y: row.y }
  })
  row.cells = [...merged, ...row.cells.slice(labelCount)]
}

// ── 5–6. regions → blocks ───────────────────────────────────────────────────

function toBlocks(lines: readonly Line[]): Block[] {
  const visible = lines.filter((l) => !l.owner)
  const blocks: Block[] = []
  let i = 0
  while (i < visible.length) {
    const line = visible[i]!
    if (line.values === 0) {
      blocks.push({ kind: 'para', text: lineText(line, ' ') })
      i++
      continue
    }
    // A region: from this value row to the last value row reached without crossing a heading.
    let end = i
    for (let j = i + 1; j < visible.length; j++) {
      const next = visible[j]!
      if (next.values > 0) end = j
      else if (headingOf(lineText(next)) !== null) break
    }
    const region = visible.slice(i, end + 1)
    blocks.push({ kind: 'table', rows: regionRows(region) })
    i = end + 1
  }
  return blocks
}

function regionRows(region: readonly Line[]): string[][] {
  const rows: string[][] = []
  let run: Line[] = []
  const flush = (): void => {
    if (run.length > 0) rows.push(...alignRun(run))
    run = []
  }
  for (const line of region) {
    if (line.values > 0) run.push(line)
    else {
      flush()
      rows.push(line.cells.map((c) => c.text))
    }
  }
  flush()
  return rows
}

/**
 * Rows of one run of value rows. The value columns are those of the rows with the most values;
 * a row with fewer values whose values each line up with a distinct one of those columns gets ''
 * in the others (a blank printed cell). Otherwise the row is left as printed.
 */
function alignRun(run: readonly Line[]): string[][] {
  const max = Math.max(...run.map((l) => l.values))
  const full = run.filter((l) => l.values === max)
  const columns: { x0: number; x1: number; c: number }[] = []
  for (let k = 0; k < max; k++) {
    const cells = full.map((l) => l.cells[l.cells.length - max + k]!)
    const avg = (f: (c: Cell) => number): number => cells.reduce((s, c) => s + f(c), 0) / cells.length
    columns.push({ x0: avg((c) => c.x0), x1: avg((c) => c.x1), c: avg((c) => (c.x0 + c.x1) / 2) })
  }
  let pitch = Infinity
  for (let k = 1; k < columns.length; k++) pitch = Math.min(pitch, columns[k]!.c - columns[k - 1]!.c)
  const tol = Number.isFinite(pitch) ? Math.max(2, pitch * 0.4) : 0
  return run.map((line) => {
    const texts = line.cells.map((c) => c.text)
    if (line.values === max || tol === 0) return texts
    const values = line.cells.slice(line.cells.length - line.values)
    const slots: (string | null)[] = columns.map(() => null)
    for (const v of values) {
      const k = columns.findIndex(
        (col) => Math.abs((v.x0 + v.x1) / 2 - col.c) <= tol || Math.abs(v.x1 - col.x1) <= tol * 0.5 || Math.abs(v.x0 - col.x0) <= tol * 0.5,
      )
      if (k === -1 || slots[k] !== null) return texts
      slots[k] = v.text
    }
    return [...texts.slice(0, texts.length - line.values), ...slots.map((s) => s ?? '')]
  })
}
