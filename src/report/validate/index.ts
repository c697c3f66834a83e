import type { UnitKind } from '../types'
import type { Finding, ReportProse } from '../types'
import type { ReportContext, ValidateMeta } from './context'
import { a1Balance } from './rules/a1-balance'
import { a10TownshipRegulation } from './rules/a10-township-regulation'
import { a11ProseTable } from './rules/a11-prose-table'
import { a2Outcomes } from './rules/a2-outcomes'
import { a3RowTotal } from './rules/a3-row-total'
import { a4Review } from './rules/a4-review'
import { a5LitigationDirect } from './rules/a5-litigation-direct'
import { a6LitigationAfterReview } from './rules/a6-litigation-after-review'
import { a7ValueRange } from './rules/a7-value-range'
import { a8Completeness } from './rules/a8-completeness'
import { a9InForce } from './rules/a9-in-force'
import { f1FormatYear } from './rules/f1-format-year'
import { f2ClaimedFormat } from './rules/f2-claimed-format'
import { f3PeriodYear } from './rules/f3-period-year'
import { totalBlank } from './rules/total-blank'
import type { ReportRule } from './rules/types'

export type { ValidateMeta } from './context'
export { validateSeries, type SeriesFinding, type SeriesReport } from './series'
export { validateDistrict, type DistrictFinding, type DistrictReport } from './district'
export { RULES, ruleDef, type RuleDef, type RuleScope } from './rules'

/** Within-report rules in report order: format/year first, then sections 三, 四, 二, prose. */
const REPORT_RULES: readonly ReportRule[] = [
  f1FormatYear, f2ClaimedFormat, f3PeriodYear,
  a8Completeness, a7ValueRange,
  a1Balance, a2Outcomes, a3RowTotal, totalBlank,
  a4Review, a5LitigationDirect, a6LitigationAfterReview,
  a9InForce, a10TownshipRegulation, a11ProseTable,
]

/** What validateReport checks: the parse result's meta, cells and prose. */
export interface ValidateInput {
  meta: ValidateMeta
  cells: Readonly<Record<string, number | null>>
  prose?: ReportProse
}

/**
 * Checks one report against docs/rules.md, “Within one report” (A1–A11, F1–F3, plus `total_blank`: the sums A2/A3 skipped over blank cells).
 * Rules run only on cells the detected format prints; a rule whose cells were not located is
 * skipped (A8 reports what is missing). Blank cells count as 0 and the finding says so
 * (`assumed_zero`). Never changes a value and never throws on odd input.
 *
 * @param opts.unitKind the unit's kind from the registry; A10 runs only for 街道/镇/乡.
 */
export function validateReport(input: ValidateInput, opts: { unitKind?: UnitKind | null } = {}): Finding[] {
  const ctx: ReportContext = { meta: input.meta, cells: input.cells, prose: input.prose ?? {}, unitKind: opts.unitKind ?? null }
  return REPORT_RULES.flatMap((rule) => rule(ctx))
}
