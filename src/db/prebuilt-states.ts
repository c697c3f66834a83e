/**
 * Which SQL each view runs in the states the data build prebuilds (src/db/prebuilt.ts): the view's
 * default state and every state one click away in the header — each year, each unit kind, and the
 * year × kind combinations — with no cross-filter, no unit chosen and the default metric. Each
 * function here spells out, with the same SQL builders and the same Scope objects, what the view
 * and its components compute from the filters (src/composables/useScope.ts and
 * src/components/compare/useCrossfilter.ts). tests/dom/prebuilt-coverage.test.ts mounts every view
 * in those states with an engine that records SQL and fails if any text is missing here, so a view
 * that changes its queries cannot silently fall back to waiting for the engine.
 */
import type { DistrictSummary } from './summary'
import { UNIT_KINDS } from './schema'
import { activeCellsSql } from './sql/active'
import { appealResultsSql, correctionRankingSql } from './sql/appeal'
import { attentionChangesSql, attentionFindingsSql, attentionMissingSql } from './sql/attention'
import { heatmapSql, rankingSql, resolveMetric } from './sql/compare'
import { coverageByYearSql, coverageGridSql, findingCountsSql, findingsListSql, timelinessByYearSql } from './sql/coverage'
import { applicantOutcomeSql, outcomeRowsSql } from './sql/outcomes'
import { likeForLikeSql } from './sql/overview-change'
import { overviewSumsSql } from './sql/overview-sums'
import { rankingTableSumsSql, rankingTableUnitsSql } from './sql/ranking-table'
import type { Scope } from './sql/scope'
import {
  districtUnitsSql, reportCellsSql, reportDetailSql, reportFindingsSql, unitCoverageSql, unitRegistrySql, unitReportsSql, unitTrendSql,
  type UnitReportRow,
} from './sql/unit'
import type { PrebuiltView } from './prebuilt'

/** The header filters of one prebuilt state. */
export interface HeaderState {
  /** The year as the URL gives it (null = the view's default, the latest year with a report). */
  year: number | null
  kinds: readonly string[]
}

/** The metric 单位对比 ranks by when the URL names none (components/compare/metric.ts DEFAULT_METRIC). */
const DEFAULT_METRIC = 'new'
/** The unit page's trend metric when the URL names none (UnitView.vue). */
const UNIT_TREND_METRIC = 'new'
/** Rows the findings list of 收录与异常 shows at most (FindingsPanel.vue). */
const FINDINGS_LIMIT = 500

/** The year a view shows (useScope `year` calls this): the URL's if the district has it, else the latest year with a report received. */
export function resolvedYear(summary: DistrictSummary, year: number | null): number | null {
  if (year !== null && summary.years.includes(year)) return year
  return [...summary.by_year].reverse().find((y) => y.received > 0)?.year ?? summary.years.at(-1) ?? null
}

/** The Scope of useScope for a header state (no year range or units chosen). */
export function headerScope(summary: DistrictSummary, state: HeaderState): Scope {
  const ys = summary.years
  return { district: summary.district, years: ys.length ? [ys[0]!, ys.at(-1)!] : null, kinds: state.kinds, units: [] }
}

/** The state a view opens in: the default year, no kind chosen. */
export const DEFAULT_STATE: HeaderState = { year: null, kinds: [] }

/**
 * The header states one click (or a year and a kind) away from the default: each year, each unit
 * kind the district has × each year, and a kind it does not have at the default year (such a
 * choice shows empty charts; its year combinations are left to the engine).
 */
export function moreStates(summary: DistrictSummary): HeaderState[] {
  const present = new Set(summary.units.map((u) => u.unit_kind))
  const out: HeaderState[] = summary.years.map((year) => ({ year, kinds: [] }))
  for (const kind of UNIT_KINDS) {
    if (present.has(kind)) for (const year of [null, ...summary.years]) out.push({ year, kinds: [kind] })
    else out.push({ year: null, kinds: [kind] })
  }
  return out
}

