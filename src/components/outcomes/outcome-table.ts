import type { OutcomeRow } from '~/db/sql/outcomes'
import { APPLY_ROWS, OUTCOME_GROUPS } from '~/report/model'

/** A row of the outcomes detail table, with printed labels in the UI language. */
export interface OutcomeTableRow {
  dim: string
  group: string
  reason: string
  value: number
  [key: string]: unknown
}

/** Outcome rows with their group and reason labels, in print order within each unit or year. */
export function outcomeTableRows(rows: readonly OutcomeRow[], lang: 'zh' | 'en'): OutcomeTableRow[] {
  const order = new Map(APPLY_ROWS.map((r, i) => [r.key, i]))
  const group = new Map(OUTCOME_GROUPS.map((g) => [g.key, g.label[lang]]))
  const reason = new Map(APPLY_ROWS.map((r) => [r.key, r.label[lang]]))
  return [...rows]
    .sort((a, b) => a.dim.localeCompare(b.dim, 'zh') || (order.get(a.row) ?? 0) - (order.get(b.row) ?? 0))
    .map((r) => ({ dim: r.dim, group: group.get(r.outcome) ?? r.outcome, reason: reason.get(r.row) ?? r.row, value: r.value }))
}
