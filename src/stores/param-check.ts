import type { DistrictEntry } from '~/db/data-files'
import type { DistrictSummary } from '~/db/summary'
import { isProvinceMetric } from '~/charts/options/province-data'
import { resolveMetric } from '~/db/sql/compare'
import type { FilterState } from './url-state'

/** A URL parameter that did not fit the data and what was done with it (shown to the reader). */
export interface ParamNotice {
  param: 'district' | 'year' | 'from' | 'to' | 'x_year' | 'metric' | 'unit'
  /** The value the URL gave. */
  given: string
  /** What the view shows instead (a district name, a year), or null when the parameter was dropped. */
  now: string | null
}

/** The correction of a FilterState: the fields to set and a notice per corrected parameter. */
export interface ParamCheck {
  patch: Partial<FilterState>
  notices: ParamNotice[]
}

/**
 * Check the URL's filters against the data: an unknown district falls back to the first listed;
 * years outside the district's grid, an unknown metric (`metric`, or the province view's `pmetric`) and units the district does not have are
 * dropped. Every correction returns a notice, so a hand-edited or stale link never silently shows
 * something other than it asked for. `summary` is only used when it is the state's district.
 */
export function checkParams(state: FilterState, districts: readonly DistrictEntry[], summary: DistrictSummary | null): ParamCheck {
  const patch: Partial<FilterState> = {}
  const notices: ParamNotice[] = []
  if (state.district !== null && districts.length && !districts.some((d) => d.id === state.district)) {
    notices.push({ param: 'district', given: state.district, now: districts[0]?.name ?? null })
    // The previous district's years and units mean nothing in the fallback district either.
    Object.assign(patch, { district: null, year: null, from: null, to: null, units: [], xUnit: null, xYear: null })
    return { patch, notices }
  }
  if (state.metric !== null && !resolveMetric(state.metric)) {
    notices.push({ param: 'metric', given: state.metric, now: null })
    patch.metric = null
  }
  // The province view's metric (`pmetric`) is one of its own list; unknown values are reported like `metric`.
  const pmetric = state.extra.pmetric
  if (pmetric !== undefined && !isProvinceMetric(pmetric)) {
    notices.push({ param: 'metric', given: pmetric, now: null })
    const { pmetric: _dropped, ...extra } = state.extra
    patch.extra = extra
  }
  const own = summary && (state.district === null ? districts[0]?.id === summary.district : summary.district === state.district)
  if (!own || !summary) return { patch, notices }
  const years = summary.years
  const latest = [...summary.by_year].reverse().find((y) => y.received > 0)?.year ?? years.at(-1) ?? null
  const yearFields = [['year', 'year'], ['from', 'from'], ['to', 'to'], ['xYear', 'x_year']] as const
  for (const [field, param] of yearFields) {
    const y = state[field]
    if (y === null || years.includes(y)) continue
    notices.push({ param, given: String(y), now: field === 'year' && latest !== null ? String(latest) : null })
    patch[field] = null
  }
  const names = new Set(summary.units.map((u) => u.unit))
  const unknownUnits = state.units.filter((u) => !names.has(u))
  if (unknownUnits.length) {
    for (const u of unknownUnits) notices.push({ param: 'unit', given: u, now: null })
    patch.units = state.units.filter((u) => names.has(u))
  }
  if (state.xUnit !== null && !names.has(state.xUnit)) {
    notices.push({ param: 'unit', given: state.xUnit, now: null })
    patch.xUnit = null
  }
  return { patch, notices }
}
