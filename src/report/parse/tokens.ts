import type { Block } from './doc'
import { compact } from './text-norm'

/**
 * The layout-free token stream the table reader works on. Every rendering (a crawler's one-line
 * page, `|` rows, one cell per line, space-separated rows, HTML/.docx/PDF tables) becomes the same
 * three kinds of token, in reading order:
 * - `text`: label or prose text (compacted: NFKC, no whitespace);
 * - `val`: a value as printed. `bounded` = its cell boundaries are known (a table cell, a `|`
 *   piece, a line of its own), so it is exactly one cell; otherwise it is a run of free text that
 *   may hold several glued cells (`0000000`), to be split only when the arithmetic allows;
 * - `blank`: a cell that is present but empty (an empty table cell, a lone `|` line).
 * `cell` marks values from a layout that prints empty cells too (tables, `|` and tab pieces): there
 * a short row is a row cut short, not one that lost its blanks.
 * Row and table boundaries are not tokens: rows are found by their labels, in the format's order.
 */
export type Token = (
  | { k: 'text'; s: string }
  /** `cell`: the value came from a table cell or a `|`/tab piece, where empty cells are printed too. */
  | { k: 'val'; raw: string; bounded: boolean; glued: boolean; cell: boolean }
  /** `afterLabel`: an empty cell right after a label on the same printed row (a spanned label's placeholder, or a blank value). `raw`: the cell as printed (spaces, &nbsp;). */
  | { k: 'blank'; afterLabel?: boolean; raw?: string }
) & {
  /** The printed row (line or table row) the token stands on. */
  row?: number
  /** Its cell's slot in that printed row (`|`, tab or table cell index), where the row has cells. */
  col?: number
}

/** Unit words that may follow a number inside a value (`5949.09万元`, `3件`). */
const VALUE_UNIT = /(?:万元|元|件|个|项|次|条)(?![\u4e00-\u9fff])/y
/** Dash or slash printed for "none" when it stands alone. */
const ZERO_MARKS = new Set(['/', '-', '—', '——', '－', '–', '无', '―'])
/** A `|` piece longer than this is prose, not a table cell. */
const MAX_CELL_TEXT = 300
/** Longer text in a cell is read as free text (labels are at most ~60 characters). */
const MAX_LABEL_CELL = 80
const PAGE_NUMBER = /^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|P\.?\s*\d{1,4})$/i

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** `.` `．` `、` after a list number. */
function isNumberingDot(c: number): boolean {
  return c === 46 || c === 0xff0e || c === 0x3001
}

/** Whitespace after NFKC (ASCII controls and space, the wide spaces, zero-width space, BOM). */
function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff
}

/**
 * Where a number that starts at `i` (its digits; a sign is before `i`) ends: digits, thousands
 * groups `,ddd`, a decimal part. A last digit followed by a list dot and a label (`…00002.其他`)
 * is that label's numbering, not part of the number.
 */
function numberEnd(s: string, i: number): number {
  let j = i
  while (isDigit(s.charCodeAt(j))) j++
  while (s.charCodeAt(j) === 44 && isDigit(s.charCodeAt(j + 1)) && isDigit(s.charCodeAt(j + 2)) && isDigit(s.charCodeAt(j + 3)) && !isDigit(s.charCodeAt(j + 4))) j += 4
  if (s.charCodeAt(j) === 46 && isDigit(s.charCodeAt(j + 1))) {
    j++
    while (isDigit(s.charCodeAt(j))) j++
  } else if (isNumberingDot(s.charCodeAt(j)) && !isDigit(s.charCodeAt(j + 1)) && j - i > 1) j--
  return j
}

/** Tokens of a structured document: table cells bounded, paragraphs scanned as free text. */
export function tokensOfBlocks(blocks: readonly Block[]): Token[] {
  const out: Token[] = []
  let printed = 0
  for (const block of blocks) {
    if (block.kind === 'para') stampRow(out, out.length, pushLine(out, block.text), printed++)
    else {
      for (let r = 0; r < block.rows.length; r++) {
        const row = block.rows[r]!
        const cont = block.continued?.[r]
        const first = out.length
        for (let c = 0; c < row.length; c++) {
          // A slot that only repeats a spanned cell (colspan/rowspan) is not a cell of its own.
          if (!cont?.[c]) pushCell(out, row[c]!, c)
        }
        markBlanksAfterLabel(out, first)
        stampRow(out, first, out.length, printed++)
      }
    }
  }
  return out
}

