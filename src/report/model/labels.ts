import { APPLY_COLS, APPLY_ROWS, SECTION_LABELS, cellDef } from './index'
import type { Label } from './types'

/** Section titles as printed, for messages (二/三/四 from the model, plus report-level scopes). */
export const SECTION_TITLES: Record<'active' | 'apply' | 'appeal' | 'meta' | 'prose', Label> = {
  ...SECTION_LABELS,
  meta: { zh: '报告信息', en: 'Report metadata' },
  prose: { zh: '一、总体情况', en: 'I. Overview' },
}

/** The printed label of a cell key (row · column), or the key itself for an unknown key. */
export function cellLabel(key: string): Label {
  const def = cellDef(key)
  return def ? def.label : { zh: key, en: key }
}

/** The printed column label of a section 三 column key (自然人, 商业企业 …). */
export function applyColLabel(col: string): Label {
  const def = APPLY_COLS.find((c) => c.key === col)
  return def ? def.label : { zh: col, en: col }
}

/**
 * The printed label of a section 三 row, with its group label when the leaf alone is ambiguous
 * ("（三）不予公开 1.属于国家秘密" rather than "1.属于国家秘密").
 */
export function applyRowLabel(row: string): Label {
  const index = APPLY_ROWS.findIndex((r) => r.key === row)
  const def = APPLY_ROWS[index]
  if (!def) return { zh: row, en: row }
  if (!/^\d/.test(def.label.zh)) return def.label
  // Walk back to the sub-row that carries the group label (（三）不予公开 …).
  for (let i = index; i >= 0; i--) {
    const group = APPLY_ROWS[i]!.group
    if (group) return { zh: `${group.zh} ${def.label.zh}`, en: `${group.en} ${def.label.en}` }
  }
  return def.label
}

/** Formats a number as printed in messages (integers plain, decimals without float noise). */
export function num(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6)
}

/** The "blank counted as 0" suffix for messages, in both languages. */
export function zeroNote(assumedZero: boolean): Label {
  return assumedZero ? { zh: '（空白单元格按0计）', en: ' (blank cells counted as 0)' } : { zh: '', en: '' }
}
