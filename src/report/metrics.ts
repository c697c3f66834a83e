import { APPLY_COLS, APPLY_ROWS, type OutcomeGroup } from './model/apply'
import type { Label } from './model/types'

/**
 * Derived metrics the dashboard ranks, trends and compares. One source for the Node summary
 * builder and the browser's SQL: a `sum` metric is the sum of the listed cells of a report
 * (blank = 0); a `ratio` metric is sum(numerator) / sum(denominator) over whatever is aggregated.
 *
 * Sums across formats are deliberate only where the sections are compatible: section 三 and 四
 * are the same in gov2019 and gov2021 except （六）其他处理, whose gov2019 single row
 * (`result.other.subtotal`) is the crosswalk of the gov2021 sub-rows (format-spec.md §5.2).
 */
export type Metric =
  | { key: string; kind: 'sum'; label: Label; cells: readonly string[]; group: MetricGroup }
  | {
      key: string
      kind: 'ratio'
      label: Label
      numerator: readonly string[]
      denominator: readonly string[]
      /** Cells subtracted from the denominator (pending cases are not yet concluded). */
      minus?: readonly string[]
      group: MetricGroup
    }

export type MetricGroup = 'applications' | 'outcomes' | 'applicants' | 'appeal' | 'rates'

const total = (row: string) => `apply.${row}.total`
const rowsOf = (outcome: OutcomeGroup) => APPLY_ROWS.filter((r) => r.outcome === outcome).map((r) => total(r.key))

const CASE_GROUPS = ['review', 'litigation.direct', 'litigation.after_review']
const CORRECTED = CASE_GROUPS.map((g) => `${g}.corrected`)
const CASE_TOTALS = CASE_GROUPS.map((g) => `${g}.total`)
const PENDING = CASE_GROUPS.map((g) => `${g}.pending`)

const OUTCOME_LABELS: Record<OutcomeGroup, Label> = {
  granted: { zh: '予以公开', en: 'Granted' },
  partial: { zh: '部分公开', en: 'Partly granted' },
  withheld: { zh: '不予公开', en: 'Withheld' },
  unable: { zh: '无法提供', en: 'Unable to provide' },
  not_processed: { zh: '不予处理', en: 'Not processed' },
  other: { zh: '其他处理', en: 'Other handling' },
}

export const METRICS: readonly Metric[] = [
  { key: 'new', kind: 'sum', group: 'applications', label: { zh: '本年新收申请', en: 'New applications' }, cells: [total('new')] },
  { key: 'carried_over', kind: 'sum', group: 'applications', label: { zh: '上年结转申请', en: 'Carried over' }, cells: [total('carried_over')] },
  { key: 'decided', kind: 'sum', group: 'applications', label: { zh: '本年办结', en: 'Decided' }, cells: [total('result.total')] },
  { key: 'carry_forward', kind: 'sum', group: 'applications', label: { zh: '结转下年度', en: 'Carried forward' }, cells: [total('carry_forward')] },
  ...(Object.keys(OUTCOME_LABELS) as OutcomeGroup[]).map((g) => ({
    key: g, kind: 'sum' as const, group: 'outcomes' as const, label: OUTCOME_LABELS[g], cells: rowsOf(g),
  })),
  ...APPLY_COLS.slice(0, 6).map((c) => ({
    key: `new.${c.key}`, kind: 'sum' as const, group: 'applicants' as const,
    label: { zh: `新收·${c.label.zh}`, en: `New: ${c.label.en}` }, cells: [`apply.new.${c.key}`],
  })),
  { key: 'review', kind: 'sum', group: 'appeal', label: { zh: '行政复议', en: 'Reviews' }, cells: ['review.total'] },
  { key: 'litigation', kind: 'sum', group: 'appeal', label: { zh: '行政诉讼', en: 'Lawsuits' }, cells: ['litigation.direct.total', 'litigation.after_review.total'] },
  { key: 'corrected', kind: 'sum', group: 'appeal', label: { zh: '被纠正', en: 'Corrected' }, cells: CORRECTED },
  { key: 'granted_share', kind: 'ratio', group: 'rates', label: { zh: '公开率（予以公开+部分公开÷办结）', en: 'Granted share (granted + partial ÷ decided)' }, numerator: [...rowsOf('granted'), ...rowsOf('partial')], denominator: [total('result.total')] },
  { key: 'correction_rate', kind: 'ratio', group: 'rates', label: { zh: '纠错率（纠正÷审结）', en: 'Correction rate (corrected ÷ concluded)' }, numerator: CORRECTED, denominator: CASE_TOTALS, minus: PENDING },
]

export function metricDef(key: string): Metric | undefined {
  return METRICS.find((m) => m.key === key)
}

/** Every cell key any metric reads. */
export function metricCells(m: Metric): string[] {
  return m.kind === 'sum' ? [...m.cells] : [...m.numerator, ...m.denominator, ...(m.minus ?? [])]
}

/** Evaluate a metric on one report's cells (blank or absent = 0). Ratios return null on a 0 denominator. */
export function evaluateMetric(m: Metric, cells: Record<string, number | null | undefined>): number | null {
  const sum = (keys: readonly string[]) => keys.reduce((a, k) => a + (cells[k] ?? 0), 0)
  if (m.kind === 'sum') return sum(m.cells)
  const den = sum(m.denominator) - sum(m.minus ?? [])
  return den > 0 ? sum(m.numerator) / den : null
}
