import { escapeHtml, formatCount, formatShare } from '../format'

/** Tooltip strings are HTML: every unit name goes through this (re-exported for the builders). */
export { escapeHtml }

/**
 * Small pieces shared by the option builders of the four analytical views (compare, outcomes,
 * appeal, active): the UI language, value formatting, HTML escaping for tooltips and the
 * category axis layout. Pure functions, no DOM.
 */

/** UI language of chart labels; model labels carry both. */
export type Lang = 'zh' | 'en'

/** Units (or years) along the category axis. */
export type Dimension = 'unit' | 'year'

/** A metric value as text: a percentage for ratio metrics, a count otherwise; null → —. */
export function formatValue(v: number | null | undefined, ratio: boolean): string {
  return ratio ? formatShare(v) : formatCount(v)
}

/**
 * Category and value axes for bars along units or years. Units are many and have long names, so
 * they run down the vertical axis (readable on a phone); years run along the horizontal axis.
 */
export function categoryAxes(by: Dimension, categories: readonly string[], valueAxis: Record<string, unknown>) {
  // triggerEvent: clicking a unit or year label sets the crossfilter like clicking its bar.
  const category = { type: 'category' as const, data: [...categories], triggerEvent: true }
  return by === 'unit'
    ? { xAxis: { type: 'value' as const, ...valueAxis }, yAxis: { ...category, inverse: true, axisLabel: { width: 120, overflow: 'truncate' as const } } }
    : { xAxis: category, yAxis: { type: 'value' as const, ...valueAxis } }
}

/** Grey of a ranking row's name and label when it does not rank like the others (no report, below the coverage threshold). */
export const GREY_TEXT = '#65686e'

/**
 * Axes of a horizontal ranking (单位对比's units, the province view's districts or provinces):
 * one category row per name, in the given order from the top, `grey` names greyed; the value
 * axis on top, under the card's PNG button (a share runs 0–100 %).
 */
export function rankingAxes(rows: readonly { name: string; grey: boolean }[], ratio: boolean) {
  return {
    xAxis: {
      type: 'value' as const,
      position: 'top' as const,
      minInterval: ratio ? 0 : 1,
      ...(ratio ? { max: 1 } : {}),
      axisLabel: { hideOverlap: true, formatter: (v: number) => formatValue(v, ratio) },
    },
    yAxis: {
      type: 'category' as const, inverse: true, triggerEvent: true,
      data: rows.map((r) => (r.grey ? { value: r.name, textStyle: { color: GREY_TEXT } } : r.name)),
      axisLabel: { width: 120, overflow: 'truncate' as const },
    },
  }
}

/** Pixel height a chart with `n` unit rows needs to stay readable (bars ≥ ~18 px each). */
export function heightForRows(n: number, min = 260): number {
  return Math.max(min, 80 + n * 22)
}

/** Years sorted ascending, as axis category strings. */
export function sortedYears(values: Iterable<string | number>): string[] {
  return [...new Set([...values].map(String))].sort()
}

/**
 * What a click on a chart item points at, for the crossfilter: the unit or year of a category
 * bar (`params.name`), or the `unit`/`year` fields the builders put on data items (heatmap).
 */
export function clickTarget(params: unknown, by?: Dimension): { unit?: string; year?: number } {
  if (typeof params !== 'object' || params === null) return {}
  const p = params as { name?: unknown; data?: unknown; componentType?: unknown; value?: unknown }
  const data = typeof p.data === 'object' && p.data !== null ? (p.data as { unit?: unknown; year?: unknown }) : {}
  const out: { unit?: string; year?: number } = {}
  if (typeof data.unit === 'string') out.unit = data.unit
  if (typeof data.year === 'number') out.year = data.year
  // A bar's category is `name`; a clicked axis label (axis `triggerEvent`) carries it as `value`.
  const axisLabel = (p.componentType === 'xAxis' || p.componentType === 'yAxis') && typeof p.value === 'string' ? p.value : ''
  const name = typeof p.name === 'string' && p.name !== '' ? p.name : axisLabel
  if (by && name !== '') {
    if (by === 'unit' && out.unit === undefined) out.unit = name
    if (by === 'year' && out.year === undefined && /^\d{4}$/.test(name)) out.year = Number(name)
  }
  return out
}

/**
 * Legend along the top, the chart's full width (the card's buttons sit in its title row, above the
 * canvas). Plain, never scrolling: EChart.vue wraps it onto as many rows as it needs and moves
 * the plot down (src/charts/legend-fit.ts), so no name is ever hidden.
 */
export function topLegend(names: readonly string[]) {
  return { top: 0, left: 0, right: 0, type: 'plain' as const, data: [...names] }
}
