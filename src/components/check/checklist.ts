import { toCsv, type CsvColumn } from '~/components/common/csv'
import { cellLabel } from '~/report/model/labels'
import type { Finding } from '~/report/types'

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
 */
export function findingsChecklistCsv(findings: readonly Finding[], headers: ChecklistHeaders, levelName: (level: Finding['level']) => string): string {
  const rows = findings.map((f) => ({
    rule: f.rule,
    level: levelName(f.level),
    cells: f.cells.map((k) => `${cellLabel(k).zh} [${k}]`).join('；'),
    message: f.message,
    done: '',
  }))
  const columns: CsvColumn[] = (['rule', 'level', 'cells', 'message', 'done'] as const).map((prop) => ({ prop, label: headers[prop] }))
  return toCsv(rows, columns)
}
