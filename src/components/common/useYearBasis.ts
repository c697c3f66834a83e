import { computed } from 'vue'
import type { YearBasis } from '~/charts/options/year-basis'
import { useQuery } from '~/composables/useQuery'
import { coverageByYearSql, type CoverageYearRow } from '~/db/sql/coverage'
import type { Scope } from '~/db/sql/scope'

/**
 * Reports received of expected per year for the scope a trend draws (its units and kinds, every
 * year), from the coverage table: what `withYearBasis` marks under each incomplete year.
 * A duplicate unit-year counts once as received.
 */
export function useYearBasis(scope: () => Scope | null) {
  const q = useQuery<CoverageYearRow>(() => {
    const s = scope()
    return s ? coverageByYearSql({ ...s, years: undefined }) : null
  })
  return computed<YearBasis[] | null>(() =>
    q.rows.value ? q.rows.value.map((r) => ({ year: Number(r.year), received: Number(r.received) + Number(r.duplicate), expected: Number(r.expected) })) : null,
  )
}
