import type { CellNote, Finding } from '../types'

/** What one section extractor located. Keys absent from `cells` were not found. */
export interface Extracted {
  cells: Record<string, number | null>
  notes: Record<string, CellNote>
  findings: Finding[]
  /** True when the section held any table content at all (rows with values or known labels). */
  hasTable: boolean
}

export function emptyExtracted(): Extracted {
  return { cells: {}, notes: {}, findings: [], hasTable: false }
}
