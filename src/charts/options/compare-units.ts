import type { EChartsOption } from 'echarts'
import type { UnitYearRow } from '~/db/sql/compare'
import { PALETTE } from '../theme'
import { escapeHtml, formatValue, sortedYears, topLegend } from './compare-helpers'

/** The chosen units the side-by-side chart accepts (more would be unreadable as grouped bars). */
export const MAX_CHOSEN_UNITS = 6

/**
 * 2–6 chosen units side by side: one bar per unit in each year (grouped bars), in a fixed colour
 * per unit. A year a unit has no value for is a gap, never a zero bar.
 */
export function compareUnitsOption(
  rows: readonly UnitYearRow[],
  units: readonly string[],
  labels: { metric: string; notCollected: string; notPublished: string; noValue: string },
  opts: { ratio: boolean },
): EChartsOption {
  const chosen = units.slice(0, MAX_CHOSEN_UNITS)
  const years = sortedYears(rows.map((r) => r.year))
  const byKey = new Map(rows.map((r) => [`${r.unit}\u0000${r.year}`, r]))
  /** Text of a unit-year without a value: why there is none (not collected, not published, no such cells). */
  const why = (r: UnitYearRow | undefined) => (r?.status === 'not_published' ? labels.notPublished : r?.status === 'not_collected' ? labels.notCollected : labels.noValue)
  type Item = { value: number | '-'; unit: string; year: number; missing?: string }
  return {
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: topLegend(chosen),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as { axisValue?: string; marker?: string; seriesName?: string; data?: Item }[]
        const lines = list.map((p) => {
          const d = p.data
          const text = !d || d.missing ? (d?.missing ?? '—') : formatValue(typeof d.value === 'number' ? d.value : null, opts.ratio)
          return `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}：<b>${escapeHtml(text)}</b>`
        })
        return [escapeHtml(String(list[0]?.axisValue ?? '')), ...lines].join('<br/>')
      },
    },
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
      // A unit-year without a value is a 0-length bar labelled with the reason (未收录 / 未发布 / 无此项),
      // so it cannot pass for a reported 0, which is labelled 0.
      data: years.map((y): Item & { label?: Record<string, unknown> } => {
        const r = byKey.get(`${unit}\u0000${y}`)
        if (r && r.value !== null) return { value: r.value, unit, year: Number(y), ...(r.value === 0 ? { label: { show: true, position: 'top', formatter: '0', color: '#606266' } } : {}) }
        const missing = why(r)
        return {
          value: 0, unit, year: Number(y), missing,
          label: { show: true, position: 'insideBottom', rotate: 90, align: 'left', verticalAlign: 'middle', offset: [0, -2], formatter: missing, fontSize: 10, color: r?.status === 'not_published' ? '#b03a36' : '#65686e' },
        }
      }),
    })),
  }
}
