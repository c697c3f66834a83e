import type { LayoutCell, LayoutTable } from '~/report/layout'

/** A cell placed on the table grid, with its printed text as lines. */
export interface PlacedCell {
  cell: LayoutCell
  row: number
  col: number
  /** Printed text, one entry per line inside the cell ('' for a blank value). */
  lines: string[]
  /** True for a number cell. */
  isValue: boolean
}

/**
 * One slot of a row in print order: a cell that starts in this row, or the continuation of a cell
 * merged down from a row above (Word's `w:vMerge` continue cell; the sample's empty `\t` lines).
 */
export type RowSlot = { kind: 'cell'; placed: PlacedCell } | { kind: 'continue'; from: PlacedCell; col: number }

/**
 * Header texts that wrap inside their narrow column in the printed template, as the sample shows
 * them ("商业\n企业"); the 勾稽 note cell starts with an empty paragraph.
 */
const PRINTED_LINES: Record<string, string[]> = { 商业企业: ['商业', '企业'], 科研机构: ['科研', '机构'] }

/** A number as printed: integers plain, decimals as given, blank for null/absent. */
export function valueText(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return ''
  return String(value)
}

function linesOf(cell: LayoutCell, cells: Readonly<Record<string, number | null>>): string[] {
  if (cell.kind === 'value') return [valueText(cells[cell.key])]
  if (cell.kind === 'note') return ['', cell.text.zh]
  return PRINTED_LINES[cell.text.zh] ?? [cell.text.zh]
}

/**
 * Lays a table out on its grid (HTML rowspan/colspan placement) and lists each row's slots in
 * column order: the cells starting in the row and one continuation slot per cell merged down
 * into it.
 */
export function placeRows(table: LayoutTable, cells: Readonly<Record<string, number | null>>): RowSlot[][] {
  const owner: (PlacedCell | undefined)[][] = table.rows.map(() => new Array<PlacedCell | undefined>(table.columns))
  table.rows.forEach((row, r) => {
    let col = 0
    for (const cell of row) {
      while (owner[r]![col]) col++
      const placed: PlacedCell = { cell, row: r, col, lines: linesOf(cell, cells), isValue: cell.kind === 'value' }
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          const line = owner[r + dr]
          if (line) line[col + dc] = placed
        }
      }
      col += cell.colspan
    }
  })
  return owner.map((line, r) => {
    const slots: RowSlot[] = []
    for (let col = 0; col < table.columns; ) {
      const placed = line[col]
      if (!placed) {
        col++
        continue
      }
      slots.push(placed.row === r ? { kind: 'cell', placed } : { kind: 'continue', from: placed, col })
      col += placed.cell.colspan
    }
    return slots
  })
}

/** The cells that start in each row (no continuation slots): a table flattened the way HTML is. */
export function ownCells(rows: RowSlot[][]): PlacedCell[][] {
  return rows.map((slots) => slots.flatMap((s) => (s.kind === 'cell' ? [s.placed] : [])))
}
