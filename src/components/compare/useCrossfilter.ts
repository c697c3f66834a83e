import { computed } from 'vue'
import { clickTarget, type Dimension } from '~/charts/options/compare-helpers'
import { useScope } from '~/composables/useScope'
import type { Scope } from '~/db/sql/scope'
import { useFiltersStore } from '~/stores/filters'

/**
 * Crossfilter for the analytical views (compare, outcomes, appeal, active), on the URL state of
 * the filters store (`x_unit`, `x_year`). Charts along years are narrowed to the clicked unit;
 * charts along units are narrowed to the clicked year (else the year chosen in the header), so a
 * click in one chart filters the others while the clicked chart keeps its context.
 */
export function useCrossfilter() {
  const filters = useFiltersStore()
  const { scope, year, yearRange } = useScope()
  const xUnit = computed(() => filters.state.xUnit)
  const xYear = computed(() => filters.state.xYear)
  /** The single year unit-level charts show: the clicked year, else the header's year. */
  const focusYear = computed(() => xYear.value ?? year.value)

  /** Year range of the view, narrowed to the crossfilter unit: for charts along years. */
  const alongYears = computed<Scope | null>(() =>
    scope.value && xUnit.value ? { ...scope.value, units: [xUnit.value] } : scope.value,
  )
  /** The focus year, all units: for charts along units. */
  const alongUnits = computed<Scope | null>(() =>
    scope.value && focusYear.value !== null ? { ...scope.value, years: [focusYear.value, focusYear.value] } : scope.value,
  )
  /** Narrowed by both the crossfilter unit and year (when set): for detail charts and tables. */
  const both = computed<Scope | null>(() => {
    if (!scope.value) return null
    const s: Scope = { ...scope.value }
    if (xUnit.value) s.units = [xUnit.value]
    if (xYear.value !== null) s.years = [xYear.value, xYear.value]
    return s
  })

  /** Apply a chart click: a unit and/or year becomes the crossfilter; clicking it again clears it. */
  function onClick(params: unknown, by?: Dimension): void {
    const target = clickTarget(params, by)
    const patch: { xUnit?: string | null; xYear?: number | null } = {}
    if (target.unit !== undefined) patch.xUnit = target.unit === xUnit.value && target.year === undefined ? null : target.unit
    if (target.year !== undefined) patch.xYear = target.year === xYear.value && target.unit === undefined ? null : target.year
    if (Object.keys(patch).length > 0) filters.set(patch)
  }

  return { xUnit, xYear, focusYear, yearRange, alongYears, alongUnits, both, onClick, clear: filters.clearCrossfilter }
}
