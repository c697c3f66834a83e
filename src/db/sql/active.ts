import { sectionKeysOf } from '../../report/model'
import { scopedCellsCte } from './compare'
import { list } from './literal'
import type { Scope } from './scope'

/**
 * SQL for the 主动公开 (Active disclosure) view: the section 二 cells of both formats by unit or
 * year. The query keeps every cell key apart; which keys may share a series (the §5.1 crosswalk:
 * licence/penalty/coercion decisions) is decided by the chart builders, never by summing here.
 */

/** Every section 二 key of either format (10 in gov2021, 22 in gov2019; decisions shared). */
export const ACTIVE_KEYS: readonly string[] = [...new Set([...sectionKeysOf('gov2021', 'active'), ...sectionKeysOf('gov2019', 'active')])]

/** A row of {@link activeCellsSql}. */
export interface ActiveCellRow {
  /** Unit name, or the year as text. */
  dim: string
  /** Section 二 cell key, e.g. `active.normative.issued`. */
  key: string
  /** Sum over the reports in scope (blank = 0). */
  value: number
  /** Reports that printed the cell. */
  reports: number
}

/** Section 二 cells summed by unit or by year. A key no report printed has no row. */
export function activeCellsSql(scope: Scope, by: 'unit' | 'year'): string {
  const dim = by === 'unit' ? 'unit' : 'CAST("year" AS VARCHAR)'
  return `WITH ${scopedCellsCte(scope)}
SELECT ${dim} AS dim, "key", COALESCE(SUM(value), 0)::DOUBLE AS value, COUNT(*)::INTEGER AS reports
FROM scoped_cells WHERE "key" IN ${list(ACTIVE_KEYS)}
GROUP BY ALL
ORDER BY dim, "key"`
}
