import { APPEAL_GROUPS, APPEAL_RESULTS } from '../../report/model'
import { scopedCellsCte } from './compare'
import { str } from './literal'
import { ratioPartsSql, ratioSql } from './metric'
import type { Scope } from './scope'

/**
 * SQL for the 复议诉讼 (Review & litigation) view: section 四's three case groups (行政复议,
 * 未经复议直接起诉, 复议后起诉) by result, and the correction-rate ranking. Keys come from the
 * format model; the rate comes from the `correction_rate` metric of src/report/metrics.ts.
 */

/** The four result columns that add up to 总计 (rules A4–A6). */
export const CASE_RESULTS = APPEAL_RESULTS.filter((r) => r.key !== 'total').map((r) => r.key)

/** A row of {@link appealResultsSql}. */
export interface AppealResultRow {
  /** Unit name, or the year as text. */
  dim: string
  /** Case group: review, litigation.direct, litigation.after_review. */
  case_group: string
  /** maintained, corrected, other or pending. */
  result: string
  value: number
}

/** Cases per group and result by unit or by year (blank = 0). */
export function appealResultsSql(scope: Scope, by: 'unit' | 'year'): string {
  const map = APPEAL_GROUPS.flatMap((g) =>
    CASE_RESULTS.map((r) => `(${str(`${g.key}.${r}`)}, ${str(g.key)}, ${str(r)})`),
  ).join(', ')
  const dim = by === 'unit' ? 'c.unit' : 'CAST(c."year" AS VARCHAR)'
  return `WITH ${scopedCellsCte(scope)},
case_map ("key", case_group, result) AS (VALUES ${map})
SELECT ${dim} AS dim, m.case_group, m.result, COALESCE(SUM(c.value), 0)::DOUBLE AS value
FROM scoped_cells c JOIN case_map m ON m."key" = c."key"
GROUP BY ALL
ORDER BY dim, m.case_group, m.result`
}

/** A row of {@link correctionRankingSql}. */
export interface CorrectionRow {
  unit: string
  /** Cases corrected (结果纠正) over all three groups. */
  corrected: number
  /** Cases concluded: 总计 minus 尚未审结. */
  concluded: number
  /** corrected ÷ concluded; null when nothing was concluded. */
  rate: number | null
}

/** Units ranked by correction rate (highest first), units with no concluded case last. */
export function correctionRankingSql(scope: Scope): string {
  const { numerator, denominator } = ratioPartsSql('correction_rate')
  return `WITH ${scopedCellsCte(scope)},
per_unit AS (
  SELECT unit, ${numerator} AS corrected, ${denominator} AS concluded
  FROM scoped_cells GROUP BY unit
)
SELECT unit, corrected, concluded, ${ratioSql('corrected', 'concluded')} AS rate
FROM per_unit
ORDER BY rate DESC NULLS LAST, concluded DESC, unit`
}
