import { APPLY_BALANCE_NOTE, APPLY_COLS, applyRowsOf, type ApplyRowDef } from '../model/apply'
import type { FormatId, Label } from '../model/types'
import type { LayoutCell, LayoutTable } from './types'

const APPLICANTS: Label = { zh: '申请人情况', en: 'Applicants' }
const NOTE: Label = {
  zh: `（${APPLY_BALANCE_NOTE}）`,
  en: '(Column check: item 1 + item 2 = item 3 + item 4)',
}
const LABEL_COLS = 3

/** A sub-row (1.属于国家秘密 …) sits under a （N） group label; （N） rows and 一–四 rows do not. */
const isSubRow = (r: ApplyRowDef) => r.key.startsWith('result.') && !r.label.zh.startsWith('（')

/** The three header rows: the 勾稽 note block, 申请人情况, then the applicant types. */
function headerRows(): LayoutCell[][] {
  const legal = APPLY_COLS.filter((c) => c.group)
  const first = APPLY_COLS[0]!
  const last = APPLY_COLS[APPLY_COLS.length - 1]!
  return [
    [
      { kind: 'note', text: NOTE, rowspan: 3, colspan: LABEL_COLS },
      { kind: 'head', text: APPLICANTS, rowspan: 1, colspan: APPLY_COLS.length },
    ],
    [
      { kind: 'head', text: first.label, rowspan: 2, colspan: 1 },
      { kind: 'head', text: legal[0]!.group!, rowspan: 1, colspan: legal.length },
      { kind: 'head', text: last.label, rowspan: 2, colspan: 1 },
    ],
    legal.map((c): LayoutCell => ({ kind: 'head', text: c.label, rowspan: 1, colspan: 1 })),
  ]
}

/**
 * The label cells that open a data row. Three label columns as printed: 三、本年度办理结果 spans
 * every result row; a （N） group label spans its sub-rows and shares a row with sub-row 1, which
 * is why the group labels have no cells of their own (docs/formats.md, “Section 三”).
 */
function labelCells(rows: ApplyRowDef[], index: number): LayoutCell[] {
  const r = rows[index]!
  if (!r.key.startsWith('result.')) return [{ kind: 'label', text: r.label, rowspan: 1, colspan: LABEL_COLS }]
  const cells: LayoutCell[] = []
  const isFirstResult = index === rows.findIndex((x) => x.key.startsWith('result.'))
  if (isFirstResult) {
    const span = rows.filter((x) => x.key.startsWith('result.')).length
    cells.push({ kind: 'label', text: r.group!, rowspan: span, colspan: 1 })
  }
  if (!isSubRow(r)) {
    cells.push({ kind: 'label', text: r.label, rowspan: 1, colspan: 2 })
    return cells
  }
  if (r.group) {
    let span = 1
    while (rows[index + span] && isSubRow(rows[index + span]!) && !rows[index + span]!.group) span++
    cells.push({ kind: 'label', text: r.group, rowspan: span, colspan: 1 })
  }
  cells.push({ kind: 'label', text: r.label, rowspan: 1, colspan: 1 })
  return cells
}

/** Section 三 as printed: 3 label columns + 7 applicant columns, 25 (gov2021) or 23 (gov2019) data rows. */
export function applyLayout(format: FormatId): LayoutTable {
  const rows = applyRowsOf(format)
  const data = rows.map((r, i): LayoutCell[] => [
    ...labelCells(rows, i),
    ...APPLY_COLS.map((c): LayoutCell => ({ kind: 'value', key: `apply.${r.key}.${c.key}`, rowspan: 1, colspan: 1 })),
  ])
  return { id: `${format}.apply`, section: 'apply', columns: LABEL_COLS + APPLY_COLS.length, rows: [...headerRows(), ...data] }
}
