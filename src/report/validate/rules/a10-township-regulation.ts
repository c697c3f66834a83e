import type { UnitKind } from '../../types'
import { finding } from '../../finding'
import { cellLabel, num } from '../../model/labels'
import type { ReportRule } from './types'

/** Unit kinds that cannot make 规章 (only 省 and 设区的市 governments can). */
const NO_REGULATIONS: ReadonlySet<UnitKind> = new Set(['街道', '镇', '乡'])

/**
 * A10 (INFO, [DERIVED]): a township or street office reporting 规章 > 0. Needs the unit kind from
 * the registry; without it the rule does not run.
 */
export const a10TownshipRegulation: ReportRule = (ctx) => {
  if (!ctx.unitKind || !NO_REGULATIONS.has(ctx.unitKind)) return []
  return Object.entries(ctx.cells)
    .filter(([key, value]) => key.startsWith('active.regulation.') && value !== null && value > 0)
    .map(([key, value]) =>
      finding('A10', 'info', 'active', {
        zh: `${cellLabel(key).zh}=${num(value!)}，但${ctx.unitKind}无权制定规章`,
        en: `${cellLabel(key).en} = ${num(value!)}, but a ${ctx.unitKind === '街道' ? 'street office' : 'township'} cannot make regulations`,
      }, { cells: [key], expected: 0, actual: value }),
    )
}
