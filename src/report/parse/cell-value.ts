import type { CellType } from '../model/types'
import type { CellFlag, CellProblem } from '../types'
import { memoString } from './memo'

/** How one printed cell string reads (docs/formats.md, “Reading a cell”). Shared between calls: never mutate. */
export interface CellReading {
  value: number | null
  flag: CellFlag
  /** Unit printed in the cell (件, 元, 万元 …), if any. */
  unit?: string
  /** Why a number-like text was not read (flag `non_numeric`, value null). */
  problem?: CellProblem
}

/** Line breaks and non-breaking spaces as printed in markup; they separate like a space. */
const MARKUP_SPACE = /<br\s*\/?>|&nbsp;/gi
const SPACES = /\s+/g
/** A digit (or decimal point) and another, separated by whitespace or a line break: not one number. */
const SPLIT_DIGITS = /[\d.]\s+[\d.]/
const THOUSANDS = /(\d)[,，](?=\d{3}(?:\D|$))/g
const UNIT = /(万元|元|件|个|项|次|条)$/
const NUMBER = /^-?\d+(?:\.\d+)?$/
const PLUS_NUMBER = /^\+\d+(?:\.\d+)?$/
const ZERO_TEXT = new Set(['无', '—', '–', '-', '--', '/', '——', '−', '－', '－－', '―', '─'])
/** Digits as printed: ASCII and full-width (NFKC maps the latter to ASCII, which is right). */
const PRINTED_DIGIT = /[0-9\uff10-\uff19]/g
const ASCII_DIGIT = /[0-9]/g
/** Counting words of count and signed cells: any of them fits any count column. */
const COUNT_UNITS = new Set(['件', '个', '项', '次', '条'])

/**
 * Reads one printed cell: number (`ok`), blank (`blank`, null), 无/—/-// (`zero_text`, 0) or any
 * other text (`non_numeric`, null). Thousands separators and a trailing unit are removed first; a
 * leading `+` is accepted only for signed cells (2019 本年增/减).
 *
 * Never a guess: a number that a double cannot hold exactly, digits split by a space or a line
 * break, circled or superscript digits, and (with `expectedUnit`) a unit that contradicts the
 * column's unit give null with flag `non_numeric` and a `problem`. `expectedUnit` is the column's
 * unit: '万元' (only 万元 fits) or '件' (any counting word fits); undefined accepts any unit.
 */
export function readCell(raw: string, type: CellType = 'count', expectedUnit?: string): CellReading {
  const reading = type === 'signed' ? readSigned(raw) : type === 'decimal' ? readDecimal(raw) : readCount(raw)
  if (expectedUnit === undefined || reading.unit === undefined || unitFits(reading.unit, expectedUnit)) return reading
  return mismatch(reading.unit)
}

/** The unit a cell's column is printed in, for {@link readCell}: '万元' for *_wan cells, '件' for counts. */
export function columnUnitOf(key: string, type: CellType): string | undefined {
  if (type !== 'decimal') return '件'
  return key.endsWith('_wan') ? '万元' : undefined
}

function unitFits(unit: string, expected: string): boolean {
  return unit === expected || (COUNT_UNITS.has(expected) && COUNT_UNITS.has(unit))
}

const MISMATCH = new Map<string, CellReading>()

function mismatch(unit: string): CellReading {
  let reading = MISMATCH.get(unit)
  if (!reading) {
    reading = { value: null, flag: 'non_numeric', unit, problem: 'unit_mismatch' }
    MISMATCH.set(unit, reading)
  }
  return reading
}

const PLAIN_DIGITS = /^[ \t\u00a0]*(\d{1,15})[ \t\u00a0]*$/
/** Han characters that can appear in a value cell (无, units); any other Han character means a label. */
const VALUE_HAN = /[\u4e00-\u9fff]/g
const VALUE_HAN_ALLOWED = new Set(['无', '万', '元', '件', '个', '项', '次', '条'])

function readUncached(raw: string, type: CellType): CellReading {
  const plain = PLAIN_DIGITS.exec(raw)
  if (plain) return { value: Number(plain[1]), flag: 'ok' }
  const han = raw.match(VALUE_HAN)
  if (han && han.some((c) => !VALUE_HAN_ALLOWED.has(c))) return { value: null, flag: 'non_numeric' }
  const spaced = raw.normalize('NFKC').replace(MARKUP_SPACE, ' ').trim()
  let text = spaced.replace(SPACES, '')
  if (text === '') return { value: null, flag: 'blank' }
  text = text.replace(THOUSANDS, '$1')
  const unitMatch = UNIT.exec(text)
  const unit = unitMatch && unitMatch.index > 0 ? unitMatch[1] : undefined
  if (unit) text = text.slice(0, -unit.length)
  const signedPlus = type === 'signed' && PLUS_NUMBER.test(text)
  if (NUMBER.test(text) || signedPlus) {
    // Only now is the text a number; these checks cost nothing on the usual cells.
    if (SPLIT_DIGITS.test(spaced)) return { value: null, flag: 'non_numeric', problem: 'split_digits' }
    if (count(text, ASCII_DIGIT) > count(raw, PRINTED_DIGIT)) return { value: null, flag: 'non_numeric', problem: 'odd_digits' }
    const value = exactNumber(signedPlus ? text.slice(1) : text)
    if (value === null) return { value: null, flag: 'non_numeric', problem: 'too_large' }
    return withUnit({ value, flag: 'ok' }, unit)
  }
  if (ZERO_TEXT.has(text)) return withUnit({ value: 0, flag: 'zero_text' }, unit)
  return { value: null, flag: 'non_numeric' }
}

/** Largest count of significant digits that always survives decimal → double → decimal. */
const MAX_SIGNIFICANT = 15

/**
 * The number a NUMBER-shaped text means, or null when a double cannot hold it exactly: an
 * integer above 2^53 − 1, a decimal with more than 15 significant digits, or anything non-finite.
 */
function exactNumber(text: string): number | null {
  const value = Number(text)
  if (!Number.isFinite(value)) return null
  const point = text.indexOf('.')
  if (point === -1) return Number.isSafeInteger(value) ? value : null
  let first = text.charCodeAt(0) === 45 ? 1 : 0 // '-'
  while (first < text.length && (text[first] === '0' || text[first] === '.')) first++
  let last = text.length - 1
  while (last > point && text[last] === '0') last--
  const significant = first > last ? 0 : last - first + 1 - (first < point && point <= last ? 1 : 0)
  return significant <= MAX_SIGNIFICANT ? value : null
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0
}

const readCount = memoString((raw) => readUncached(raw, 'count'))
const readSigned = memoString((raw) => readUncached(raw, 'signed'))
const readDecimal = memoString((raw) => readUncached(raw, 'decimal'))

function withUnit(reading: CellReading, unit: string | undefined): CellReading {
  return unit ? { ...reading, unit } : reading
}

/**
 * True when the cell reads as a table value (number, blank or zero text): used to tell values from
 * labels. A number-like text that is not read (too long, split digits, ⑫) still sits where a value
 * sits, so it stays value-like.
 */
export function isValueLike(raw: string): boolean {
  const reading = readCell(raw, 'signed')
  return reading.flag !== 'non_numeric' || reading.problem !== undefined
}
