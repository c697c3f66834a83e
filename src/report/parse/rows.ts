import { isValueLike } from './cell-value'
import type { Block } from './doc'

/** One table row as the extractor sees it. */
export interface Row {
  cells: string[]
  /**
   * True when the row's values were one run of digits glued to its label (layout g): the last
   * cell holds the digits, to be split with the table arithmetic.
   */
  glued?: boolean
}

/** Section-specific knowledge the para-mode row builder needs. */
export interface RowRules {
  /** True when a label cell begins a new row even though the previous cell was also a label. */
  startsRow(cell: string, previousLabel: string | undefined): boolean
  /** For a label with digits glued to its end: the label part when it is a known row label, else null. */
  gluedLabel(label: string, digits: string): string | null
}

const TRAILING_DIGITS = /^(.*?[^\d.,+\-])(\d+(?:\.\d+)?)$/s

/**
 * The rows of one section. Table blocks give their rows as they are (the front-end knows the
 * structure). Without any table block, the paragraphs are cells in reading order and rows are
 * anchored on labels: value cells join the current row; a label after values, or a label that
 * itself starts a row, opens a new one. Never guesses where a vanished cell was.
 */
export function sectionRows(blocks: readonly Block[], rules: RowRules): { rows: Row[]; fromTables: boolean } {
  const tables = blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')
  if (tables.length > 0) return { rows: tables.flatMap((t) => t.rows.map((cells) => ({ cells }))), fromTables: true }

  const rows: Row[] = []
  let hasValues = false
  let previousLabel: string | undefined
  for (const block of blocks) {
    if (block.kind !== 'para') continue
    const cell = block.text
    const current = rows[rows.length - 1]
    if (isValueLike(cell)) {
      if (current) current.cells.push(cell)
      else rows.push({ cells: [cell] })
      hasValues = true
      continue
    }
    const glued = TRAILING_DIGITS.exec(cell)
    const gluedLabel = glued ? rules.gluedLabel(glued[1]!, glued[2]!) : null
    const label = gluedLabel ?? cell
    let target = current
    if (!target || hasValues || rules.startsRow(label, previousLabel)) {
      target = { cells: [] }
      rows.push(target)
      hasValues = false
    }
    target.cells.push(label)
    previousLabel = label
    if (glued && gluedLabel !== null) {
      target.cells.push(glued[2]!)
      target.glued = true
      hasValues = true
    }
  }
  return { rows, fromTables: false }
}

/** Number of value-like cells at the end of a row. */
export function trailingValueCount(cells: readonly string[]): number {
  let n = 0
  for (let i = cells.length - 1; i >= 0 && isValueLike(cells[i]!); i--) n++
  return n
}
