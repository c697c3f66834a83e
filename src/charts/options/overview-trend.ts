import type { ChartOption } from '../echarts'
import { metricDef } from '~/report/metrics'
import { APPLICANT_METRICS } from '~/db/sql/overview'
import { applicantColor } from '../theme'
import { formatCompact, formatCount } from '../format'
import type { OverviewYear } from './overview-data'
import { yearAxisLabel } from './year-basis'

/** The year label every trend uses (received/expected under an incomplete year), from year-basis.ts. */
export { yearAxisLabel }

/**
 * New applications per year, stacked by applicant type. A year without any report has no bar
 * (no value, never a 0) and its label says 0/N; an incomplete year's label carries n/N. The
 * crossfilter year (if any) is drawn at full opacity and the others faded; clicking a bar emits its year.
 */
export function trendOption(years: readonly OverviewYear[], locale: 'zh' | 'en', selectedYear: number | null): ChartOption {
  const labelOf = (key: string) => {
    const l = metricDef(key)!.label
    return locale === 'en' ? l.en.replace(/^New: /, '') : l.zh.replace(/^新收·/, '')
  }
  const labels = new Map(years.map((y) => [String(y.year), yearAxisLabel(y)]))
  const reports = new Map(years.map((y) => [String(y.year), y]))
  return {
    aria: { enabled: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => formatCount(typeof v === 'number' ? v : null),
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as { axisValue?: string; marker?: string; seriesName?: string; value?: unknown }[]
        const year = String(list[0]?.axisValue ?? '')
        const y = reports.get(year)
        const head = y ? `${year}${locale === 'en' ? ` · ${y.received}/${y.expected} reports` : ` · ${y.received}/${y.expected} 份报告`}` : year
        if (y && y.received === 0) return `${head}<br/>${locale === 'en' ? 'No report received: no value' : '未收到报告：无数据'}`
        return [head, ...list.map((p) => `${p.marker ?? ''}${p.seriesName ?? ''}：<b>${formatCount(typeof p.value === 'number' ? p.value : null)}</b>`)].join('<br/>')
      },
    },
    legend: { top: 0, left: 0, right: 0, type: 'plain' },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => String(y.year)), axisLabel: { formatter: (v: string) => labels.get(v) ?? v, lineHeight: 14, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatCompact(v) } },
    series: APPLICANT_METRICS.map((key) => ({
      id: key,
      name: labelOf(key),
      type: 'bar',
      stack: 'new',
      barMaxWidth: 48,
      itemStyle: { color: applicantColor(key) },
      data: years.map((y) => ({
        value: y.received === 0 ? null : (y.metrics[key] ?? 0),
        itemStyle: selectedYear !== null && y.year !== selectedYear ? { opacity: 0.35 } : undefined,
      })),
    })),
  }
}
