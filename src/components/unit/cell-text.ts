import { formatCount } from '~/charts/format'
import { cellDef } from '~/report/model'
import type { CellView } from '~/report/layout'
import type { Label } from '~/report/model/types'

/** Translate function of vue-i18n, narrowed to what these helpers use. */
type T = (key: string, named?: Record<string, unknown>) => string

/**
 * The text drawn inside a value cell. A number shows as a number (a 无/— read as 0 keeps its
 * printed text beside it); text in a number cell shows that text; a blank cell and a cell not
 * found show short distinct words, so neither can be mistaken for 0.
 */
export function cellText(view: CellView, t: T): string {
  if (view.presence === 'absent') return t('unit.cell.absent')
  if (view.presence === 'blank') return view.raw ? view.raw : t('unit.cell.blank')
  const n = formatCount(view.value)
  return view.flag === 'zero_text' && view.raw ? `${n}（${view.raw}）` : n
}

/** A plain-text explanation of a cell for its tooltip: label, state, and the first finding. */
export function cellTitle(view: CellView, t: T, label: (l: Label) => string, lang: 'zh' | 'en'): string {
  const def = cellDef(view.key)
  const parts = [def ? label(def.label) : view.key]
  if (view.presence === 'absent') parts.push(t('unit.cell.absentLong'))
  else if (view.presence === 'blank') parts.push(t('unit.cell.blankLong'))
  if (view.raw) parts.push(t('unit.cell.raw', { raw: view.raw }))
  const f = view.findings[0]
  if (f) parts.push(`${f.rule}: ${lang === 'en' ? f.message_en : f.message}`)
  return parts.join('\n')
}
