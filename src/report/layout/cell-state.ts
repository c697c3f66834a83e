import type { CellFlag, CellNote, Finding, Level } from '../types'

/** What a redrawn table shows: a report's located cells, their reading notes and its findings. */
export interface ReportTableData {
  /** Located cells: a number, or null when printed blank. A key that is absent was not found. */
  cells: Readonly<Record<string, number | null>>
  /** Reading notes for cells whose printed text was not a plain number. */
  notes?: Readonly<Record<string, CellNote>>
  findings: readonly Finding[]
}

/**
 * How a value cell is drawn. Three states that must never look alike: a number (including 0),
 * a cell printed blank (null; validators count it as 0 and say so), and a cell not found in
 * the file at all (cut off, table missing).
 */
export type CellPresence = 'number' | 'blank' | 'absent'

export interface CellView {
  key: string
  presence: CellPresence
  value: number | null
  /** How the printed text was read, when it was not a plain number. */
  flag?: CellFlag
  /** Printed text, when it was not a plain number (never rendered as HTML). */
  raw?: string
  /** Findings naming this cell, most severe first. */
  findings: Finding[]
  /** The most severe level among `findings`. */
  level?: Level
}

const LEVEL_RANK: Record<Level, number> = { error: 0, warn: 1, info: 2 }

/** Sort findings most severe first (stable within a level). */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level])
}

/** Index findings by each cell key they name, most severe first. */
export function findingsByCell(findings: readonly Finding[]): Map<string, Finding[]> {
  const index = new Map<string, Finding[]>()
  for (const f of bySeverity(findings)) {
    for (const key of f.cells) {
      const list = index.get(key)
      if (list) list.push(f)
      else index.set(key, [f])
    }
  }
  return index
}

/** The drawing state of one value cell. */
export function cellView(key: string, data: ReportTableData, index: Map<string, Finding[]>): CellView {
  const present = Object.prototype.hasOwnProperty.call(data.cells, key)
  const value = present ? (data.cells[key] ?? null) : null
  const note = data.notes?.[key]
  const findings = index.get(key) ?? []
  return {
    key,
    presence: !present ? 'absent' : value === null ? 'blank' : 'number',
    value,
    ...(note && note.flag !== 'ok' ? { flag: note.flag, raw: note.raw } : {}),
    findings,
    ...(findings[0] ? { level: findings[0].level } : {}),
  }
}
