import type { CellType } from '../model/types'
import type { CellNote } from '../types'
import { readCell } from './cell-value'
import { agreedCells, gluedReadings } from './glued-readings'
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
  | { kind: 'ambiguous'; values: (number | undefined)[]; readings: number[][]; reason: 'many' | 'none_adds_up' | 'too_many' }
  | { kind: 'short'; found: number }
  | { kind: 'misaligned'; found: number }

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
  const extrasBlank = tokens.slice(n).every((t) => t.k === 'blank')
  // Surplus empty cells between the label and the values on the label's own printed row are the
  // placeholders of a label spanning several grid columns (markdown and HTML grids); surplus empty
  // cells after the values are row-end fillers. When both readings are possible and differ, the
  // row cannot be placed with certainty.
  const surplus = count - n
  const leadingPlaceholders = surplus > 0 && tokens.slice(0, surplus).every((t) => t.k === 'blank' && t.afterLabel)
  if (leadingPlaceholders && extrasBlank && surplus > 0) return { kind: 'misaligned', found: count }
  if (leadingPlaceholders && !tokens.slice(surplus).some(mustBeGlued)) return byPosition(tokens.slice(surplus), types, units)
  const positional = count === n || (count > n && (extrasBlank || atEnd))
  if (positional && !tokens.slice(0, n).some(mustBeGlued)) return byPosition(tokens.slice(0, n), types, units)
  // Where empty cells are printed (`|` pieces, table cells), a short row was cut at its end: its
  // first cells are in place. Elsewhere (one cell per line) lost blanks could shift any of them.
  if (count > 0 && count < n && tokens.every((t) => t.k === 'blank' || t.cell)) {
    const read = byPosition(tokens, types, units)
    return read.kind === 'cells' ? { ...read, cut: n - count } : read
  }

  const free = tokens.filter((t) => t.k === 'val' && !t.bounded)
  if (free.length === 0 || tokens.some((t) => t.k === 'blank')) {
    return count < n ? { kind: 'short', found: count } : { kind: 'misaligned', found: count }
  }
  const runs = (tokens as Extract<ValueToken, { k: 'val' }>[]).map((t) => ({ raw: t.raw, bounded: t.bounded }))
  const readings = gluedReadings(runs, types)
  if (readings === null) return { kind: 'ambiguous', values: new Array<undefined>(n).fill(undefined), readings: [], reason: 'too_many' }
  if (readings.length === 0) return count < n ? { kind: 'short', found: count } : { kind: 'misaligned', found: count }
  // One reading by the cell count alone is certain, whatever its arithmetic (a report's own error stays visible).
  if (readings.length === 1) return asCells(readings[0]!, 'forced')
  const adding = check ? readings.filter(check) : readings
  if (adding.length === 1) return asCells(adding[0]!, 'arithmetic')
  if (adding.length === 0) return { kind: 'ambiguous', values: agreedCells(readings, n), readings, reason: 'none_adds_up' }
  return { kind: 'ambiguous', values: agreedCells(adding, n), readings: adding, reason: 'many' }
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
      notes.push(undefined)
      continue
    }
    const raw = t.raw
    const reading = NONE_MARKS.has(raw) ? { value: 0, flag: 'zero_text' as const } : readCell(raw, types[i], units?.[i])
    if (reading.flag === 'non_numeric') {
      // Text where a number belongs: the cell is left out and the note names what was printed.
      values.push(undefined)
      notes.push({ raw, flag: reading.flag, ...(reading.unit ? { unit: reading.unit } : {}), ...(reading.problem ? { problem: reading.problem } : {}) })
      continue
    }
    values.push(reading.value)
    const unit = 'unit' in reading ? reading.unit : undefined
    notes.push(reading.flag === 'ok' && !unit ? undefined : { raw, flag: reading.flag, ...(unit ? { unit } : {}) })
  }
  return { kind: 'cells', values, notes, how: 'position' }
}
