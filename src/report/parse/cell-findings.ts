import { cellDef } from '../model'
import type { CellNote, Finding } from '../types'
import { cellLabel } from '../validate/labels'
import { parseFinding, quote } from './findings'

type TableScope = 'active' | 'apply' | 'appeal'

/**
 * One finding per section for cells whose text was not a plain number: zero text (无/—, info),
 * text in a number cell (warn) and units inside cells (info). Per section rather than per cell,
 * so a report that writes "—" for every zero yields one line, still naming every cell.
 */
export function cellNoteFindings(notes: Readonly<Record<string, CellNote>>): Finding[] {
  const bySection = new Map<TableScope, { zero: string[]; text: string[]; unit: string[] }>()
  for (const [key, note] of Object.entries(notes)) {
    const section = cellDef(key)?.section
    if (!section) continue
    const group = bySection.get(section) ?? { zero: [], text: [], unit: [] }
    bySection.set(section, group)
    if (note.flag === 'zero_text') group.zero.push(key)
    if (note.flag === 'non_numeric') group.text.push(key)
    if (note.unit) group.unit.push(key)
  }
  const out: Finding[] = []
  for (const [section, group] of bySection) {
    if (group.zero.length > 0) {
      const raws = [...new Set(group.zero.map((k) => notes[k]!.raw.trim()))].join(' ')
      out.push(parseFinding('zero_text', 'info', section, `${group.zero.length}个单元格以“${quote(raws)}”表示0，按0读取`, `${group.zero.length} cells print "${quote(raws)}" for zero; read as 0`, { cells: group.zero, detail: raws }))
    }
    for (const key of group.text) {
      const label = cellLabel(key)
      const raw = notes[key]!.raw
      out.push(parseFinding('non_numeric', 'warn', section, `${label.zh}：单元格内容“${quote(raw)}”不是数字，按空值处理`, `${label.en}: cell text "${quote(raw)}" is not a number; read as null`, { cells: [key], detail: raw }))
    }
    if (group.unit.length > 0) {
      const units = [...new Set(group.unit.map((k) => notes[k]!.unit!))].join('、')
      out.push(parseFinding('unit_in_cell', 'info', section, `${group.unit.length}个单元格带有单位（${units}），已去除单位读取数值`, `${group.unit.length} cells print a unit (${units}); the number was read without it`, { cells: group.unit, detail: units }))
    }
  }
  return out
}
