import { cellDef } from '../model'
import type { CellNote, Finding } from '../types'
import { cellLabel } from '../model/labels'
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
    if (note.unit && note.problem === undefined) group.unit.push(key)
  }
  const out: Finding[] = []
  for (const [section, group] of bySection) {
    if (group.zero.length > 0) {
      const raws = [...new Set(group.zero.map((k) => notes[k]!.raw.trim()))].join(' ')
      out.push(parseFinding('zero_text', 'info', section, `${group.zero.length}个单元格以“${quote(raws)}”表示0，按0读取`, `${group.zero.length} cells print "${quote(raws)}" for zero; read as 0`, { cells: group.zero, detail: raws }))
    }
    for (const key of group.text) out.push(textFinding(section, key, notes[key]!))
    if (group.unit.length > 0) {
      const units = [...new Set(group.unit.map((k) => notes[k]!.unit!))].join('、')
      out.push(parseFinding('unit_in_cell', 'info', section, `${group.unit.length}个单元格带有单位（${units}），已去除单位读取数值`, `${group.unit.length} cells print a unit (${units}); the number was read without it`, { cells: group.unit, detail: units }))
    }
  }
  return out
}

/**
 * The finding for a number cell left out: plain text (non_numeric), or a number-like text that
 * could not be read exactly — too long (number_too_large), digits split by a space or a break or
 * printed as ⑫/¹² (non_numeric, saying why), a unit contradicting the column (unit_mismatch).
 */
function textFinding(section: TableScope, key: string, note: CellNote): Finding {
  const label = cellLabel(key)
  const raw = note.raw
  const q = quote(raw)
  const extra = { cells: [key], detail: raw }
  switch (note.problem) {
    case 'too_large':
      return parseFinding('number_too_large', 'warn', section, `${label.zh}：数字“${q}”过长，无法精确读取，按空值处理`, `${label.en}: the number "${q}" is too long to be read exactly; read as null`, extra)
    case 'unit_mismatch': {
      const column = cellDef(key)?.colLabel.zh ?? ''
      return parseFinding('unit_mismatch', 'warn', section, `${label.zh}：单元格“${q}”的单位“${note.unit ?? ''}”与栏目单位不符（${column}），未读取`, `${label.en}: the unit "${note.unit ?? ''}" in "${q}" contradicts the column's unit; not read`, extra)
    }
    case 'split_digits':
      return parseFinding('non_numeric', 'warn', section, `${label.zh}：单元格“${q}”的数字被空格或换行隔开，不是一个数，按空值处理`, `${label.en}: the digits of "${q}" are separated by a space or a line break, not one number; read as null`, extra)
    case 'odd_digits':
      return parseFinding('non_numeric', 'warn', section, `${label.zh}：单元格“${q}”含圈码或上标数字，不是普通数字，按空值处理`, `${label.en}: "${q}" holds circled or superscript digits, not a plain number; read as null`, extra)
    default:
      return parseFinding('non_numeric', 'warn', section, `${label.zh}：单元格内容“${q}”不是数字，按空值处理`, `${label.en}: cell text "${q}" is not a number; read as null`, extra)
  }
}
