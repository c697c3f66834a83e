import type { SectionKey } from '../model/types'
import type { Block, StructuredDoc } from './doc'
import { SECTION_ORDER } from './headings'
import { isActiveHeader, isAnyActiveRow } from './labels'
import type { SplitDoc } from './sections'
import { compact } from './text-norm'

/** The table sections that can be located by their tables when their heading is missing. */
const TABLE_KEYS: readonly SectionKey[] = ['sec.active', 'sec.apply', 'sec.appeal']

/** One reading position: a paragraph (row -1, one cell) or one row of a table block. */
interface Unit {
  block: number
  row: number
  cells: readonly string[]
}

/** Where a section begins: `cut` ends the section before it, `from` is its first content unit. */
interface Start {
  key: SectionKey
  cut: number
  from: number
  anchored: boolean
}

/** A document split with the table sections found by their tables listed in `located`. */
export interface AnchoredSplit extends SplitDoc {
  /** Table sections whose heading was not found but whose table was (in print order). */
  located: SectionKey[]
}

const ACTIVE_CAPTION = /^第二十条第[(（][一二三四五六七八九十]+[)）]项?$/
const APPLY_NOTE = '本列数据的勾稽关系'
const APPLY_FIRST_ROWS = /^(?:[一二][、.．])?(?:本年新收|上年结转)政府信息公开申请(?:数量)?[\d.]*$/
/** A sentence, not a table cell: ends in 。, or carries clause punctuation, or is long. */
const SENTENCE_MARK = /[。，,；;]/
/** How far after a 信息内容 / 行政复议 header its confirming labels must appear (units). */
const ACTIVE_CONFIRM_WINDOW = 8
const APPEAL_CONFIRM_WINDOW = 30
/** The numeral a section heading starts with (二/三/四 or Word's 2/3/4). */
const NUMERAL: Partial<Record<SectionKey, RegExp>> = {
  'sec.active': /^(?:二|2)[、.．]/,
  'sec.apply': /^(?:三|3)[、.．]/,
  'sec.appeal': /^(?:四|4)[、.．]/,
}

/**
 * Finds sections 二/三/四 whose heading was not recognised (unusual wording, heading inside a table
 * cell, heading lost in copy-paste) by their own tables: the 第二十条第（N）项 caption or the 信息内容
 * header with a known row label (二); the 勾稽 note or the 本年新收/上年结转 row (三); a 行政复议
 * header followed by 行政诉讼 and a column header such as 结果维持 (四). A located section runs from its table to the next
 * section and stops at the first sentence, so prose never becomes table input. Sentences that only
 * mention 行政复议 never qualify (they carry 。/， and no 行政诉讼 column header after them). Returns the split unchanged
 * when every table heading was found.
 */
export function anchorMissingSections(doc: StructuredDoc, split: SplitDoc): AnchoredSplit {
  if (TABLE_KEYS.every((key) => split.headingAt[key] !== undefined)) return { ...split, located: [] }
  const { units, firstUnit } = toUnits(doc.blocks)
  const starts: Start[] = []
  for (const key of split.found) {
    const unit = firstUnit[split.headingAt[key]!]!
    starts.push({ key, cut: unit, from: unit + 1, anchored: false })
  }
  const located: SectionKey[] = []
  for (const key of TABLE_KEYS) {
    if (split.headingAt[key] !== undefined) continue
    const order = SECTION_ORDER.indexOf(key)
    let lower = 0
    let upper = units.length
    for (const s of starts) {
      const o = SECTION_ORDER.indexOf(s.key)
      if (o < order) lower = Math.max(lower, s.from)
      else upper = Math.min(upper, s.cut)
    }
    const at = findAnchor(key, units, lower, upper)
    if (at < 0) continue
    // An unrecognised heading line just before the table ("二、…" in a paragraph or a table row) belongs to it.
    const cut = at > lower && isNumberedLine(units[at - 1]!, key) ? at - 1 : at
    starts.push({ key, cut, from: at, anchored: true })
    located.push(key)
  }
  if (located.length === 0) return { ...split, located }
  return { ...rebuild(doc.blocks, units, starts, split), located }
}

function toUnits(blocks: readonly Block[]): { units: Unit[]; firstUnit: number[] } {
  const units: Unit[] = []
  const firstUnit: number[] = []
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!
    firstUnit.push(units.length)
    if (block.kind === 'para') units.push({ block: b, row: -1, cells: [block.text] })
    else for (let r = 0; r < block.rows.length; r++) units.push({ block: b, row: r, cells: block.rows[r]! })
  }
  return { units, firstUnit }
}

