import type { EChartsOption } from 'echarts'
import type { UnitYearRow } from '~/db/sql/compare'
import { PALETTE } from '../theme'
import { formatValue, sortedYears, topLegend } from './compare-helpers'

/** The chosen units the side-by-side chart accepts (more would be unreadable as grouped bars). */
export const MAX_CHOSEN_UNITS = 6

/**
 * 2–6 chosen units side by side: one bar per unit in each year (grouped bars), in a fixed colour
 * per unit. A year a unit has no value for is a gap, never a zero bar.
 */
export function compareUnitsOption(rows: readonly UnitYearRow[], units: readonly string[], labels: { metric: string }, opts: { ratio: boolean }): EChartsOption {
  const chosen = units.slice(0, MAX_CHOSEN_UNITS)
  const years = sortedYears(rows.map((r) => r.year))
  const value = new Map(rows.map((r) => [`${r.unit}\u0000${r.year}`, r.value]))
  return {
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: topLegend(chosen),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? formatValue(v, opts.ratio) : '—') },
    xAxis: { type: 'category', data: years },
    yAxis: {
      type: 'value',
      name: labels.metric,
      nameTextStyle: { align: 'left' },
      minInterval: opts.ratio ? 0 : 1,
      axisLabel: { formatter: (v: number) => formatValue(v, opts.ratio) },
    },
    series: chosen.map((unit, i) => ({
      type: 'bar' as const,
      name: unit,
      barMaxWidth: 28,
      itemStyle: { color: PALETTE[i % PALETTE.length] },
      data: years.map((y) => {
        const v = value.get(`${unit}\u0000${y}`)
        return { value: v ?? '-', unit, year: Number(y) }
      }),
    })),
  }
}
