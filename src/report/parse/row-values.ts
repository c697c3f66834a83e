import type { CellType } from '../model/types'
import type { CellNote } from '../types'
import { readCell } from './cell-value'
import { agreedCells, gluedReadings } from './glued-readings'
import { APPEAL_GROUP_SIZE } from './grammar'
import type { Token } from './tokens'

export type ValueToken = Exclude<Token, { k: 'text' }>

/** A row's arithmetic: true when a complete reading of its cells adds up. */
export type RowCheck = (values: readonly number[]) => boolean

/**
 * How one row's value tokens were read. Never a shifted value: cells are taken by position only
 * when the tokens are exactly the row's cells; glued runs only by a reading the count or the
 * arithmetic makes unique (or the cells every reading agrees on).
 */
export type RowRead =
  | { kind: 'cells'; values: (number | null | undefined)[]; notes: (CellNote | undefined)[]; how: 'position' | 'forced' | 'arithmetic'; cut?: number }
  /** Several readings remain: `values` holds the cells they all agree on, `readings` all of them. */
  | { kind: 'ambiguous'; values: (number | undefined)[]; readings: number[][]; reason: 'many' | 'none_adds_up' | 'too_many'; printed: string }
  | { kind: 'short'; found: number }
  | { kind: 'misaligned'; found: number }

/** Section 三's row arithmetic (A3): the last column is the sum of the others. */
export const sumsToLast: RowCheck = (v) => {
  let sum = 0
  for (let i = 0; i < v.length - 1; i++) sum += v[i]!
  return sum === v[v.length - 1]
}

/** Section 四: each of its three groups of five ends with their total. */
export const appealGroupsAddUp: RowCheck = (v) => {
  for (let g = 0; g < v.length; g += APPEAL_GROUP_SIZE) {
    if (!sumsToLast(v.slice(g, g + APPEAL_GROUP_SIZE))) return false
  }
  return true
}

const BLANK_NOTE: CellNote = { raw: '', flag: 'blank' }
const NONE_MARKS = new Set(['/', '-', '—', '——', '－', '–', '无', '―'])

/** An unbounded run that cannot be a single cell (`00`, `0001`): it must be glued cells. */
function mustBeGlued(t: ValueToken): boolean {
  return t.k === 'val' && !t.bounded && /^[-+]?0\d/.test(t.raw)
}

/**
 * `units[i]`: the unit of column i (columnUnitOf), so a contradicting printed unit is not read as it.
 * `atEnd`: the row's values run to the end of the document (a cut-off copy), so what follows its
 * own cells is the start of the next, cut row (its numbering `2`).
 */
export function readRowValues(tokens: readonly ValueToken[], types: readonly CellType[], check: RowCheck | null, units?: readonly (string | undefined)[], atEnd = false): RowRead {
  const n = types.length
  const count = tokens.length
  const aligned = alignSurplus(tokens, n, atEnd)
  if (aligned === 'misaligned') return { kind: 'misaligned', found: count }
  if (aligned && !aligned.some(mustBeGlued)) return byPosition(aligned, types, units)
  // Where empty cells are printed (`|` pieces, table cells), a short row was cut at its end: its
  // first cells are in place. Elsewhere (one cell per line) lost blanks could shift any of them.
  if (count > 0 && count < n && tokens.every((t) => t.k === 'blank' || t.cell)) {
    const read = byPosition(tokens, types, units)
    return read.kind === 'cells' ? { ...read, cut: n - count } : read
  }

  // Runs are split only where the row shows glue: a run touching text or another run, or one that
  // cannot be a single number (`00`). Space-separated runs (`0 4 2 3 1 10`, a PDF row that lost a
  // blank) are whole cells, so a lost blank is a short row, never a split `10`.
  const glueEvident = tokens.some((t) => t.k === 'val' && !t.bounded && (t.glued || mustBeGlued(t)))
  if (!glueEvident || tokens.some((t) => t.k === 'blank')) {
    return count < n ? { kind: 'short', found: count } : { kind: 'misaligned', found: count }
  }
  const runs = (tokens as Extract<ValueToken, { k: 'val' }>[]).map((t) => ({ raw: t.raw, bounded: t.bounded }))
  const readings = gluedReadings(runs, types)
  const printed = runs.map((r) => r.raw).join(' ')
  if (readings === null) return { kind: 'ambiguous', values: new Array<undefined>(n).fill(undefined), readings: [], reason: 'too_many', printed }
  if (readings.length === 0) return count < n ? { kind: 'short', found: count } : { kind: 'misaligned', found: count }
  // One reading by the cell count alone is certain, whatever its arithmetic (a report's own error stays visible).
  if (readings.length === 1) return asCells(readings[0]!, 'forced')
  const adding = check ? readings.filter(check) : readings
  if (adding.length === 1) return asCells(adding[0]!, 'arithmetic')
  if (adding.length === 0) return { kind: 'ambiguous', values: new Array<undefined>(n).fill(undefined), readings, reason: 'none_adds_up', printed }
  // A row with arithmetic that still has several readings is left out whole (its column sums may
  // settle it later); without arithmetic (section 二) the cells every reading agrees on are certain.
  return { kind: 'ambiguous', values: check ? new Array<undefined>(n).fill(undefined) : agreedCells(readings, n), readings: adding, reason: 'many', printed }
}

