import { sectionKeysOf } from '../../model'
import type { TableSection } from '../../model/types'
import { tableFormat } from '../context'
import { finding } from '../../finding'
import { cellLabel } from '../../model/labels'
import type { ReportRule } from './types'

const SECTIONS: readonly TableSection[] = ['active', 'apply', 'appeal']
/** How many missing cells a message names before summarising the rest. */
const NAMED = 5

/**
 * A8 (WARN; ERROR when a whole table is missing, [DERIVED]): every cell of the detected format was
 * located — gov2021 10 + 175 + 15, gov2019 22 + 161 + 15. The finding lists every missing key in
 * `cells` and names the first few in the message.
 */
export const a8Completeness: ReportRule = (ctx) => {
  const format = tableFormat(ctx.meta.format)
  if (!format) return []
  return SECTIONS.flatMap((section) => {
    const keys = sectionKeysOf(format, section)
    const missing = keys.filter((k) => !(k in ctx.cells))
    if (missing.length === 0) return []
    const whole = missing.length === keys.length
    const named = missing.slice(0, NAMED).map(cellLabel)
    const more = missing.length > NAMED ? { zh: `等${missing.length}个`, en: ` and ${missing.length - NAMED} more` } : { zh: '', en: '' }
    const body = whole
      ? { zh: `整张表格缺失（应有${keys.length}个单元格）`, en: `the whole table is missing (${keys.length} cells expected)` }
      : {
          zh: `缺少${missing.length}/${keys.length}个单元格：${named.map((l) => l.zh).join('；')}${more.zh}`,
          en: `${missing.length} of ${keys.length} cells not found: ${named.map((l) => l.en).join('; ')}${more.en}`,
        }
    return [finding('A8', whole ? 'error' : 'warn', section, body, { cells: missing, expected: keys.length, actual: keys.length - missing.length })]
  })
}