function findAnchor(key: SectionKey, units: readonly Unit[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    if (isProse(units[i]!)) continue
    for (const cell of units[i]!.cells) {
      const text = compact(cell)
      if (text === '') continue
      // The 勾稽 note carries a comma of its own, so it is tested before the sentence guard.
      if (key === 'sec.apply' && text.includes(APPLY_NOTE) && text.length <= 100 && !text.endsWith('。')) return i
      if (SENTENCE_MARK.test(text)) continue
      if (key === 'sec.active' && (ACTIVE_CAPTION.test(text) || (isActiveHeader(text) && confirmed(units, i, to, ACTIVE_CONFIRM_WINDOW, hasActiveRow)))) return i
      if (key === 'sec.apply' && APPLY_FIRST_ROWS.test(text)) return i
      if (key === 'sec.appeal' && text.startsWith('行政复议') && text.length <= 150 && confirmed(units, i, to, APPEAL_CONFIRM_WINDOW, hasAppealHeader)) return i
    }
  }
  return -1
}

/** True when the units from `at` (at most `window` of them, before `to`) satisfy `test` together. */
function confirmed(units: readonly Unit[], at: number, to: number, window: number, test: (text: string) => boolean): boolean {
  const texts: string[] = []
  for (let i = at; i < Math.min(to, at + window); i++) {
    if (i > at && isProse(units[i]!)) break
    texts.push(...units[i]!.cells.map(compact))
  }
  return test(texts.join('\u0001'))
}

function hasActiveRow(joined: string): boolean {
  return joined.split('\u0001').some((cell, i) => i > 0 && isAnyActiveRow(cell))
}

/** 行政诉讼 and a column header of section 四 (PDF text may stack 结果维持 character by character). */
function hasAppealHeader(joined: string): boolean {
  return joined.includes('行政诉讼') && (joined.includes('结果维持') || joined.includes('未经复议直接起诉') || joined.includes('复议后起诉'))
}

/**
 * A paragraph that is a sentence, not a table cell or heading: it ends in 。, or it is long and
 * punctuated (a long line without clause punctuation is a glued table row, layout g).
 */
function isProse(unit: Unit): boolean {
  if (unit.row >= 0) return false
  const text = compact(unit.cells[0]!)
  return text.endsWith('。') || (text.length > 60 && SENTENCE_MARK.test(text))
}

/** A short line (or a table row of one repeated text) starting with the section's numeral. */
function isNumberedLine(unit: Unit, key: SectionKey): boolean {
  const texts = new Set(unit.cells.map(compact).filter((t) => t !== ''))
  if (texts.size !== 1) return false
  const [text] = texts as unknown as [string]
  return text.length <= 40 && !text.endsWith('。') && NUMERAL[key]!.test(text)
}

/** Cuts the units again at every start (headings and tables), in reading order. */
function rebuild(blocks: readonly Block[], units: readonly Unit[], starts: Start[], split: SplitDoc): SplitDoc {
  starts.sort((a, b) => a.cut - b.cut)
  const sections: Partial<Record<SectionKey, Block[]>> = {}
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!
    let end = i + 1 < starts.length ? starts[i + 1]!.cut : units.length
    if (s.anchored) {
      // Without a heading the section's end is unknown: the table ends at the first sentence.
      for (let u = s.from + 1; u < end; u++) {
        if (isProse(units[u]!)) {
          end = u
          break
        }
      }
    }
    sections[s.key] = toBlocks(blocks, units, s.from, end)
  }
  const first = starts[0]!
  const preamble = first.anchored ? toBlocks(blocks, units, 0, first.cut) : split.preamble
  return { preamble, sections, found: split.found, headingAt: split.headingAt }
}

/** Units [from, to) as blocks: rows of one table block stay together. */
function toBlocks(blocks: readonly Block[], units: readonly Unit[], from: number, to: number): Block[] {
  const out: Block[] = []
  let table: { kind: 'table'; rows: string[][] } | null = null
  let tableBlock = -1
  for (let i = from; i < to; i++) {
    const unit = units[i]!
    const block = blocks[unit.block]!
    if (block.kind === 'para') {
      out.push(block)
      table = null
      continue
    }
    if (!table || tableBlock !== unit.block) {
      table = { kind: 'table', rows: [] }
      tableBlock = unit.block
      out.push(table)
    }
    table.rows.push(block.rows[unit.row]!)
  }
  return out
}