/**
 * The row's own `n` cells when the tokens hold at least `n`, or null when they hold fewer. Surplus
 * empty cells may stand before the values (placeholders of a label spanning several grid columns,
 * or the leading cells of a row-span column) or after them (row-end fillers). Which end they
 * belong to must be certain; values at both ends leave the row misaligned and out.
 */
function alignSurplus(tokens: readonly ValueToken[], n: number, atEnd: boolean): readonly ValueToken[] | 'misaligned' | null {
  const surplus = tokens.length - n
  if (surplus < 0) return null
  if (surplus === 0) return tokens
  const leading = tokens.slice(0, surplus)
  const trailing = tokens.slice(n)
  const blank = (t: ValueToken): boolean => t.k === 'blank'
  const leadingBlank = leading.every(blank)
  const trailingBlank = trailing.every(blank)
  // Blanks at both ends: on the label's own printed row they are its placeholders (a grid row);
  // where every cell stands on a line of its own, the row's cells follow the label directly and
  // the blanks after them lead the next row (its row-span column).
  if (leadingBlank && trailingBlank) return leading.every((t) => t.k === 'blank' && t.afterLabel) ? tokens.slice(surplus) : tokens.slice(0, n)
  if (leadingBlank) return tokens.slice(surplus)
  // At the end of a cut copy what follows the row's cells is the next row's numbering (`2`).
  if (trailingBlank || atEnd) return tokens.slice(0, n)
  return 'misaligned'
}

function asCells(values: number[], how: 'forced' | 'arithmetic'): RowRead {
  return { kind: 'cells', values, notes: values.map(() => undefined), how }
}

function byPosition(tokens: readonly ValueToken[], types: readonly CellType[], units?: readonly (string | undefined)[]): RowRead {
  const values: (number | null | undefined)[] = []
  const notes: (CellNote | undefined)[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.k === 'blank') {
      values.push(null)
      notes.push(t.raw === undefined || t.raw === '' ? BLANK_NOTE : { raw: t.raw, flag: 'blank' })
      continue
    }
    const raw = t.raw
    const reading = NONE_MARKS.has(raw) ? { value: 0, flag: 'zero_text' as const } : readCell(raw, types[i], units?.[i])
    if (reading.flag === 'non_numeric') {
      // Text where a number belongs: no number is read (null) and the note names what was printed.
      values.push(null)
      notes.push({ raw, flag: reading.flag, ...(reading.unit ? { unit: reading.unit } : {}), ...(reading.problem ? { problem: reading.problem } : {}) })
      continue
    }
    values.push(reading.value)
    const unit = 'unit' in reading ? reading.unit : undefined
    notes.push(reading.flag === 'ok' && !unit ? undefined : { raw, flag: reading.flag, ...(unit ? { unit } : {}) })
  }
  return { kind: 'cells', values, notes, how: 'position' }
}