/** Tokens of plain text lines: `|` and tab pieces are cells, other lines free text. */
export function tokensOfLines(lines: readonly string[]): Token[] {
  const out: Token[] = []
  let row = 0
  for (const line of lines) {
    const first = out.length
    pushLine(out, line)
    stampRow(out, first, out.length, row++)
  }
  return out
}

function stampRow(out: Token[], from: number, to: number, row: number): void {
  for (let i = from; i < to; i++) out[i]!.row = row
}

/** Pushes one line's tokens; returns the new length. */
function pushLine(out: Token[], line: string): number {
  pushLineTokens(out, line)
  return out.length
}

function pushLineTokens(out: Token[], line: string): void {
  const trimmed = line.trim()
  // A line that is only a tab is an empty cell of a tab-prefixed layout (text copied from .docx).
  if (trimmed === '' && !line.includes('\t')) return
  // A line of pipes only (`||`, `|||`) closes a row or fills a merged header: no cell of its own.
  if ((trimmed[0] === '|' || trimmed[0] === '｜') && /^[|｜]{2,}$/.test(trimmed)) return
  // Page furniture of PDF text and flipbooks (`- 3 -`, `第3页`, `P. 8`) is not a value.
  if (trimmed.length <= 16 && PAGE_NUMBER.test(trimmed)) return
  if (trimmed.includes('|') || trimmed.includes('｜')) {
    const pieces = pipePieces(trimmed)
    // A `|` inside a page of prose (a crawler's one-line page, `首页|政务公开`) does not make it a row of cells.
    if (pieces.every((p) => p.length <= MAX_CELL_TEXT)) {
      pushRowCells(out, pieces)
      return
    }
  }
  if (line.includes('\t')) {
    const pieces = line.split('\t')
    if (pieces[0]!.trim() === '') pieces.shift()
    pushRowCells(out, pieces)
    return
  }
  pushFree(out, trimmed, true)
}

/**
 * The cells of a `|` line: a leading and a trailing `|` close the line and are not cells; a lone
 * `|` is one blank cell (the one-cell-per-line copies print an empty cell that way).
 */
export function pipePieces(line: string): string[] {
  const norm = line.replace(/｜/g, '|')
  if (norm === '|') return ['']
  const pieces = norm.split('|')
  // `| a | b |` (markdown) is closed on both sides; `a | b |` only at its end. A line that opens
  // with `|` but does not close with one starts with an empty cell (`| 0 | 0` = blank, 0, 0).
  if (norm.startsWith('|') && norm.endsWith('|')) pieces.shift()
  if (norm.endsWith('|')) pieces.pop()
  return pieces
}

/** The cells of one printed row, each token tagged with its cell's slot. */
function pushRowCells(out: Token[], pieces: readonly string[]): void {
  const first = out.length
  pieces.forEach((piece, slot) => pushCell(out, piece, slot))
  markBlanksAfterLabel(out, first)
}

/** Marks the empty cells that directly follow the last label of one printed row. */
function markBlanksAfterLabel(out: Token[], first: number): void {
  let seenLabel = false
  for (let i = first; i < out.length; i++) {
    const t = out[i]!
    if (t.k === 'text') seenLabel = true
    else if (t.k === 'val') seenLabel = false
    else if (seenLabel) out[i] = { ...t, afterLabel: true }
  }
}

/** One cell whose boundaries are known. */
function pushCell(out: Token[], raw: string, slot?: number): void {
  const first = out.length
  pushCellTokens(out, raw)
  if (slot !== undefined) for (let i = first; i < out.length; i++) out[i]!.col = slot
}

