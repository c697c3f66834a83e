import { computed, type Ref } from 'vue'
import type { Scope } from '~/db/sql/scope'
import { overviewRowsFromSums, overviewSumsSql, type OverviewSumRow } from './overview-sums'
import { useQuery, type QueryHandle } from './useQuery'

/** A {@link QueryHandle} whose rows are derived (read-only) instead of the engine's own. */
export type DerivedQueryHandle<T> = Omit<QueryHandle<T>, 'rows'> & { rows: Readonly<Ref<T[] | null>> }

/**
 * The 总览 numbers of a scope, live: rows of overviewRowsFromSums (year, expected,
 * received, one column per overview metric), computed from per-key sums (see overview-sums.ts:
 * a new filter costs DuckDB-WASM a third of the planning time of the one-query form).
 */
export function useOverviewQuery(scope: () => Scope | null): DerivedQueryHandle<Record<string, number | null>> {
  const q = useQuery<OverviewSumRow>(() => {
    const s = scope()
    return s ? overviewSumsSql(s) : null
  })
  const rows = computed(() => (q.rows.value ? overviewRowsFromSums(q.rows.value) : null))
  return { ...q, rows }
}
