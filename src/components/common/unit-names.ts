import { computed } from 'vue'
import { useSummaryStore } from '~/stores/summary'

/**
 * One unit order and one short label for every chart and grid that lists units.
 *
 * Order: the registry's (units.csv row order, which the summary's `units` list keeps) — the
 * coverage grid, the rankings' ties and units without a report, and the heatmap all use it, so a
 * unit sits in the same place on every page. Units the registry does not list go last, by name.
 *
 * Short label: a unit named after its district (平潭综合实验区公安局 in 平潭综合实验区) is shown
 * without the district prefix where the district is already the context (公安局). Tooltips and
 * tables may keep the full name; the district's own unit (区本级, named like the district) keeps it.
 */

/** Unit name → position in the registry. */
export function registryOrder(units: readonly { unit: string }[]): Map<string, number> {
  return new Map(units.map((u, i) => [u.unit, i]))
}

/** A comparator of unit names by registry position; unknown names last, by name. */
export function byRegistry(order: ReadonlyMap<string, number>): (a: string, b: string) => number {
  return (a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (order.has(a) || order.has(b) ? 0 : a.localeCompare(b, 'zh'))
}

/** The prefixes a unit name may repeat: the district's name, and that name without its city (哈尔滨市呼兰区 → 呼兰区). */
function districtPrefixes(district: string): string[] {
  const withoutCity = district.replace(/^.{1,8}?市(?=.+[区县旗])/, '')
  return [...new Set([district, withoutCity])].filter((p) => p.length >= 2).sort((a, b) => b.length - a.length)
}

/** The unit's name without a leading district name, when something meaningful (≥ 2 characters) remains. */
export function shortUnitName(unit: string, district: string | null | undefined): string {
  if (!district) return unit
  for (const p of districtPrefixes(district)) {
    if (unit.startsWith(p) && unit.length - p.length >= 2) return unit.slice(p.length)
  }
  return unit
}

/** The current district's registry order and short unit labels (from the summary JSON). */
export function useUnitNames() {
  const summary = useSummaryStore()
  const order = computed(() => registryOrder(summary.summary?.units ?? []))
  const district = computed(() => summary.summary?.name ?? null)
  return {
    order,
    compare: computed(() => byRegistry(order.value)),
    short: (unit: string) => shortUnitName(unit, district.value),
    district,
  }
}
