import type { EChartsOption } from 'echarts'
import { STATUS_COLORS } from '../theme'

/** One year of `coverageByYearSql`. */
export interface CoverageYearPoint {
  year: number
  received: number
  duplicate: number
  missing: number
}

/** Translated series names. */
export interface CoverageYearLabels {
  received: string
  duplicate: string
  missing: string
}

const STACKED = ['received', 'duplicate', 'missing'] as const

/**
 * Expected units per year as a stacked bar: received, duplicate, missing (not_expected units are
 * left out: they owe no report). The missing segment carries its count as a label so the number
 * staff look for is readable without hovering.
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
      ...(status === 'missing' ? { label: { show: true, position: 'inside' as const, formatter: (p: { value: unknown }) => (p.value ? String(p.value) : '') } } : {}),
    })),
  }
}
