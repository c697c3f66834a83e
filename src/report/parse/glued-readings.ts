import type { CellType } from '../model/types'

/**
 * Every way a row of free-text number runs can be read as exactly `n` cells. Each whitespace-
 * separated run may hold several glued cells (`0000000`, `200 000121`); a cell never starts with
 * a 0 unless it is 0, a decimal or a number with thousands separators is one cell, and a sign
 * glued to a run starts a new cell (2019 本年增/减, `1-10` = 1 / −1 / 0). Which reading is the
 * table's is decided by the caller's arithmetic; this only enumerates.
 */

/** More readings than this and the row is left out as ambiguous (no arithmetic narrows that many). */
export const MAX_READINGS = 20_000

/** One run's printed text, prepared for splitting. */
interface Run {
  /** Digits only (no sign, unit or separator), or null for an atomic value. */
  digits: string | null
  sign: '' | '-' | '+'
  /** The value when atomic (decimal, thousands separators, a none-mark). */
  atomic: number | null
}

const UNIT_SUFFIX = /(?:万元|元|件|个|项|次|条)$/
const NONE_MARKS = new Set(['/', '-', '—', '——', '－', '–', '无', '―'])

function runOf(raw: string, bounded: boolean): Run | null {
  const text = raw.replace(UNIT_SUFFIX, '')
  if (NONE_MARKS.has(text)) return { digits: null, sign: '', atomic: 0 }
  const m = /^([-+]?)(\d+)$/.exec(text)
  // A cell whose boundaries are known is one value, never split.
  if (m && bounded) return { digits: null, sign: '', atomic: Number(text) }
  if (m) return { digits: m[2]!, sign: m[1] as Run['sign'], atomic: null }
  const plain = text.replace(/,(?=\d{3})/g, '')
  if (/^[-+]?\d+(?:\.\d+)?$/.test(plain)) return { digits: null, sign: '', atomic: Number(plain) }
  return null
}

/** Values allowed in a column of this type. */
function fits(value: number, type: CellType): boolean {
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return false
  if (type === 'signed') return Number.isInteger(value)
  if (type === 'decimal') return value >= 0
  return value >= 0 && Number.isInteger(value)
}

/**
 * Readings of the runs as exactly `types.length` cells, or null when a run is not a number or
 * there are more than MAX_READINGS.
 */
export function gluedReadings(raws: readonly { raw: string; bounded?: boolean }[], types: readonly CellType[]): number[][] | null {
  const runs: Run[] = []
  for (const r of raws) {
    const run = runOf(r.raw, r.bounded ?? false)
    if (!run) return null
    runs.push(run)
  }
  const n = types.length
  const out: number[][] = []
  const cells: number[] = []
  let overflow = false

  // Fewest and most cells the runs from index i on can make, for pruning.
  const minFrom: number[] = new Array<number>(runs.length + 1).fill(0)
  const maxFrom: number[] = new Array<number>(runs.length + 1).fill(0)
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i]!
    minFrom[i] = minFrom[i + 1]! + 1
    maxFrom[i] = maxFrom[i + 1]! + (run.digits === null ? 1 : run.digits.length)
  }

  const visitRun = (i: number): void => {
    if (overflow) return
    if (i === runs.length) {
      if (cells.length === n) {
        if (out.length >= MAX_READINGS) overflow = true
        else out.push(cells.slice())
      }
      return
    }
    const left = n - cells.length
    if (left < minFrom[i]! || left > maxFrom[i]!) return
    const run = runs[i]!
    if (run.digits === null) {
      if (fits(run.atomic!, types[cells.length]!)) {
        cells.push(run.atomic!)
        visitRun(i + 1)
        cells.pop()
      }
      return
    }
    split(i, run.digits, 0, run.sign)
  }

  // Splits digits[pos..] of run i into cells; the first cell takes the sign.
  const split = (i: number, digits: string, pos: number, sign: string): void => {
    if (overflow) return
    if (pos === digits.length) {
      visitRun(i + 1)
      return
    }
    if (cells.length >= n) return
    const maxLen = digits[pos] === '0' ? 1 : Math.min(15, digits.length - pos)
    for (let len = 1; len <= maxLen; len++) {
      const value = Number(sign + digits.slice(pos, pos + len))
      if (!fits(value, types[cells.length]!)) continue
      cells.push(value)
      split(i, digits, pos + len, '')
      cells.pop()
      if (overflow) return
    }
  }

  visitRun(0)
  return overflow ? null : out
}

/** Per cell: the value every reading agrees on, or undefined where they differ. */
export function agreedCells(readings: readonly number[][], n: number): (number | undefined)[] {
  const out: (number | undefined)[] = []
  for (let c = 0; c < n; c++) {
    const first = readings[0]?.[c]
    out.push(first !== undefined && readings.every((r) => r[c] === first) ? first : undefined)
  }
  return out
}
