import { toCsv, type CsvColumn } from '~/components/common/csv'
import { cellLabel } from '~/report/model/labels'
import type { SuspectCell, SuspectResult } from '~/report/suspect-cells'
import type { Finding } from '~/report/types'
import { cellPlace } from './cell-place'

/** A row of the checklist that is not a finding: its rule column, level column, cell keys and message. */
export interface ChecklistLead {
  rule: string
  level: string
  cells: readonly string[]
  message: string
}

function cellCsv(key: string): string {
  return `${cellLabel(key).zh} [${key}]`
}

/** Column headers of the checklist, in the page's language (the message column stays Chinese). */
export interface ChecklistHeaders {
  rule: string
  level: string
  cells: string
  message: string
  done: string
}

/**
 * The findings of a draft as a to-do list for the person fixing it: one row per finding with the
 * rule, level, cells (printed label and key, so the row can be found in the draft and in the data)
 * and the Chinese message, plus an empty “done” column to tick off. Report text in messages is
 * untrusted: the shared CSV helper neutralises anything a spreadsheet would run as a formula.
 *
 * `lead` rows come first: what the check concluded beyond single findings (the most likely wrong
 * cell). Pass the cross-year findings along with the report's own.
 */
export function findingsChecklistCsv(findings: readonly Finding[], headers: ChecklistHeaders, levelName: (level: Finding['level']) => string, lead: readonly ChecklistLead[] = []): string {
  const rows = [
    ...lead.map((l) => ({ rule: l.rule, level: l.level, cells: l.cells.map(cellCsv).join('；'), message: l.message, done: '' })),
    ...findings.map((f) => ({
      rule: f.rule,
      level: levelName(f.level),
      cells: f.cells.map(cellCsv).join('；'),
      message: f.message,
      done: '',
    })),
  ]
  const columns: CsvColumn[] = (['rule', 'level', 'cells', 'message', 'done'] as const).map((prop) => ({ prop, label: headers[prop] }))
  return toCsv(rows, columns)
}

/** The rules a suspect cell's failing equations belong to, once each (“A1、A3、C1”). */
export function suspectRules(s: SuspectCell): string {
  return [...new Set(s.findings.map((f) => f.rule))].join('、')
}

/**
 * The suspect-cell conclusion as the checklist's first row, in Chinese like the findings' messages:
 * the likely cell with the value that makes its equations hold, or every candidate when no single
 * cell is certain; nothing when no equation fails or too many do. `rule` is the row's rule column.
 */
export function suspectLead(s: SuspectResult | null, rule: string): ChecklistLead[] {
  if (!s || s.tooMany) return []
  if (s.likely) {
    const now = s.likely.value === null ? '空白' : String(s.likely.value)
    return [{ rule, level: '', cells: [s.likely.key], message: `${cellPlace(s.likely.key).zh}：现为 ${now}，使各项相符应为 ${s.likely.fix}（${suspectRules(s.likely)}）` }]
  }
  if (!s.candidates.length) return []
  return [{ rule, level: '', cells: s.candidates.map((c) => c.key), message: `以下单元格均可能出错，证据不足以确定一个（涉及 ${s.failing} 条勾稽关系）` }]
}
