import type { EChartsOption } from 'echarts'
import { STATUS_COLORS } from '../theme'

/** One year of `coverageByYearSql`. */
export interface CoverageYearPoint {
  year: number
  received: number
  duplicate: number
  not_published: number
  not_collected: number
}

/** Translated series names. */
export interface CoverageYearLabels {
  received: string
  duplicate: string
  not_published: string
  not_collected: string
}

const STACKED = ['received', 'duplicate', 'not_published', 'not_collected'] as const
/** Segments whose count is printed on the bar. */
const LABELLED: readonly string[] = ['not_published', 'not_collected']

/**
 * Expected units per year as a stacked bar: received, duplicate, not published (red: looked for
 * and not found), not collected (grey: we hold no file; no fault of the unit). not_expected units
 * are left out: they owe no report. The two gaps carry their counts as labels.
 */
export function coverageByYearOption(points: readonly CoverageYearPoint[], labels: CoverageYearLabels): EChartsOption {
  return {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: points.map((p) => String(p.year)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: STACKED.map((status) => ({
      name: labels[status],
      type: 'bar' as const,
      stack: 'units',
      itemStyle: { color: STATUS_COLORS[status] },
      data: points.map((p) => p[status]),
      ...(LABELLED.includes(status) ? { label: { show: true, position: 'inside' as const, formatter: (p: { value: unknown }) => (p.value ? String(p.value) : '') } } : {}),
    })),
  }
}
