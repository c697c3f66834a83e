import type { ActiveTableDef } from '../model/active'
import type { FormatId } from '../model/types'
import { isValueLike } from './cell-value'
import type { Block } from './doc'
import { emptyExtracted, type Extracted } from './extract-types'
import { parseFinding, quote } from './findings'
import { uniqueSplit } from './glued-split'
import { isActiveCaption, isActiveHeader, isAnyActiveRow, matchActiveRow } from './labels'
import { putCells } from './put-cells'
import { sectionRows, type RowRules } from './rows'
import { compact } from './text-norm'

const RULES: RowRules = {
  startsRow: (cell) => isActiveCaption(cell) || isActiveHeader(cell) || isAnyActiveRow(cell),
  gluedLabel: (label) => (isAnyActiveRow(label) ? label : null),
}

/**
 * Extracts section 二 (format-spec.md §9.1 step 2): each row whose label is a known row label
 * takes its following value cells, mapped to columns by the most recent header row (信息内容 …)
 * when every column of the table can be found in it (headers may be scrambled, V8), else in
 * print order.
 */
export function extractActive(blocks: readonly Block[], format: FormatId): Extracted {
  const out = emptyExtracted()
  const { rows, fromTables } = sectionRows(blocks, RULES)
  let header: string | null = null
  /** Header cells as laid out (table rows only): values are read by slot when every column is found. */
  let headerSlots: { cells: string[]; labelAt: number } | null = null
  let headerOpen = false
  const seen = new Set<string>()
  const recovered: { keys: string[]; detail: string }[] = []

  for (const row of rows) {
    const { cells } = row
    const firstText = cells.find((c) => c.trim() !== '') ?? ''
    if (cells.some(isActiveCaption)) {
      header = null
      headerSlots = null
      headerOpen = false
      out.hasTable = true
      continue
    }
    if (isActiveHeader(firstText)) {
      header = compact(cells.slice(cells.indexOf(firstText) + 1).join(''))
      headerSlots = fromTables ? { cells, labelAt: cells.indexOf(firstText) } : null
      headerOpen = true
      out.hasTable = true
      continue
    }
    let index = -1
    let match: ReturnType<typeof matchActiveRow> = null
    for (let i = cells.length - 1; i >= 0 && !match; i--) {
      match = matchActiveRow(cells[i]!, format)
      if (match) index = i
    }
    const hasDigits = cells.some((c) => isValueLike(c) && /\d/.test(c))
    if (!match) {
      const label = cells.filter((c) => !isValueLike(c)).join(' ')
      if (headerOpen && !hasDigits) {
        header += compact(cells.join(''))
        headerSlots = null
      }
      else if (label && hasDigits) {
        out.hasTable = true
        out.findings.push(parseFinding('extra_row', 'info', 'active', `表外行“${quote(label)}”未读取`, `Row "${quote(label)}" is not in the national format; not read`, { detail: cells.join(' | ') }))
      }
      continue
    }
    headerOpen = false
    out.hasTable = true
    const { table, row: rowDef } = match
    const keys = columnOrder(table, header).map((col) => `active.${rowDef.key}.${col}`)
    const label = rowDef.label
    if (seen.has(rowDef.key)) {
      out.findings.push(parseFinding('duplicate_row', 'warn', 'active', `${label.zh}行重复出现，保留第一次`, `${label.en} appears more than once; the first was kept`, { cells: keys, detail: cells.join(' | ') }))
      continue
    }
    seen.add(rowDef.key)
    const after = cells.slice(index + 1)
    if (row.glued) {
      const digits = after[after.length - 1]!
      const split = uniqueSplit(digits, keys.length)
      if (split) {
        putCells(out, keys, split.map(String))
        recovered.push({ keys, detail: `${label.zh} ${digits}→${split.join('/')}` })
      } else {
        out.findings.push(parseFinding('glued_ambiguous', 'warn', 'active', `${label.zh}行的连写数字“${digits}”无法唯一拆分，未读取`, `${label.en}: glued digits "${digits}" have no unique split; not read`, { cells: keys, detail: digits }))
      }
      continue
    }
    const bySlot = headerSlots && valuesBySlot(table, headerSlots, cells, index)
    if (bySlot) {
      putCells(out, bySlot.map((s) => `active.${rowDef.key}.${s.col}`), bySlot.map((s) => s.raw))
      continue
    }
    while (after.length > keys.length && !isValueLike(after[0]!)) after.shift()
    if (after.length < keys.length) {
      out.findings.push(
        parseFinding('short_row', 'warn', 'active', `${label.zh}行只有${after.length}个数值单元格（应为${keys.length}个），未读取`, `${label.en}: ${after.length} value cells instead of ${keys.length}; not read`, {
          cells: keys,
          expected: keys.length,
          actual: after.length,
          detail: after.join(' | '),
        }),
      )
      continue
    }
    putCells(out, keys, after.slice(after.length - keys.length))
  }
  if (recovered.length > 0) {
    out.findings.push(
      parseFinding('glued_recovered', 'info', 'active', `${recovered.length}行数字连写无分隔，拆分唯一（一格一个数，或逐位一格）`, `${recovered.length} rows had glued digits with a unique split (one cell, or one digit per cell)`, {
        cells: recovered.flatMap((r) => r.keys),
        detail: recovered.map((r) => r.detail).join('; '),
      }),
    )
  }
  return out
}