function pushCellTokens(out: Token[], raw: string): void {
  const text = raw.trim()
  if (text === '' || (text.includes('&nbsp;') && text.replace(/&nbsp;/g, '').trim() === '')) {
    out.push({ k: 'blank', raw })
    return
  }
  if (isValueCell(text)) {
    out.push({ k: 'val', raw: text, bounded: true, glued: false, cell: true })
    return
  }
  // A label cell, or text printed where a value belongs (閻良區公務用車10輛): one token, never
  // split. A long one is a paragraph in a cell (a layout table): read as free text.
  if (text.length <= MAX_LABEL_CELL) out.push({ k: 'text', s: compact(text) })
  else pushFree(out, text, false)
}

/**
 * A cell that holds a value, not a label: digits, signs, separators, spaces and unit words only,
 * or a lone none-mark. Text with any other Han character is a label, even with digits in it.
 */
function isValueCell(text: string): boolean {
  if (ZERO_MARKS.has(text) || /^\d+$/.test(text)) return true
  if (/[\u3400-\u9fffA-Za-z]/.test(text.replace(/万元|元|件|个|项|次|条/g, ''))) return false
  // Any digit form NFKC turns into a digit (¹², ⑫, ⒓ …) makes a value cell, so readCell sees it as printed.
  return /[\d０-９①-⑳⁰-⁹]/.test(text) || /\d/.test(text.normalize('NFKC'))
}

/**
 * Scans free text into text and value tokens. Numbers glued to text or to each other are `val`
 * tokens with `bounded: false` (each whitespace-separated run may hold several cells). A line
 * that is one number and nothing else is a bounded cell (one cell per line).
 */
function pushFree(out: Token[], text: string, wholeLine: boolean): void {
  // A character loop over char codes, no regex per character: this runs over every line of prose.
  const s = text.normalize('NFKC')
  const start = out.length
  let textStart = 0
  let prevWasNumber = false
  const flushText = (to: number): void => {
    if (to > textStart) {
      const c = compact(s.slice(textStart, to))
      if (c !== '') out.push({ k: 'text', s: c })
    }
  }
  let i = 0
  while (i < s.length) {
    const c = s.charCodeAt(i)
    if (isSpace(c)) {
      i++
      prevWasNumber = false
      continue
    }
    const signed = (c === 45 || c === 43) && isDigit(s.charCodeAt(i + 1))
    if (isDigit(c) || signed) {
      // `2.其他…`: a digit, a dot and a label is the next row's numbering, part of the text.
      if (!signed && isNumberingDot(s.charCodeAt(i + 1)) && !isDigit(s.charCodeAt(i + 2))) {
        i += 2
        prevWasNumber = false
        continue
      }
      const runEnd = numberEnd(s, i + (signed ? 1 : 0))
      flushText(i)
      const glued = (i > 0 && !isSpace(s.charCodeAt(i - 1))) || prevWasNumber
      let end = runEnd
      VALUE_UNIT.lastIndex = end
      const unit = VALUE_UNIT.exec(s)
      if (unit) end += unit[0].length
      out.push({ k: 'val', raw: s.slice(i, end), bounded: false, glued: glued || (end < s.length && !isSpace(s.charCodeAt(end))), cell: false })
      i = end
      textStart = end
      prevWasNumber = true
      continue
    }
    // A none-mark standing alone between spaces in a row of values (`规章 / / /`).
    if (ZERO_MARKS.has(s[i]!) && (i === 0 || isSpace(s.charCodeAt(i - 1))) && (i + 1 === s.length || isSpace(s.charCodeAt(i + 1)))) {
      flushText(i)
      out.push({ k: 'val', raw: s[i]!, bounded: false, glued: false, cell: false })
      i++
      textStart = i
      continue
    }
    i++
    prevWasNumber = false
  }
  flushText(s.length)
  // A line of values and nothing else (one cell per line, a PDF row of numbers): each run stands
  // between spaces of its own, so it is one cell — unless it cannot be one number (`00`). Runs in
  // a line mixed with labels (a crawler's one-line page) may hide glued cells even between spaces.
  if (wholeLine && out.length > start && out.slice(start).every((t) => t.k === 'val')) {
    for (let i = start; i < out.length; i++) {
      const t = out[i] as Extract<Token, { k: 'val' }>
      if (!/^[-+]?0\d/.test(t.raw)) out[i] = { k: 'val', raw: t.raw, bounded: true, glued: false, cell: false }
    }
  }
}
