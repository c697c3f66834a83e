import { cellDef } from '../model'
import type { CellType } from '../model/types'
import { columnUnitOf, readCell } from './cell-value'
import type { Extracted } from './extract-types'

/**
 * Stores printed cell strings under their keys: the value in `cells`, and a note for anything that
 * was not a plain number (blank, 无/—, text, unit). Returns the keys read as zero text, as text
 * and with units, for the section's summary findings.
 */
export function putCells(out: Extracted, keys: readonly string[], raws: readonly string[]): void {
  keys.forEach((key, i) => {
    const raw = raws[i] ?? ''
    const type: CellType = cellDef(key)?.type ?? 'count'
    const reading = readCell(raw, type, columnUnitOf(key, type))
    out.cells[key] = reading.value
    if (reading.flag !== 'ok' || reading.unit) {
      out.notes[key] = { raw, flag: reading.flag, ...(reading.unit ? { unit: reading.unit } : {}), ...(reading.problem ? { problem: reading.problem } : {}) }
    }
  })
}
