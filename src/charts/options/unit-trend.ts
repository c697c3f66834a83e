import type { EChartsOption } from 'echarts'
import { formatCount, formatShare } from '../format'

/** One year of the unit's trend (the rows of `unitTrendSql`). */
export interface UnitTrendPoint {
  year: number
  unit_value: number | null
  district_median: number | null
}

export interface UnitTrendLabels {
  /** Legend name of the unit's line (its name). */
  unit: string
  /** Legend name of the median line, e.g. "全区中位数". */
  median: string
  /** Axis name: the metric's label. */
  metric: string
}

/** Ratio metrics read as percentages; sums as counts (src/charts/format.ts, like every other chart). */
const formatter = (ratio: boolean) => (ratio ? formatShare : formatCount)

/**
 * The unit's metric per year against the district median: a solid line with points for the unit,
 * a dashed line for the median. A year without a report is a gap (connectNulls off), so a missing
 * report never looks like a zero.
 */
export function unitTrendOption(points: readonly UnitTrendPoint[], labels: UnitTrendLabels, ratio: boolean): EChartsOption {
  const fmt = formatter(ratio)
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.unit, labels.median] },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? fmt(v) : '—'),
    },
    xAxis: { type: 'category', data: points.map((p) => String(p.year)), boundaryGap: false },
    yAxis: {
      type: 'value',
      name: labels.metric,
      nameTextStyle: { align: 'left' },
      minInterval: ratio ? 0 : 1,
      axisLabel: { formatter: (v: number) => fmt(v) },
      ...(ratio ? { max: 1 } : {}),
    },
    series: [
      { name: labels.unit, type: 'line', data: points.map((p) => p.unit_value), connectNulls: false, symbolSize: 8 },
      { name: labels.median, type: 'line', data: points.map((p) => p.district_median), lineStyle: { type: 'dashed' }, symbol: 'none' },
    ],
  }
}
