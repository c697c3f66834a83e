import type { CellType, FormatId, TableSection } from '../model/types'
import { resolveByColumns, type PendingRow } from './apply-columns'
import { columnUnitOf } from './cell-value'
import { columnHeader } from './column-header'
import { emptyExtracted, type Extracted } from './extract-types'
import { APPEAL_KEYS, grammarOf, type GrammarRow, type SectionGrammar } from './grammar'
import { duplicateRowFinding, extraRowFinding, putRow, recoveredFinding } from './row-findings'
import { labelEnd, rowNamed } from './row-labels'
import { appealGroupsAddUp, readRowValues, sumsToLast, type ValueToken } from './row-values'
import type { Token } from './tokens'

/**
 * The layout-free table reader: finds the tables of sections 二, 三 and 四 in a token stream by
 * the format's grammar — the ordered row labels and each row's column count — and reads each
 * row's values by position only when their count is the row's, otherwise by the arithmetic, or
 * not at all (with a finding saying why).
 */
export interface TablesRead {
  active: Extracted
  apply: Extracted
  appeal: Extracted
  /** Format per section decided from the tables' own labels; null when the section has none. */
  formats: { active: FormatId | null; apply: FormatId | null }
}

/** Section 二's tables start at a caption 第二十条第（N）项 or a short 信息内容 header cell (not prose). */
const isActiveAnchor = (s: string): boolean => s.includes('第二十条') || /信息内容(?:本年|上一年|采购|$)/.test(s)
const APPLY_ANCHORS = ['勾稽', '申请人情况']
const APPEAL_ANCHORS = ['行政复议', '复议']
/** Section 四's heading (四、…行政复议、行政诉讼情况) or its first header cell (行政复议): the end of section 三's table. */
const APPEAL_HEADING = /^四[、.．].*(?:复议|诉讼)|^行政复议/
/** Where the tables end: sections 五/六 (problems, other matters). */
const AFTER_TABLES = /^[五六][、.．]|存在的?主要问题|其他需要报告/

const ACTIVE_2019_MARKS = ['新制作', '新公开', '对外公开总数', '上一年项目', '增/减', '增减', '集中采购', '对外管理服务']
const ACTIVE_2021_MARKS = ['制发件数', '废止件数', '现行有效', '收费金额', '本年制发', '本年废止']
const APPLY_2021_MARKS = ['逾期不补正', '收费通知']

export function readTables(tokens: readonly Token[]): TablesRead {
  const applyStart = findApplyStart(tokens)
  const activeStart = findText(tokens, 0, applyStart ?? tokens.length, isActiveAnchor)

  const activeFormat = activeStart === null ? null : activeFormatOf(tokens, activeStart, applyStart ?? tokens.length)
  const active = activeStart === null || activeFormat === null ? emptyExtracted() : readSection(tokens, activeStart, applyStart ?? tokens.length, grammarOf('active', activeFormat)).ex

  let apply = emptyExtracted()
  let applyFormat: FormatId | null = null
  let appealFrom = activeStart ?? 0
  if (applyStart !== null) {
    const end = findText(tokens, applyStart + 1, tokens.length, (s) => AFTER_TABLES.test(s) || APPEAL_HEADING.test(s)) ?? tokens.length
    applyFormat = applyFormatOf(tokens, applyStart, end)
    // Rows 一 … （五） are the same in both formats; a cut table is read with the other section's.
    const read = readSection(tokens, applyStart, end, grammarOf('apply', applyFormat ?? activeFormat ?? 'gov2021'))
    apply = read.ex
    appealFrom = read.next
  }
  const appealStart = findText(tokens, appealFrom, tokens.length, (s) => APPEAL_ANCHORS.some((a) => s.includes(a)) && !s.includes('勾稽'))
  const appeal = appealStart === null ? emptyExtracted() : readAppeal(tokens, appealStart)
  return { active, apply, appeal, formats: { active: activeFormat, apply: applyFormat } }
}

function findText(tokens: readonly Token[], from: number, to: number, test: (s: string) => boolean): number | null {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    if (t.k === 'text' && test(t.s)) return i
  }
  return null
}

/** Section 三's table starts at its 勾稽 note or 申请人情况 header, else at its first row label. */
function findApplyStart(tokens: readonly Token[]): number | null {
  const anchor = findText(tokens, 0, tokens.length, (s) => APPLY_ANCHORS.some((a) => s.includes(a)))
  if (anchor !== null) return anchor
  // Without them, the row 一 label as printed (…申请数量), not a sentence (本年新收申请20件).
  const first = grammarOf('apply', 'gov2021').rows[0]!
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.k !== 'text' || tokens[i + 1]?.k === 'text') continue
    const end = labelEnd(t.s, first)
    if (end !== null && first.label.endsWith(t.s.slice(end))) return i
  }
  return null
}

