import { gridAndKeySumsCte } from './overview'
import type { Scope } from './scope'

/**
 * Per year of the coverage grid: units expected and reports received, and the sum of each overview
 * cell key over the counted report of every unit (`countedReportIdsSql`: `reports.counted`, set by the build).
 * Of a unit's duplicate reports only the counted one is summed. The 总览 evaluates its metrics on
 * these sums in JavaScript (src/composables/overview-sums.ts explains why).
 */
export function overviewSumsSql(scope: Scope): string {
  return `${gridAndKeySumsCte(scope)}
SELECT g.year, g.expected, g.received, c.key, c.value
FROM grid g LEFT JOIN per_key c ON c.year = g.year
ORDER BY g.year, c.key`
}
