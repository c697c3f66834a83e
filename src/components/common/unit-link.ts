import type { LocationQuery, RouteLocationRaw } from 'vue-router'

/**
 * Where "打开单位年报" goes: the unit page, keeping the current query (district, language, filters)
 * and, when given, at that year. The report pin and the crossfilter of the page left behind do not
 * travel. One helper for chart selection bars, table rows and the coverage grid.
 */
export function unitRoute(unit: string, query: LocationQuery, year?: number | null): RouteLocationRaw {
  const q: LocationQuery = { ...query }
  delete q.report
  delete q.x_unit
  delete q.x_year
  if (year !== undefined && year !== null) q.year = String(year)
  return { name: 'unit', params: { unit }, query: q }
}
