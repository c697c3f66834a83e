import { cellDef, SECTION_LABELS } from '~/report/model'
import type { Finding } from './types'

/** A one-line, human account of a finding for the terminal: file, section, cells, reason. */
export function describeFinding(file: string, f: Finding): string {
  const section = f.section && f.section in SECTION_LABELS ? SECTION_LABELS[f.section as keyof typeof SECTION_LABELS].zh : f.section ?? ''
  const shown = f.cells.slice(0, 4).map((k) => `${k}${cellDef(k) ? `（${cellDef(k)!.label.zh}）` : ''}`).join('、')
  const cells = f.cells.length > 4 ? `${shown} 等 ${f.cells.length} 个单元格` : shown
  return [file, `${f.level.toUpperCase()} ${f.rule}`, section, cells, f.message].filter(Boolean).join(' — ')
}
