import type { FormatId } from '~/report/model/types'
import type { SeriesReport } from '~/report/validate'
import { makeCells } from './make-record'

/** A clean report of a year for series tests; `set` overrides cells. */
export function yearReport(year: number, format: FormatId, set: Record<string, number | null> = {}): SeriesReport {
  return { year, format, cells: { ...makeCells(format), ...set }, file: `unit-${year}.txt` }
}
