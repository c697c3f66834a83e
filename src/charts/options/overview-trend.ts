import type { ChartOption } from '../echarts'
import { metricDef } from '~/report/metrics'
import { APPLICANT_METRICS } from '~/db/sql/overview'
import { applicantColor } from '../theme'
import { formatCompact, formatCount } from '../format'
import type { OverviewYear } from './overview-data'

/**
 * New applications per year, stacked by applicant type. The crossfilter year (if any) is drawn at
 * full opacity and the others faded, so the selection is visible; clicking a bar emits its year.
 */
export function trendOption(years: readonly OverviewYear[], locale: 'zh' | 'en', selectedYear: number | null): ChartOption {
  const labelOf = (key: string) => {
    const l = metricDef(key)!.label
    return locale === 'en' ? l.en.replace(/^New: /, '') : l.zh.replace(/^新收·/, '')
  }
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => formatCount(typeof v === 'number' ? v : null) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatCompact(v) } },
    series: APPLICANT_METRICS.map((key) => ({
      id: key,
      name: labelOf(key),
      type: 'bar',
      stack: 'new',
      barMaxWidth: 48,
      itemStyle: { color: applicantColor(key) },
      data: years.map((y) => ({
        value: y.metrics[key] ?? 0,
        itemStyle: selectedYear !== null && y.year !== selectedYear ? { opacity: 0.35 } : undefined,
      })),
    })),
  }
}
