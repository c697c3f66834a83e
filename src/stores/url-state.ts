import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { UNIT_KINDS } from '~/db/schema'

/**
 * Every piece of view state that belongs in the address bar, so that reloading or sharing a link
 * shows the same view. Null / empty = not chosen (the view falls back to its default).
 */
export interface FilterState {
  district: string | null
  /** The year the KPIs and single-year charts show. */
  year: number | null
  /** Inclusive year range of trends; null ends = open. */
  from: number | null
  to: number | null
  /** Unit kinds kept (街道, 镇, 乡, 部门, 区本级); empty = all. */
  kinds: string[]
  /** Units kept; empty = all. */
  units: string[]
  /** Metric key (src/report/metrics.ts or a cell key) that rankings and maps use. */
  metric: string | null
  /** Sub-tab inside the current view. */
  tab: string | null
  /** Crossfilter: the unit and year last clicked in a chart. */
  xUnit: string | null
  xYear: number | null
  /** View-specific parameters (any other query key), kept verbatim. */
  extra: Record<string, string>
}

/** The URL query key of each field (extra keys use their own names). */
export const QUERY_KEYS = {
  district: 'district', year: 'year', from: 'from', to: 'to', kinds: 'kind', units: 'unit',
  metric: 'metric', tab: 'tab', xUnit: 'x_unit', xYear: 'x_year',
} as const satisfies Record<Exclude<keyof FilterState, 'extra'>, string>

const KNOWN = new Set<string>(Object.values(QUERY_KEYS))

/** State with nothing chosen. */
export function emptyFilters(): FilterState {
  return { district: null, year: null, from: null, to: null, kinds: [], units: [], metric: null, tab: null, xUnit: null, xYear: null, extra: {} }
}

function first(v: LocationQuery[string] | undefined): string | null {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : null
}

function all(v: LocationQuery[string] | undefined): string[] {
  const list = (Array.isArray(v) ? v : [v]).filter((s): s is string => typeof s === 'string' && s.trim() !== '')
  return [...new Set(list.map((s) => s.trim()))]
}

/** A year from the URL: a 4-digit integer in a plausible range, else null (a hand-edited URL never breaks SQL). */
function year(v: LocationQuery[string] | undefined): number | null {
  const s = first(v)
  if (!s || !/^\d{4}$/.test(s)) return null
  const n = Number(s)
  return n >= 1990 && n <= 2100 ? n : null
}

/** Parse a route query into FilterState, dropping values that cannot be valid. */
export function parseQuery(q: LocationQuery): FilterState {
  const extra: Record<string, string> = {}
  for (const [k, v] of Object.entries(q)) {
    const s = first(v)
    if (!KNOWN.has(k) && s !== null) extra[k] = s
  }
  return {
    district: first(q[QUERY_KEYS.district]),
    year: year(q[QUERY_KEYS.year]),
    from: year(q[QUERY_KEYS.from]),
    to: year(q[QUERY_KEYS.to]),
    kinds: all(q[QUERY_KEYS.kinds]).filter((k) => (UNIT_KINDS as readonly string[]).includes(k)),
    units: all(q[QUERY_KEYS.units]),
    metric: first(q[QUERY_KEYS.metric]),
    tab: first(q[QUERY_KEYS.tab]),
    xUnit: first(q[QUERY_KEYS.xUnit]),
    xYear: year(q[QUERY_KEYS.xYear]),
    extra,
  }
}

/** The route query for a FilterState: unset fields are omitted so URLs stay short. */
export function toQuery(s: FilterState): LocationQueryRaw {
  const q: LocationQueryRaw = {}
  const put = (key: string, v: string | number | null) => {
    if (v !== null && v !== '') q[key] = String(v)
  }
  put(QUERY_KEYS.district, s.district)
  put(QUERY_KEYS.year, s.year)
  put(QUERY_KEYS.from, s.from)
  put(QUERY_KEYS.to, s.to)
  if (s.kinds.length) q[QUERY_KEYS.kinds] = [...s.kinds]
  if (s.units.length) q[QUERY_KEYS.units] = [...s.units]
  put(QUERY_KEYS.metric, s.metric)
  put(QUERY_KEYS.tab, s.tab)
  put(QUERY_KEYS.xUnit, s.xUnit)
  put(QUERY_KEYS.xYear, s.xYear)
  for (const [k, v] of Object.entries(s.extra)) if (!KNOWN.has(k)) put(k, v)
  return q
}

/** A canonical string of a state, to compare two states cheaply. */
export function stateKey(s: FilterState): string {
  return JSON.stringify(toQuery(s), Object.keys(toQuery(s)).sort())
}
