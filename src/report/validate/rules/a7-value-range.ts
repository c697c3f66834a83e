import { cellDef } from '../../model'
import type { CellType } from '../../model/types'
import type { Finding } from '../../types'
import { finding } from '../../finding'
import { cellLabel, num } from '../../model/labels'
import type { ReportRule } from './types'

const EXPECTATION: Record<CellType, { zh: string; en: string; ok: (v: number) => boolean }> = {
  count: { zh: '非负整数', en: 'a whole number ≥ 0', ok: (v) => Number.isInteger(v) && v >= 0 },
  signed: { zh: '整数（可为负）', en: 'a whole number (may be negative)', ok: (v) => Number.isInteger(v) },
  decimal: { zh: '不小于0的数', en: 'a number ≥ 0', ok: (v) => Number.isFinite(v) && v >= 0 },
}

/**
 * A7 (ERROR, [DERIVED]): every count cell is an integer ≥ 0; 本年增/减 (`signed`) may be negative;
 * fee and procurement amounts (`decimal`) may have decimals but are ≥ 0. Blank cells are fine.
 * Runs on every located cell the model knows, whatever the detected format.
 */
export const a7ValueRange: ReportRule = (ctx) => {
  const out: Finding[] = []
  for (const [key, value] of Object.entries(ctx.cells)) {
    if (value === null) continue
    const def = cellDef(key)
    if (!def) continue
    const want = EXPECTATION[def.type]
    if (want.ok(value)) continue
    const label = cellLabel(key)
    out.push(
      finding('A7', 'error', def.section, {
        zh: `${label.zh}：${num(value)} 不是${want.zh}`,
        en: `${label.en}: ${num(value)} is not ${want.en}`,
      }, { cells: [key], expected: want.en, actual: value }),
    )
  }
  return out
}