/**
 * Values read by header slot: in a grid (HTML, .docx, `|` rows) the header and the data row align,
 * and a column spanning several grid slots repeats its header (or leaves '' after it), so each
 * column takes the value under the first slot of its header. Null unless every column of the
 * table is found in the header and the row has a cell under each.
 */
function valuesBySlot(table: ActiveTableDef, header: { cells: string[]; labelAt: number }, cells: readonly string[], labelAt: number): { col: string; raw: string }[] | null {
  const offset = labelAt - header.labelAt
  const out: { col: string; raw: string }[] = []
  for (const col of table.cols) {
    const slot = header.cells.findIndex((h, i) => i > header.labelAt && col.match.some((m) => compact(h).includes(m)))
    const raw = slot < 0 ? undefined : cells[slot + offset]
    if (raw === undefined) return null
    out.push({ col: col.key, raw })
  }
  return out
}

/**
 * Column keys of a table in the order the header prints them. Falls back to the template order
 * unless every column is found at a distinct place in the header text.
 */
function columnOrder(table: ActiveTableDef, header: string | null): string[] {
  const template = table.cols.map((c) => c.key)
  if (!header) return template
  const placed = table.cols.map((col) => {
    const hits = col.match.map((m) => header.indexOf(m)).filter((i) => i >= 0)
    return { key: col.key, at: hits.length > 0 ? Math.min(...hits) : -1 }
  })
  if (placed.some((p) => p.at < 0) || new Set(placed.map((p) => p.at)).size !== placed.length) return template
  return placed.sort((a, b) => a.at - b.at).map((p) => p.key)
}

const MARKERS_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '本年处理决定数量', '行政规范性文件']
const MARKERS_2019 = ['新制作数量', '新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '其他对外管理服务事项', '第二十条第(九)项', '政府集中采购', '采购总金额']

/** The section 二 format by its table markers (format-spec.md §3), or null when neither scores. */
export function activeFormatOf(blocks: readonly Block[]): FormatId | null {
  const text = compact(blocks.map((b) => (b.kind === 'para' ? b.text : b.rows.map((r) => r.join('')).join(''))).join(''))
  const score = (markers: readonly string[]) => markers.reduce((n, m) => n + (text.includes(m) ? 1 : 0), 0)
  const s2021 = score(MARKERS_2021)
  const s2019 = score(MARKERS_2019)
  if (s2021 === 0 && s2019 === 0) return null
  return s2021 >= s2019 ? 'gov2021' : 'gov2019'
}
