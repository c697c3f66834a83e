import { computed } from 'vue'
import { storeToRefs } from 'pinia'
import { resolvedYear } from '~/db/prebuilt-states'
import type { Scope } from '~/db/sql/scope'
import { useFiltersStore } from '~/stores/filters'
import { useSummaryStore } from '~/stores/summary'

/**
 * The filters resolved against the data: the district (URL or first listed), the year (URL, else the
 * latest year with a report received — a registry that runs past its reports opens on data, not on
 * a year of zeros), the year range and the SQL `Scope` every view builds its queries from.
 * Null until the summary has loaded.
 */
export function useScope() {
  const filters = useFiltersStore()
  const { summary, districts } = storeToRefs(useSummaryStore())

  const district = computed(() => filters.state.district ?? districts.value[0]?.id ?? null)
  const years = computed(() => summary.value?.years ?? [])
  // One rule with the prebuilt states (which the data build answers ahead of the engine).
  const year = computed(() => (summary.value ? resolvedYear(summary.value, filters.state.year) : null))
  const yearRange = computed<[number, number] | null>(() => {
    if (!years.value.length) return null
    const lo = filters.state.from ?? years.value[0]!
    const hi = filters.state.to ?? years.value.at(-1)!
    return lo <= hi ? [lo, hi] : [hi, lo]
  })
  const scope = computed<Scope | null>(() =>
    district.value && summary.value?.district === district.value
      ? { district: district.value, years: yearRange.value, kinds: filters.state.kinds, units: filters.state.units }
      : null,
  )
  /** True when kinds/units narrow the view, so the district summary JSON does not apply. */
  const narrowed = computed(() => filters.state.kinds.length > 0 || filters.state.units.length > 0)
  const synthetic = computed(() => summary.value?.synthetic ?? districts.value.find((d) => d.id === district.value)?.synthetic ?? false)

  return { district, years, year, yearRange, scope, narrowed, synthetic }
}
