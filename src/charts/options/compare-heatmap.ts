import type { EChartsOption } from 'echarts'
import type { HeatmapRow } from '~/db/sql/compare'
import { escapeHtml, formatValue, sortedYears } from './compare-helpers'

/** Texts the heatmap shows (from i18n). */
export interface HeatmapLabels {
  metric: string
  /** Cell label of an expected report we have not collected (未收录): not the unit's fault. */
  notCollected: string
  /** Cell label of a report looked for and not found (未发布): the unit's failure. */
  notPublished: string
  /** A received report that lacks the metric's cells (other format, table not found). */
  noData: string
  /** A report with the cells whose ratio cannot be computed (denominator 0), e.g. 0 ÷ 0. */
  notComputable: string
  /** Tooltip note on a unit × year with two report files (the first is counted). */
  duplicate: string
}

/** Colours: a light-to-dark blue ramp for values (0 = lightest blue, never grey). */
export const HEAT_RAMP = ['#eef5fc', '#9ecae1', '#4292c6', '#08519c']
/** A report not collected: mid grey, hatched, labelled — unmistakably not a zero, and not an alarm. */
export const NOT_COLLECTED_FILL = '#cfd3d8'
/** A report not published (looked for, not found): red. */
export const NOT_PUBLISHED_FILL = '#e8a3a1'
/** A received report without the metric's cells: white with a dashed outline. */
export const NO_DATA_FILL = '#ffffff'

/** Colour scale of the values: linear, or logarithmic so one spike does not wash out the rest. */
export type HeatScale = 'linear' | 'log'

/** Series ids, so the view can tell which layer was clicked. */
export const HEATMAP_SERIES = { values: 'values', notCollected: 'not-collected', notPublished: 'not-published', noData: 'no-data' } as const

type Item = {
  value: [number, number, number]
  unit: string
  year: number
  status: HeatmapRow['status']
  metric: number | null
  present: boolean
  label?: { color: string }
}

/**
 * Unit × year heatmap of one metric over the coverage grid:
 * - a received report's value is coloured by the ramp (a reported 0 is the lightest blue, labelled 0);
 * - a report not collected (coverage `not_collected`) is a hatched grey cell labelled 未收录;
 * - a report looked for and not found (`not_published`) is a red cell labelled 未发布;
 * - a received report without the metric's cells is a white cell with a dashed outline (无此项);
 *   one that has them but whose ratio has a zero denominator gets the same cell labelled —;
 * - a unit × year that was not expected (`not_expected`) is left blank.
 */
export function compareHeatmapOption(rows: readonly HeatmapRow[], labels: HeatmapLabels, opts: { ratio: boolean; scale?: HeatScale; unitOrder?: (a: string, b: string) => number; compact?: boolean }): EChartsOption {
  // Log scale: one spike (e.g. 251 among values of 1–10) no longer washes every other cell out to
  // the lightest blue. Colour only — the labels and tooltips keep the real values.
  const log = opts.scale === 'log' && !opts.ratio
  const toColour = (v: number) => (log ? Math.log10(1 + Math.max(0, v)) : v)
  const years = sortedYears(rows.map((r) => r.year))
  // Units in the registry order when given (the coverage grid's and the rankings' order), else as the rows come.
  const units = [...new Set(rows.map((r) => r.unit))]
  if (opts.unitOrder) units.sort(opts.unitOrder)
  const x = new Map(years.map((y, i) => [y, i]))
  const y = new Map(units.map((u, i) => [u, i]))
  const layers: Record<keyof typeof HEATMAP_SERIES, Item[]> = { values: [], notCollected: [], notPublished: [], noData: [] }
  for (const r of rows) {
    if (r.status === 'not_expected') continue
    const layer = r.status === 'not_collected' ? 'notCollected' : r.status === 'not_published' ? 'notPublished' : r.value === null ? 'noData' : 'values'
    layers[layer].push({
      value: [x.get(String(r.year))!, y.get(r.unit)!, toColour(r.value ?? 0)], unit: r.unit, year: r.year, status: r.status, metric: r.value, present: r.cells_present > 0,
    })
  }
  const max = Math.max(opts.ratio ? 0 : toColour(1), ...layers.values.map((i) => i.value[2]))
  // Dark cells get white numbers, light ones dark numbers.
  for (const i of layers.values) i.label = { color: i.value[2] / max > 0.55 ? '#ffffff' : '#1f2d3d' }
  const text = (i: Item) =>
    i.status === 'not_collected' ? labels.notCollected : i.status === 'not_published' ? labels.notPublished : i.metric !== null ? formatValue(i.metric, opts.ratio) : i.present ? labels.notComputable : labels.noData
  // On a phone a cell is ~25 px wide: status words would run over their neighbours. The fill tells
  // the status (hatched 未收录, red 未发布, dashed no data; legend below), and a mark stands for the word.
  const cellText = (i: Item) =>
    !opts.compact || i.metric !== null ? text(i) : i.status === 'not_collected' ? '' : i.status === 'not_published' ? '✕' : '—'
  const tooltip = (p: unknown) => {
    const i = (p as { data?: Item }).data
    if (!i) return ''
    const dup = i.status === 'duplicate' ? `<br/>${escapeHtml(labels.duplicate)}` : ''
    return `${escapeHtml(i.unit)} · ${i.year}<br/>${escapeHtml(labels.metric)}：<b>${escapeHtml(text(i))}</b>${dup}`
  }
  const label = { show: units.length * years.length <= 400, formatter: (p: unknown) => cellText((p as { data: Item }).data), fontSize: opts.compact ? 9 : 11 }
  return {
    // top: room for the year axis under the card's PNG button.
    grid: { left: 8, right: 16, top: 36, bottom: 64, containLabel: true },
    tooltip: { trigger: 'item', formatter: tooltip },
    xAxis: { type: 'category', data: years, splitArea: { show: false }, position: 'top' },
    yAxis: { type: 'category', data: units, inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min: 0,
      max,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      inRange: { color: HEAT_RAMP },
      formatter: (v: unknown) => formatValue(log ? Math.round(10 ** Number(v) - 1) : Number(v), opts.ratio),
    },
    series: [
      { id: HEATMAP_SERIES.values, name: labels.metric, type: 'heatmap', data: layers.values, label, itemStyle: { borderColor: '#fff', borderWidth: 1 } },
      {
        id: HEATMAP_SERIES.notCollected,
        name: labels.notCollected,
        type: 'heatmap',
        data: layers.notCollected,
        label: { ...label, color: '#4a4f55' },
        itemStyle: {
          color: NOT_COLLECTED_FILL,
          borderColor: '#fff',
          borderWidth: 1,
          decal: { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4, color: 'rgba(255,255,255,0.6)' },
        },
      },
      {
        id: HEATMAP_SERIES.noData,
        name: labels.noData,
        type: 'heatmap',
        data: layers.noData,
        label: { ...label, color: '#65686e' },
        itemStyle: { color: NO_DATA_FILL, borderColor: '#b0b6bd', borderWidth: 1, borderType: 'dashed' },
      },
      {
        id: HEATMAP_SERIES.notPublished,
        name: labels.notPublished,
        type: 'heatmap',
        data: layers.notPublished,
        label: { ...label, color: '#7a1f1c' },
        itemStyle: { color: NOT_PUBLISHED_FILL, borderColor: '#fff', borderWidth: 1 },
      },
    ],
  }
}
