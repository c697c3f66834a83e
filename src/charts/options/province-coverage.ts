import type { EChartsOption } from 'echarts'
import { ratioOf } from '~/report/metrics'
import { escapeHtml } from './compare-helpers'
import { HEAT_RAMP } from './compare-heatmap'

/** Texts the coverage heatmap shows (from i18n). */
export interface CoverageHeatLabels {
  /** Tooltip line "基于 {received}/{expected} 份报告". */
  basis: (received: number, expected: number) => string
  /** A year outside the district's registry grid. */
  notExpected: string
  /** Appended to the tooltip of a district-year below the coverage threshold. */
  low: string
}

type Item = { value: [number, number, number]; key: string; received: number; expected: number; low: boolean }

/** One row of the heatmap: a district (key = its id) or a province (key = its slug), series aligned with `years`. */
export interface CoverageArea {
  key: string
  name: string
  expected: readonly number[]
  received: readonly number[]
  low: readonly boolean[]
}

/**
 * District (or province) × year coverage: each cell the share of expected reports received, labelled
 * "n/N" so the count is read, not guessed from a colour. A year outside an area's grid is left
 * empty (not a 0). Rows in the given order; each cell carries the row's `key` for the click.
 */
export function provinceCoverageOption(yearList: readonly number[], areas: readonly CoverageArea[], labels: CoverageHeatLabels): EChartsOption {
  const years = yearList.map(String)
  const items: Item[] = []
  areas.forEach((d, row) => {
    yearList.forEach((_, col) => {
      const expected = d.expected[col] ?? 0
      const received = d.received[col] ?? 0
      if (expected === 0 && received === 0) return
      items.push({ value: [col, row, ratioOf(received, expected) ?? 1], key: d.key, received, expected, low: d.low[col] ?? true })
    })
  })
  return {
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    tooltip: {
      formatter: (p: unknown) => {
        const it = (p as { data?: Item }).data
        if (!it) return ''
        const d = areas[it.value[1]]
        return `${escapeHtml(d?.name ?? '')} · ${escapeHtml(years[it.value[0]] ?? '')}<br/>${escapeHtml(labels.basis(it.received, it.expected))}${it.low ? `<br/>${escapeHtml(labels.low)}` : ''}`
      },
    },
    xAxis: { type: 'category', data: years, splitArea: { show: true } },
    yAxis: { type: 'category', data: areas.map((d) => d.name), inverse: true, triggerEvent: true, axisLabel: { width: 120, overflow: 'truncate' } },
    visualMap: { type: 'continuous', min: 0, max: 1, dimension: 2, calculable: false, orient: 'horizontal', left: 'center', bottom: 4, inRange: { color: HEAT_RAMP }, formatter: (v: unknown) => `${Math.round(Number(v) * 100)}%` },
    series: [
      {
        type: 'heatmap',
        name: 'coverage',
        data: items,
        label: { show: true, fontSize: 11, formatter: (p: unknown) => { const it = (p as { data: Item }).data; return `${it.received}/${it.expected}` } },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
    ],
  }
}
