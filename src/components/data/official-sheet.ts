import { formatLayout, type LayoutCell } from '~/report/layout'
import type { FormatId, Label } from '~/report/model/types'

/**
 * A unit's (or a district's summed) tables laid out as the national format prints them —
 * sections 二, 三, 四 with their merged headers — as one grid, ready to be written to a
 * spreadsheet (official-xlsx.ts). Built from the same layout model the unit page redraws reports
 * with (src/report/layout), so the exported sheet and the page agree cell for cell.
 */

export type SheetKind = LayoutCell['kind'] | 'title' | 'section'

export interface SheetCell {
  kind: SheetKind
  /** Text of a label or heading, the number of a value cell; null for a blank or absent value. */
  value: string | number | null
  /** Cell key of a value cell. */
  key?: string
}

export interface SheetMerge {
  row: number
  col: number
  rowspan: number
  colspan: number
}

export interface OfficialSheet {
  /** Grid rows; null where a merged cell covers the slot or nothing is printed. */
  rows: (SheetCell | null)[][]
  merges: SheetMerge[]
  columns: number
  /** Per row, how many columns its table spans (bordered); 0 for the title and section rows. */
  tableWidth: number[]
}

/** Values of a report (or a sum): cell key → number, null when printed blank. Absent keys print blank. */
export type CellValues = ReadonlyMap<string, number | null>

/** The grid of `format` filled with `values`, under a title row. Labels in `lang` (Chinese by default, as printed). */
export function officialSheet(format: FormatId, values: CellValues, title: string, lang: 'zh' | 'en' = 'zh'): OfficialSheet {
  const text = (l: Label) => l[lang]
  const layout = formatLayout(format)
  const columns = Math.max(...layout.sections.map((s) => s.table.columns))
  const rows: (SheetCell | null)[][] = []
  const merges: SheetMerge[] = []
  const tableWidth: number[] = []
  const fullRow = (cell: SheetCell) => {
    rows.push([cell, ...Array<null>(columns - 1).fill(null)])
    tableWidth.push(0)
    if (columns > 1) merges.push({ row: rows.length - 1, col: 0, rowspan: 1, colspan: columns })
  }
  fullRow({ kind: 'title', value: title })
  for (const s of layout.sections) {
    fullRow({ kind: 'section', value: text(s.title) })
    const top = rows.length
    const grid: (SheetCell | null)[][] = s.table.rows.map(() => Array<SheetCell | null>(columns).fill(null))
    const taken = s.table.rows.map(() => Array<boolean>(columns).fill(false))
    s.table.rows.forEach((row, r) => {
      let c = 0
      for (const cell of row) {
        while (taken[r]![c]) c++
        for (let dr = 0; dr < cell.rowspan; dr++) for (let dc = 0; dc < cell.colspan; dc++) taken[r + dr]![c + dc] = true
        grid[r]![c] =
          cell.kind === 'value'
            ? { kind: 'value', key: cell.key, value: values.get(cell.key) ?? null }
            : { kind: cell.kind, value: text(cell.text) }
        if (cell.rowspan > 1 || cell.colspan > 1) merges.push({ row: top + r, col: c, rowspan: cell.rowspan, colspan: cell.colspan })
        c += cell.colspan
      }
    })
    rows.push(...grid)
    tableWidth.push(...grid.map(() => s.table.columns))
  }
  return { rows, merges, columns, tableWidth }
}
