import type { Connector } from '~/db/connector'
import type { Scope } from '~/db/sql/scope'
import { overviewRowsFromSums, overviewSumsSql, type OverviewSumRow } from '~/composables/overview-sums'

/**
 * The 总览 rows of a scope exactly as the browser computes them (useOverviewQuery): DuckDB sums
 * each overview cell key per year, the metrics are evaluated on those sums.
 */
export async function overviewRows(db: Connector, scope: Scope): Promise<Record<string, number | null>[]> {
  return overviewRowsFromSums(await db.query<OverviewSumRow>(overviewSumsSql(scope)))
}
