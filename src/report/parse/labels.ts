/**
 * Section 二 label cells, for locating section 二 by its table when its heading is missing
 * (section-anchors.ts). Rows are read by the table grammar (grammar.ts, read-tables.ts).
 */
import { ACTIVE_2019, ACTIVE_2021, type ActiveRowDef, type ActiveTableDef } from '../model/active'
import type { FormatId } from '../model/types'
import { isValueLike } from './cell-value'
import { memoString } from './memo'
import { compact } from './text-norm'

export interface ActiveRowMatch {
  table: ActiveTableDef
  row: ActiveRowDef
}

const ACTIVE_TABLES: Record<FormatId, readonly ActiveTableDef[]> = { gov2021: ACTIVE_2021, gov2019: ACTIVE_2019 }

/**
 * The section 二 row a label cell names in a format, or null. Alternatives are tried longest
 * first, so 行政规范性文件 is not read as 规范性文件 of another table.
 */
export function matchActiveRow(cell: string, format: FormatId): ActiveRowMatch | null {
  return format === 'gov2021' ? matchActive2021(cell) : matchActive2019(cell)
}

const matchActive2021 = memoString((cell) => matchActiveUncached(cell, 'gov2021'))
const matchActive2019 = memoString((cell) => matchActiveUncached(cell, 'gov2019'))

function matchActiveUncached(cell: string, format: FormatId): ActiveRowMatch | null {
  if (isValueLike(cell)) return null
  const label = compact(cell)
  if (label.length > 40 || isActiveCaption(label) || isActiveHeader(label)) return null
  let best: (ActiveRowMatch & { length: number }) | null = null
  for (const table of ACTIVE_TABLES[format]) {
    for (const row of table.rows) {
      for (const m of row.match) {
        if (label.includes(m) && (!best || m.length > best.length)) best = { table, row, length: m.length }
      }
    }
  }
  return best && { table: best.table, row: best.row }
}

/** A known section 二 row label of either format (used to anchor rows before the format is known). */
export function isAnyActiveRow(cell: string): boolean {
  return matchActiveRow(cell, 'gov2021') !== null || matchActiveRow(cell, 'gov2019') !== null
}

/** The caption row of a section 二 table: 第二十条第（N）项. */
export function isActiveCaption(cell: string): boolean {
  return compact(cell).includes('第二十条第')
}

/** The header row of a section 二 table starts with 信息内容. */
export function isActiveHeader(cell: string): boolean {
  return compact(cell).startsWith('信息内容')
}
