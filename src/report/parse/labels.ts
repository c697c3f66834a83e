import { ACTIVE_2019, ACTIVE_2021, type ActiveRowDef, type ActiveTableDef } from '../model/active'
import { APPLY_ROWS } from '../model/apply'
import type { FormatId } from '../model/types'
import { isValueLike } from './cell-value'
import { memoString } from './memo'
import { compact } from './text-norm'

/** Leading numbering of a label: 一、 1. (三) （3） … */
const NUMBERING = /^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])/

/** Labels of section 三 matched on distinctive substrings (format-spec.md §6), never on numbering. */
const APPLY_MATCHERS = APPLY_ROWS.map((r) => ({ key: r.key, match: r.match }))

/** Section 三 group labels that share a row with their first sub-row. */
const APPLY_GROUP = /本年度办理结果|不予公开|无法提供|不予处理|其他处理/

/**
 * The section 三 row a label cell names, or null. Bare "其他" is `result.other.misc` only under
 * （六）其他处理 (`underOther`); a bare "总计" is the column header, not （七）总计.
 */
export function matchApplyRow(cell: string, underOther: boolean): string | null {
  return underOther ? matchApplyUnderOther(cell) : matchApplyOutsideOther(cell)
}

const matchApplyUnderOther = memoString((cell) => matchApplyUncached(cell, true))
const matchApplyOutsideOther = memoString((cell) => matchApplyUncached(cell, false))

function matchApplyUncached(cell: string, underOther: boolean): string | null {
  if (isValueLike(cell)) return null
  const label = compact(cell)
  if (label.length > 80) return null
  const bare = label.replace(NUMBERING, '')
  for (const { key, match } of APPLY_MATCHERS) {
    if (key === 'result.other.misc') {
      if (underOther && bare === '其他') return key
      continue
    }
    if (key === 'result.total') {
      if (bare === '总计' && label !== bare) return key
      continue
    }
    if (match.some((m) => label.includes(m))) return key
  }
  return null
}

/** True for a section 三 group label (（三）不予公开 …), which never has cells of its own in gov2021. */
export function isApplyGroupLabel(cell: string): boolean {
  const label = compact(cell)
  return APPLY_GROUP.test(label) && /^[(（三]/.test(label) && label.length <= 12
}

/** True when a bare 其他 label may mean `result.other.misc` (inside （六）其他处理). */
export function isBareOther(cell: string): boolean {
  return compact(cell).replace(NUMBERING, '') === '其他'
}

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