/** How many of the marks the region's text holds; text runs are joined, so a header wrapped over lines (本年新 / 制作数量) counts. */
function countMarks(tokens: readonly Token[], from: number, to: number, marks: readonly string[]): number {
  let text = ''
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    text += t.k === 'text' ? t.s : '\u0000'
  }
  let n = 0
  for (const m of marks) for (let at = text.indexOf(m); at !== -1; at = text.indexOf(m, at + 1)) n++
  return n
}

function activeFormatOf(tokens: readonly Token[], from: number, to: number): FormatId | null {
  const old = countMarks(tokens, from, to, ACTIVE_2019_MARKS)
  const now = countMarks(tokens, from, to, ACTIVE_2021_MARKS)
  if (old === 0 && now === 0) return null
  return old > now ? 'gov2019' : 'gov2021'
}

/**
 * gov2021 when its （六） sub-rows are printed, gov2019 when （六）其他处理 carries values itself,
 * null when the table stops before （六） (a cut copy): the other section or the year decides.
 */
function applyFormatOf(tokens: readonly Token[], from: number, to: number): FormatId | null {
  if (countMarks(tokens, from, to, APPLY_2021_MARKS) > 0) return 'gov2021'
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    if (t.k === 'text' && t.s.endsWith('其他处理') && tokens[i + 1]?.k !== 'text') return 'gov2019'
  }
  return null
}

interface SectionRead {
  ex: Extracted
  /** Token index after the last row read. */
  next: number
}

/**
 * One cell per line: a short text cell inside a row's run of cells that names no row (`见附件`)
 * is that cell, printed as text — the run goes on after it while the row is still short.
 */
function withTextCells(tokens: readonly Token[], labelAt: number, values: ValueToken[], n: number, namesNoRow: (s: string) => boolean): ValueToken[] {
  if (tokens[labelAt]!.col === undefined) return values
  let out = values
  let at = labelAt + 1 + values.length
  while (out.length > 0 && out.length < n) {
    const t = tokens[at]
    if (t?.k !== 'text' || t.col === undefined || t.row === tokens[labelAt]!.row || t.s.length > 20 || !namesNoRow(t.s)) break
    const more = valueRun(tokens, at + 1)
    if (more.length === 0 && out.length + 1 < n) break
    out = [...out, { k: 'val', raw: t.s, bounded: true, glued: false, cell: true, row: t.row, col: t.col }, ...more]
    at += 1 + more.length
  }
  return out
}

/**
 * The value tokens after a label, up to the next text. When the label's own printed row holds at
 * least `n` of them (a `|` row, a table row), only that row counts: cells of the next row's
 * leading columns (`| | 2.其他…`) are not this row's.
 */
function valueRun(tokens: readonly Token[], from: number, n = 0, namesNoRow?: (s: string) => boolean): ValueToken[] {
  const out: ValueToken[] = []
  const label = tokens[from - 1]
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.k === 'text') {
      // In a row of cells, text in one of the row's own cells after the label is that cell's value
      // as printed (閻良區公務用車10輛) — unless it is the next row's label.
      if (out.length < n && namesNoRow?.(t.s) && label?.col !== undefined && t.col !== undefined && t.row === label.row) {
        out.push({ k: 'val', raw: t.s, bounded: true, glued: false, cell: true, row: t.row, col: t.col })
        continue
      }
      break
    }
    out.push(t)
  }
  const row = label?.row
  if (n > 0 && row !== undefined) {
    const own = out.filter((t) => t.row === row)
    if (own.length >= n && own.length < out.length && out.slice(0, own.length).every((t) => t.row === row)) return own
  }
  return out
}

function readSection(tokens: readonly Token[], from: number, to: number, grammar: SectionGrammar): SectionRead {
  const ex = emptyExtracted()
  const section = grammar.section
  const done = new Set<number>()
  const pending: PendingRow[] = []
  let cursor = -1
  let next = from
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    if (t.k !== 'text') continue
    const expected = done.has(cursor) ? cursor + 1 : Math.max(cursor, 0)
    const r = rowNamed(t.s, grammar, expected, done)
    if (r === null) {
      if (cursor >= 0) i += noteStrayRow(ex, section, tokens, i, grammar, expected, done)
      continue
    }
    const row = grammar.rows[r]!
    const namesNoRow = (x: string): boolean => rowNamed(x, grammar, expected, done) === null && !AFTER_TABLES.test(x) && !APPEAL_HEADING.test(x)
    const values = withTextCells(tokens, i, valueRun(tokens, i + 1, row.keys.length, namesNoRow), row.keys.length, namesNoRow)
    if (values.length === 0) {
      // A label repeated in the next cell (a spanned label cell): the values follow the repeat.
      const nextText = tokens[i + 1]
      if (nextText?.k === 'text' && rowNamed(nextText.s, grammar, r, done) === r) {
        cursor = r
        continue
      }
    }
    cursor = r
    done.add(r)
    ex.hasTable = true
    const atEnd = i + 1 + values.length >= tokens.length
    const { keys, types, cells } = byHeader(tokens, from, i, row, values)
    const read = readRowValues(cells, types, row.sumsToLast ? sumsToLast : null, keys.map((k, c) => columnUnitOf(k, types[c]!)), atEnd)
    putRow(ex, section, keys, read, pending)
    next = i + 1 + values.length
    i += values.length
  }
  if (section === 'apply' && pending.length > 0) {
    for (const solved of resolveByColumns(grammar, ex.cells, pending)) {
      // The row's "cannot split" finding is replaced by how it was settled.
      ex.findings = ex.findings.filter((f) => !(f.rule === 'glued_ambiguous' && f.cells.every((k) => solved.keys.includes(k))))
      ex.findings.push(recoveredFinding(section, solved.keys, 'columns'))
    }
  }
  return { ex, next }
}

