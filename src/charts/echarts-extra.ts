import { use } from 'echarts/core'
import { LineChart, HeatmapChart, SankeyChart, ScatterChart } from 'echarts/charts'
import { DataZoomComponent, VisualMapComponent, ToolboxComponent, MarkLineComponent, DatasetComponent } from 'echarts/components'

/**
 * The ECharts chart types and components the first page (总览: bars, a pie) does not draw. They are
 * registered on the first chart that needs one (see `prepareOption` in ./echarts.ts), so their
 * ~200 KB of JavaScript is not parsed before the first chart. Keep in step with EXTRA_SERIES and
 * EXTRA_COMPONENTS there.
 */
use([
  LineChart, HeatmapChart, SankeyChart, ScatterChart,
  DataZoomComponent, VisualMapComponent, ToolboxComponent, MarkLineComponent, DatasetComponent,
])
