import { use, init, type EChartsType, type EChartsCoreOption } from 'echarts/core'
import { BarChart, PieChart } from 'echarts/charts'
import { TooltipComponent, LegendComponent, GridComponent, TitleComponent, AriaComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import { registerDashboardTheme, THEME_NAME } from './theme'

/**
 * À-la-carte ECharts: only the chart types and components the views use are bundled. What the
 * first page draws is registered here, at load; everything else in ./echarts-extra.ts, fetched
 * when a chart first needs it. Add a new type to the extra file (and to EXTRA_SERIES /
 * EXTRA_COMPONENTS below) unless the 总览 page draws it.
 */
use([BarChart, PieChart, TooltipComponent, LegendComponent, GridComponent, TitleComponent, AriaComponent, CanvasRenderer])
registerDashboardTheme()

/** Series types registered by ./echarts-extra.ts. */
const EXTRA_SERIES = new Set(['line', 'heatmap', 'sankey', 'scatter'])
/** Top-level option components registered by ./echarts-extra.ts. */
const EXTRA_COMPONENTS = ['dataZoom', 'visualMap', 'toolbox', 'dataset'] as const
/** Per-series components registered by ./echarts-extra.ts. */
const EXTRA_SERIES_COMPONENTS = ['markLine'] as const

let extraLoad: Promise<void> | null = null
let extraReady = false
/** Bumped when the extra types are registered (see {@link chartIsCurrent}). */
let registryVersion = 0

/** True when drawing `option` needs a type or component of ./echarts-extra.ts. */
export function needsExtra(option: EChartsCoreOption): boolean {
  const o = option as Record<string, unknown>
  if (EXTRA_COMPONENTS.some((k) => o[k] !== undefined && o[k] !== null)) return true
  const series = Array.isArray(o.series) ? o.series : o.series ? [o.series] : []
  return series.some((s: unknown) => {
    if (!s || typeof s !== 'object') return false
    const rec = s as Record<string, unknown>
    return EXTRA_SERIES.has(String(rec.type)) || EXTRA_SERIES_COMPONENTS.some((k) => rec[k] !== undefined && rec[k] !== null)
  })
}

/**
 * Null when `option` can be drawn now; otherwise a promise that resolves once the extra chart
 * types are registered (loaded once, shared by every chart). A failed load may be retried.
 */
export function prepareOption(option: EChartsCoreOption): Promise<void> | null {
  if (!needsExtra(option)) return null
  extraLoad ??= import('./echarts-extra').then(
    () => {
      // Registered: later charts need not wait at all.
      extraReady = true
      registryVersion++
    },
    (err: unknown) => {
      extraLoad = null
      throw err
    },
  )
  return extraReady ? null : extraLoad
}

const createdAt = new WeakMap<EChartsType, number>()

/** Create a chart on an element with the dashboard theme and the canvas renderer. */
export function createChart(el: HTMLElement): EChartsType {
  const chart = init(el, THEME_NAME, { renderer: 'canvas' })
  createdAt.set(chart, registryVersion)
  return chart
}

/**
 * False when `chart` was created before the extra types were registered and `option` uses one:
 * an ECharts instance fixes its layout and visual steps when created, so such a chart must be
 * created anew to draw, e.g., a sankey (else its layout never runs and rendering throws).
 */
export function chartIsCurrent(chart: EChartsType, option: EChartsCoreOption): boolean {
  return createdAt.get(chart) === registryVersion || !needsExtra(option)
}

export type { EChartsType }
export type { EChartsCoreOption as ChartOption } from 'echarts/core'
