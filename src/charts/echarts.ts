import { use, init, type EChartsType } from 'echarts/core'
import { BarChart, LineChart, HeatmapChart, SankeyChart, PieChart, ScatterChart } from 'echarts/charts'
import {
  DataZoomComponent, VisualMapComponent, TooltipComponent, LegendComponent, GridComponent,
  ToolboxComponent, TitleComponent, DatasetComponent, MarkLineComponent, AriaComponent,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import { registerDashboardTheme, THEME_NAME } from './theme'

/**
 * À-la-carte ECharts: only the chart types and components the views use are bundled. Add a type
 * here (and nowhere else) when a view needs one.
 */
use([
  BarChart, LineChart, HeatmapChart, SankeyChart, PieChart, ScatterChart,
  DataZoomComponent, VisualMapComponent, TooltipComponent, LegendComponent, GridComponent,
  ToolboxComponent, TitleComponent, DatasetComponent, MarkLineComponent, AriaComponent,
  CanvasRenderer,
])
registerDashboardTheme()

/** Create a chart on an element with the dashboard theme and the canvas renderer. */
export function createChart(el: HTMLElement): EChartsType {
  return init(el, THEME_NAME, { renderer: 'canvas' })
}

export type { EChartsType }
export type { EChartsCoreOption as ChartOption } from 'echarts/core'
