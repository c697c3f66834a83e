import type { TableSection } from '../model/types'
import { cellDef } from '../model'
import type { CellNote, Finding } from '../types'
import type { PendingRow } from './apply-columns'
import type { Extracted } from './extract-types'
import { parseFinding, quote } from './findings'
import type { RowRead } from './row-values'

/** How one row's reading is put into a section's cells, notes and findings. */



/** The printed label of the row a set of cell keys belongs to (（三）不予公开 · 1.属于国家秘密). */
function rowLabel(keys: readonly string[]): string {
  return cellDef(keys[0]!)?.rowLabel.zh ?? keys[0]!.split('.').slice(0, -1).join('.')
}

export function putRow(ex: Extracted, section: TableSection, keys: readonly string[], read: RowRead, pending: PendingRow[] | null): void {
  if (read.kind === 'cells') {
    keys.forEach((key, c) => {
      const v = read.values[c]
      const note: CellNote | undefined = read.notes[c]
      if (note) ex.notes[key] = note
      if (v !== undefined) ex.cells[key] = v
    })
    if (read.how === 'arithmetic') ex.findings.push(recoveredFinding(section, keys, 'row'))
    if (read.cut) {
      const lost = keys.slice(keys.length - read.cut)
      ex.findings.push(
        parseFinding('short_row', 'warn', section, `本行只印出前 ${keys.length - read.cut} 个单元格，其余 ${read.cut} 个未读取`, `Only the first ${keys.length - read.cut} cells of the row are printed; the other ${read.cut} were not read`, {
          cells: lost,
          expected: keys.length,
          actual: keys.length - read.cut,
        }),
      )
    }
    return
  }
  if (read.kind === 'ambiguous') {
    keys.forEach((key, c) => {
      const v = read.values[c]
      if (v !== undefined) ex.cells[key] = v
    })
    if (pending && read.reason === 'many') pending.push({ keys, readings: read.readings })
    ex.findings.push(ambiguousFinding(section, keys, read))
    return
  }
  const label = rowLabel(keys)
  if (read.kind === 'short') {
    ex.findings.push(
      parseFinding('short_row', 'warn', section, `${label} 行只读到 ${read.found} 个单元格（应为 ${keys.length} 个），无法确定对应列，未读取`, `Row ${label}: ${read.found} cells found for ${keys.length} columns; they cannot be placed with certainty and were left out`, {
        cells: [...keys],
        expected: keys.length,
        actual: read.found,
      }),
    )
  } else {
    ex.findings.push(
      parseFinding('row_misaligned', 'warn', section, `${label} 行有 ${read.found} 个单元格（应为 ${keys.length} 个），无法对齐，未读取`, `Row ${label}: ${read.found} cells for ${keys.length} columns cannot be aligned; left out`, {
        cells: [...keys],
        expected: keys.length,
        actual: read.found,
      }),
    )
  }
}

export function recoveredFinding(section: TableSection, keys: readonly string[], by: 'row' | 'columns'): Finding {
  const zh = by === 'row' ? '粘连数字已按本行合计唯一拆分' : '粘连数字已按列勾稽关系（A1/A2）唯一拆分'
  const en = by === 'row' ? 'Glued digits split by the row total (the only reading that adds up)' : 'Glued digits split by the column arithmetic (A1/A2): the only reading that adds up'
  return parseFinding('glued_recovered', 'info', section, zh, en, { cells: [...keys] })
}

function ambiguousFinding(section: TableSection, keys: readonly string[], read: Extract<RowRead, { kind: 'ambiguous' }>): Finding {
  const left = keys.filter((_, c) => read.values[c] === undefined)
  const shown = read.readings.slice(0, 4).map((r) => r.join('/')).join('；')
  const more = read.readings.length > 4 ? ` …（共 ${read.readings.length} 种）` : ''
  const why =
    read.reason === 'too_many'
      ? { zh: '可能的拆分过多', en: 'too many possible splits' }
      : read.reason === 'none_adds_up'
        ? { zh: `没有一种拆分符合本行合计：${shown}${more}`, en: `no split adds up: ${shown}${more}` }
        : { zh: `可能的拆分：${shown}${more}`, en: `possible splits: ${shown}${more}` }
  return parseFinding(
    'glued_ambiguous',
    'warn',
    section,
    `粘连数字无法唯一拆分，${left.length} 个单元格未读取（${why.zh}）`,
    `Glued digits cannot be split with certainty; ${left.length} cells left out (${why.en})`,
    { cells: left, detail: read.printed },
  )
}

export function duplicateRowFinding(section: TableSection, keys: readonly string[], printed: string): Finding {
  const label = rowLabel(keys)
  return parseFinding('duplicate_row', 'warn', section, `${label} 行重复出现，已保留第一次的数值`, `Row ${label} appears again; the first one was kept`, { cells: [...keys], detail: printed })
}

export function extraRowFinding(section: TableSection, printed: string): Finding {
  return parseFinding('extra_row', 'info', section, `表格中有全国格式之外的行“${quote(printed)}”，未读取`, `A row outside the national format ("${quote(printed)}") was not read`, { detail: printed })
}
