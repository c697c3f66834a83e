import { list, num } from './literal'
import { OVERVIEW_CELLS } from './overview'
import { scopeWhere, type Scope } from './scope'

/** One row of {@link likeForLikeSql}: a cell key's sum in one of the two years over the common units. */
export interface LikeForLikeRow {
  year: number
  key: string
  value: number | null
  /** Units with a counted report with overview cells in both years. */
  units: number
}

/**
 * The overview cell sums of `year - 1` and `year` over only the units whose counted report of
 * each year has overview cells — a unit missing in one year, or a report without tables, is left
 * out of both — so a year-over-year change compares the same units. Empty when no unit is in both.
 */
export function likeForLikeSql(scope: Scope, year: number): string {
  const s = { ...scope, years: null }
  return `WITH per_unit AS (
  SELECT unit, year, key, SUM(value) AS value FROM cells
  WHERE ${scopeWhere(s)} AND year IN (${num(year - 1)}, ${num(year)}) AND key IN ${list(OVERVIEW_CELLS)}
    AND report_id IN (SELECT report_id FROM reports WHERE ${scopeWhere(s)} AND counted)
  GROUP BY unit, year, key
), both_years AS (
  SELECT unit FROM per_unit GROUP BY unit HAVING COUNT(DISTINCT year) = 2
)
SELECT year, key, SUM(value) AS value, (SELECT COUNT(*) FROM both_years)::INTEGER AS units
FROM per_unit WHERE unit IN (SELECT unit FROM both_years)
GROUP BY year, key ORDER BY year, key`
}
