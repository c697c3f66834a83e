import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { Router } from 'vue-router'
import { emptyFilters, parseQuery, stateKey, toQuery, type FilterState } from './url-state'

/**
 * All view state the URL carries (district, year, year range, unit kinds, units, metric, tab,
 * crossfilter, view-specific extras). Views read and assign fields directly
 * (`filters.state.year = 2021`) or patch several at once with `set()`; `bindFiltersToRouter`
 * mirrors the state into the address bar and back.
 */
export const useFiltersStore = defineStore('filters', () => {
  const state = ref<FilterState>(emptyFilters())

  /** Change several fields at once (one URL update). */
  function set(patch: Partial<FilterState>): void {
    assignChanged(state.value, { ...state.value, ...patch })
  }

  /** A view-specific URL parameter (any query key not in FilterState), or null. */
  function param(name: string): string | null {
    return state.value.extra[name] ?? null
  }

  /** Set or clear (null) a view-specific URL parameter. */
  function setParam(name: string, value: string | null): void {
    const extra = { ...state.value.extra }
    if (value === null || value === '') delete extra[name]
    else extra[name] = value
    set({ extra })
  }

  /**
   * Switch district: everything chosen in the previous district (year, range, units, crossfilter,
   * view parameters naming its units or years) is dropped, so no view opens on a blank chart of
   * units or years the new district does not have. Language, metric, kinds and tabs are kept.
   */
  function switchDistrict(id: string | null): void {
    const extra = { ...state.value.extra }
    for (const k of DISTRICT_BOUND_PARAMS) delete extra[k]
    set({ district: id, year: null, from: null, to: null, units: [], xUnit: null, xYear: null, extra })
  }

  /** Clear the crossfilter selection. */
  function clearCrossfilter(): void {
    set({ xUnit: null, xYear: null })
  }

  /** Replace the whole state from a route query (used by the router binding). */
  function fromQuery(q: Parameters<typeof parseQuery>[0]): void {
    const next = parseQuery(q)
    if (stateKey(next) !== stateKey(state.value)) assignChanged(state.value, next)
  }

  return { state, set, param, setParam, switchDistrict, clearCrossfilter, fromQuery }
})

/** View parameters that name units or years of one district (compare's picked units, unit page's report, findings filters). */
export const DISTRICT_BOUND_PARAMS = ['pick', 'report', 'f_unit', 'f_year'] as const

/** Equal filter values: scalars by identity, lists element-wise, `extra` entry-wise. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i])
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k])
  }
  return false
}

/**
 * Write into the reactive state only the fields whose value changed. Replacing the whole object
 * would re-run every computed that reads any field: a year change would rebuild (and redraw) a
 * chart that only depends on the kinds.
 */
function assignChanged(target: FilterState, next: FilterState): void {
  for (const key of Object.keys(next) as (keyof FilterState)[]) {
    if (!sameValue(target[key], next[key])) (target as unknown as Record<string, unknown>)[key] = next[key]
  }
}

/**
 * Keep the filters store and the router's query in step, both ways: a navigation (reload, pasted
 * link, back button) updates the store; a store change replaces the query of the current route
 * (replace, not push, so the back button leaves the view instead of undoing every click).
 * Returns a function that stops the binding.
 */
export function bindFiltersToRouter(router: Router, store = useFiltersStore()): () => void {
  const stopRoute = watch(
    () => router.currentRoute.value.query,
    (q) => store.fromQuery(q),
    { immediate: true },
  )
  const stopState = watch(
    () => store.state,
    (s) => {
      const route = router.currentRoute.value
      if (stateKey(s) === stateKey(parseQuery(route.query))) return
      void router.replace({ path: route.path, query: toQuery(s), hash: route.hash })
    },
    { deep: true },
  )
  return () => {
    stopRoute()
    stopState()
  }
}
