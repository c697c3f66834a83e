import { SECTION_LABELS } from '../model'
import type { FormatId } from '../model/types'
import { activeLayout } from './active'
import { appealLayout } from './appeal'
import { applyLayout } from './apply'
import type { FormatLayout } from './types'

export * from './types'
export * from './cell-state'
export { activeLayout, applyLayout, appealLayout }

const CACHE = new Map<FormatId, FormatLayout>()

/**
 * The official tables of a format (sections 二, 三, 四) as a grid model for redrawing the report
 * exactly as printed. Built from the format model, so a label fixed there is fixed here.
 */
export function formatLayout(format: FormatId): FormatLayout {
  let layout = CACHE.get(format)
  if (!layout) {
    layout = {
      format,
      sections: [
        { section: 'active', title: SECTION_LABELS.active, table: activeLayout(format) },
        { section: 'apply', title: SECTION_LABELS.apply, table: applyLayout(format) },
        { section: 'appeal', title: SECTION_LABELS.appeal, table: appealLayout(format) },
      ],
    }
    CACHE.set(format, layout)
  }
  return layout
}