/**
 * A section 二 row read by its table's header: the cells in the header's slots (a `|` or table
 * row), or the values in the header's column order (one cell per line); else as printed.
 */
function byHeader(tokens: readonly Token[], from: number, labelAt: number, row: GrammarRow, values: ValueToken[]): { keys: readonly string[]; types: readonly CellType[]; cells: ValueToken[] } {
  const asPrinted = { keys: row.keys, types: row.types, cells: values }
  const header = columnHeader(tokens, from, labelAt, row)
  if (!header) return asPrinted
  const labelRow = tokens[labelAt]!.row
  if (header.slots && values.every((t) => t.col !== undefined && t.row === labelRow)) {
    const picked = header.slots.map((slot) => values.find((t) => t.col === slot))
    if (picked.every((t) => t !== undefined)) return { keys: row.keys, types: row.types, cells: picked as ValueToken[] }
  }
  if (header.order.every((c, k) => c === k)) return asPrinted
  return { keys: header.order.map((c) => row.keys[c]!), types: header.order.map((c) => row.types[c]!), cells: values }
}

/**
 * A label inside a table that names no row of the format: a repeated row (duplicate_row, the first
 * is kept) or a row the national format does not have (extra_row, e.g. 其中：网上申请). Only a
 * label followed by values counts, so headers and captions pass. Returns the tokens it consumed.
 */
function noteStrayRow(ex: Extracted, section: TableSection, tokens: readonly Token[], at: number, grammar: SectionGrammar, expected: number, done: ReadonlySet<number>): number {
  const t = tokens[at] as Extract<Token, { k: 'text' }>
  // The label's row: the rest of its printed row of cells, or the values after it in free text.
  let end = at + 1
  if (t.col !== undefined) while (end < tokens.length && tokens[end]!.row === t.row) end++
  // One cell per line (or free text): the values that follow the label.
  if (end === at + 1) while (end < tokens.length && tokens[end]!.k !== 'text') end++
  const rest = tokens.slice(at + 1, end)
  // A group label before its first row (三、本年度办理结果 | （一）予以公开 | …) is not a row.
  if (rest.some((x) => x.k === 'text' && rowNamed(x.s, grammar, expected, done) !== null)) return 0
  const values = rest.filter((x) => x.k === 'val').length
  if (values < (t.col !== undefined ? 1 : 2) || /[，。；,;]/.test(t.s) || t.s.length > 40) return 0
  const again = rowNamed(t.s, grammar, 0)
  if (again !== null && done.has(again)) {
    ex.findings.push(duplicateRowFinding(section, grammar.rows[again]!.keys, t.s))
    return rest.length
  }
  if (again !== null) return 0
  ex.findings.push(extraRowFinding(section, t.s))
  return rest.length
}

/** Section 四: header words, then one row of 15 values (three groups of five). */
function readAppeal(tokens: readonly Token[], anchor: number): Extracted {
  const ex = emptyExtracted()
  // The data row follows the last header word; blanks inside the header rows come before that.
  let lastText = anchor
  for (let i = anchor; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.k === 'val') break
    if (t.k === 'text') {
      if (AFTER_TABLES.test(t.s)) break
      lastText = i
    }
  }
  const values = valueRun(tokens, lastText + 1)
  // Only a table header (行政复议 | 行政诉讼, 结果维持 … 尚未审结) heads the values, never a sentence about 复议.
  let header = false
  for (let i = anchor; i <= lastText; i++) {
    const t = tokens[i]!
    if (t.k === 'text' && /审结|维持|行政诉讼/.test(t.s) && !/[，。；,;]/.test(t.s)) header = true
  }
  if (values.length === 0 || !header) return ex
  ex.hasTable = true
  const read = readRowValues(values, APPEAL_KEYS.map(() => 'count' as const), appealGroupsAddUp)
  putRow(ex, 'appeal', APPEAL_KEYS, read, null)
  // Section 四 is one row: say when its 15 cells came from glued digits, however they were split.
  if (read.kind === 'cells' && read.how === 'forced') ex.findings.push(recoveredFinding('appeal', APPEAL_KEYS, 'row'))
  return ex
}

