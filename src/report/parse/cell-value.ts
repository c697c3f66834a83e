import type { CellType } from '../model/types'
import type { CellFlag } from '../types'
import { memoString } from './memo'

/** How one printed cell string reads (format-spec.md §6). Shared between calls: never mutate. */
export interface CellReading {
  value: number | null
  flag: CellFlag
  /** Unit printed in the cell (件, 元, 万元 …), if any. */
  unit?: string
}

const STRIP = /[\s\u00a0\u3000\u200b]+|<br\s*\/?>|&nbsp;/gi
const THOUSANDS = /(\d)[,，](?=\d{3}(?:\D|$))/g
const UNIT = /(万元|元|件|个|项|次|条)$/
const NUMBER = /^-?\d+(?:\.\d+)?$/
const PLUS_NUMBER = /^\+\d+(?:\.\d+)?$/
const ZERO_TEXT = new Set(['无', '—', '–', '-', '--', '/', '——', '−', '－', '－－', '―', '─'])

/**
 * Reads one printed cell: number (`ok`), blank (`blank`, null), 无/—/-// (`zero_text`, 0) or any
 * other text (`non_numeric`, null). Thousands separators and a trailing unit are removed first; a
 * leading `+` is accepted only for signed cells (2019 本年增/减).
 */
export function readCell(raw: string, type: CellType = 'count'): CellReading {
  return type === 'signed' ? readSigned(raw) : type === 'decimal' ? readDecimal(raw) : readCount(raw)
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
  let text = raw.normalize('NFKC').replace(STRIP, '')
  if (text === '') return { value: null, flag: 'blank' }
  text = text.replace(THOUSANDS, '$1')
  const unitMatch = UNIT.exec(text)
  const unit = unitMatch && unitMatch.index > 0 ? unitMatch[1] : undefined
  if (unit) text = text.slice(0, -unit.length)
  if (NUMBER.test(text)) return withUnit({ value: Number(text), flag: 'ok' }, unit)
  if (ZERO_TEXT.has(text)) return withUnit({ value: 0, flag: 'zero_text' }, unit)
  if (type === 'signed' && PLUS_NUMBER.test(text)) return withUnit({ value: Number(text.slice(1)), flag: 'ok' }, unit)
  return { value: null, flag: 'non_numeric' }
}

const readCount = memoString((raw) => readUncached(raw, 'count'))
const readSigned = memoString((raw) => readUncached(raw, 'signed'))
const readDecimal = memoString((raw) => readUncached(raw, 'decimal'))

function withUnit(reading: CellReading, unit: string | undefined): CellReading {
  return unit ? { ...reading, unit } : reading
}

/** True when the cell reads as a table value (number, blank or zero text): used to tell values from labels. */
export function isValueLike(raw: string): boolean {
  const flag = readCell(raw, 'signed').flag
  return flag !== 'non_numeric'
}
