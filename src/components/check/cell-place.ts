import { cellDef } from '~/report/model'
import type { Label } from '~/report/model/types'
import { sectionName } from './section-names'

/**
 * Where a cell is printed: section heading, row and column as the report prints them
 * (“三、收到和处理政府信息公开申请情况 › 二、上年结转政府信息公开申请数量 › 总计”), so a person fixing
 * the draft finds it without knowing our cell keys. Unknown keys as they are.
 */
export function cellPlace(key: string): Label {
  const def = cellDef(key)
  if (!def) return { zh: key, en: key }
  const section = sectionName(def.section)
  return { zh: `${section.zh} › ${def.rowLabel.zh} › ${def.colLabel.zh}`, en: `${section.en} › ${def.rowLabel.en} › ${def.colLabel.en}` }
}