/** The SQL of the header's unit search (UnitSearch.vue), asked on every page. */
function shellSql(summary: DistrictSummary): string[] {
  return [districtUnitsSql(summary.district)]
}

/** SQL a district-wide view (every view but the unit page) runs in one header state. */
export function viewSql(view: Exclude<PrebuiltView, 'unit'>, summary: DistrictSummary, state: HeaderState): string[] {
  const scope = headerScope(summary, state)
  const year = resolvedYear(summary, state.year)
  // useCrossfilter without a click: charts along units look at the focus year, charts along years at the range.
  const alongUnits: Scope = year === null ? scope : { ...scope, years: [year, year] }
  const out = shellSql(summary)
  // The trends' n/N under incomplete years (components/common/useYearBasis.ts): coverage per year of the scope, every year.
  const yearBasis = coverageByYearSql({ ...scope, years: undefined })
  switch (view) {
    case 'overview':
      out.push(overviewSumsSql(scope))
      if (year !== null) out.push(likeForLikeSql(scope, year), attentionMissingSql(scope, year), attentionFindingsSql(scope, year), attentionChangesSql(scope, year))
      break
    case 'compare': {
      const metric = resolveMetric(DEFAULT_METRIC)!
      out.push(rankingSql(alongUnits, metric), heatmapSql(scope, metric))
      if (year !== null) out.push(rankingTableUnitsSql(scope, year), rankingTableSumsSql(scope, year))
      break
    }
    case 'outcomes':
      out.push(outcomeRowsSql(alongUnits, 'unit'), outcomeRowsSql(scope, 'year'), applicantOutcomeSql(alongUnits), yearBasis)
      break
    case 'appeal':
      out.push(appealResultsSql(scope, 'year'), appealResultsSql(alongUnits, 'unit'), correctionRankingSql(alongUnits), yearBasis)
      break
    case 'active':
      out.push(activeCellsSql(scope, 'year'), activeCellsSql(alongUnits, 'unit'), yearBasis)
      break
    case 'coverage':
      out.push(coverageGridSql(scope), coverageByYearSql(scope), timelinessByYearSql(scope), findingsListSql(scope, emptyFindingFilter(), FINDINGS_LIMIT), findingCountsSql(scope, emptyFindingFilter()))
      break
    case 'units':
      break
  }
  return out
}

/** The findings filter of 收录与异常 with nothing chosen (FindingsPanel.vue). */
function emptyFindingFilter() {
  return { rules: [], levels: [], unit: null, year: null }
}

/** SQL of the unit page that does not depend on the year (UnitView.vue, UnitTrend.vue). */
export function unitPageBaseSql(district: string, unit: string): string[] {
  return [
    districtUnitsSql(district), unitRegistrySql(district, unit), unitReportsSql(district, unit), unitCoverageSql(district, unit),
    unitTrendSql(district, unit, UNIT_TREND_METRIC), coverageByYearSql({ district }),
  ]
}

/** The report the unit page shows for a year (components/unit/year-entries.ts reportForYear, no `report=` chosen). */
function reportOfYear(reports: readonly UnitReportRow[], year: number): UnitReportRow | null {
  const ofYear = reports.filter((r) => r.year === year)
  return ofYear.find((r) => r.counted) ?? ofYear[0] ?? null
}

/** SQL of the unit page for one year, given the rows of {@link unitReportsSql} (the build has them from its engine). */
export function unitPageYearSql(district: string, unit: string, year: number, reports: readonly UnitReportRow[]): string[] {
  const report = reportOfYear(reports, year)
  const id = report?.report_id ?? null
  // The year's findings without a report are asked first in any case: the page asks them while the unit's reports load.
  const none = reportFindingsSql(null, district, unit, year)
  return id === null ? [none] : [none, reportDetailSql(id), reportCellsSql(id), reportFindingsSql(id, district, unit, year)]
}
