import { APPLY_COLS, APPLY_ROWS, type OutcomeGroup } from '../../report/model'
import { scopedCellsCte } from './compare'
import { str } from './literal'
import type { Scope } from './scope'

/**
 * SQL for the 办理结果 (Outcomes) view: the result rows of section 三 (三、本年度办理结果) by unit
 * or by year, and the applicant-type × outcome-group matrix behind the sankey. The row → group
 * mapping comes from the format model (`APPLY_ROWS[].outcome`), never from a list typed here.
 */

/** How outcome rows are grouped along the category axis. */
export type OutcomeDimension = 'unit' | 'year'

/** The result rows that carry an outcome group: 21 in gov2021 and 19 in gov2019, 22 distinct (（七）总计 excluded). */
export const OUTCOME_ROWS = APPLY_ROWS.filter((r): r is typeof r & { outcome: OutcomeGroup } => r.outcome !== undefined)

/** A row of {@link outcomeRowsSql}. */
export interface OutcomeRow {
  /** Unit name, or the year as text. */
  dim: string
  outcome: OutcomeGroup
  /** Row key of the reason, e.g. `result.withheld.state_secret`. */
  row: string
  /** Sum of the row's 总计 column over the reports in scope (blank = 0). */
  value: number
}

/** VALUES rows mapping the 总计 cell of every outcome row to its row key and group. */
function outcomeMap(): string {
  return OUTCOME_ROWS.map((r) => `(${str(`apply.${r.key}.total`)}, ${str(r.key)}, ${str(r.outcome)})`).join(', ')
}

function dimExpr(by: OutcomeDimension): string {
  return by === 'unit' ? 'c.unit' : 'CAST(c."year" AS VARCHAR)'
}

/**
 * Every outcome row's 总计 by unit or year. Only rows some report printed appear, so a 2019-only
 * scope has `result.other.subtotal` and no 2021 sub-rows (and vice versa): the formats stay apart.
 */
export function outcomeRowsSql(scope: Scope, by: OutcomeDimension): string {
  return `WITH ${scopedCellsCte(scope)},
outcome_map ("key", "row", outcome) AS (VALUES ${outcomeMap()})
SELECT ${dimExpr(by)} AS dim, m.outcome, m."row", COALESCE(SUM(c.value), 0)::DOUBLE AS value
FROM scoped_cells c JOIN outcome_map m ON m."key" = c."key"
GROUP BY ALL
ORDER BY dim, m."row"`
}

/** The six applicant columns (自然人 and the five 法人或其他组织 columns; 总计 excluded). */
export const APPLICANT_COLS = APPLY_COLS.filter((c) => c.key !== 'total')

/** A row of {@link applicantOutcomeSql}. */
export interface ApplicantOutcomeRow {
  /** Applicant column key, e.g. `natural_person`, `legal.commercial`. */
  applicant: string
  outcome: OutcomeGroup
  value: number
}

/** Applications decided per applicant column and outcome group (the section 三 matrix), for the sankey. */
export function applicantOutcomeSql(scope: Scope): string {
  const map = OUTCOME_ROWS.flatMap((r) =>
    APPLICANT_COLS.map((c) => `(${str(`apply.${r.key}.${c.key}`)}, ${str(c.key)}, ${str(r.outcome)})`),
  ).join(', ')
  return `WITH ${scopedCellsCte(scope)},
matrix_map ("key", applicant, outcome) AS (VALUES ${map})
SELECT m.applicant, m.outcome, COALESCE(SUM(c.value), 0)::DOUBLE AS value
FROM scoped_cells c JOIN matrix_map m ON m."key" = c."key"
GROUP BY ALL
ORDER BY m.applicant, m.outcome`
}
