import type { ChartOption } from './echarts'
import { formatCount } from './format'

/**
 * Any dashboard chart's numbers as a plain table, read from the ECharts option the chart draws —
 * the one source for the chart's "show as table" view, its text alternative (./chart-summary.ts)
 * and nothing else, so the table can never disagree with the picture.
 *
 * Shapes read (the ones src/charts/options/* build):
 * - bars and lines along a category axis (vertical or horizontal, one or several grids): one row
 *   per category, one column per series (prefixed with its grid's title when there are several);
 * - heatmaps over two category axes: one row per y category, one column per x category;
 * - pies: one row per slice; sankeys: one row per link.
 * A cell's text is what the chart itself prints for it (its label formatter, e.g. 未收录 on a
 * 0-length bar), else the tooltip's value formatter, else the plain number.
 */

/** What clicking the row or cell would be in the chart: the params ECharts would emit. */
export type ChartClick = Record<string, unknown>

export interface ChartTableCell {
  text: string
  /** The number behind the cell (for the summary's highest value); null when there is none. */
  value: number | null
  /** Present on heatmap cells: clicking the cell is clicking that item. */
  click?: ChartClick
}

export interface ChartTableRow {
  label: string
  cells: ChartTableCell[]
  /** Present on category rows: clicking the row is clicking the category's bar. */
  click?: ChartClick
}

export interface ChartTable {
  /** Header of the label column: the category axis's name when it has one. */
  rowHeader: string
  columns: string[]
  rows: ChartTableRow[]
}

type Rec = Record<string, unknown>

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

/** A category axis entry may be `'name'` or `{ value: 'name', textStyle }`. */
const categoryName = (c: unknown): string => (isRec(c) ? str(c.value) : str(c))

/** The numeric value of a series data item (`5`, `{ value: 5 }`, `[x, y]`, `'-'`, null). */
function numberOf(item: unknown, valueIndex = -1): number | null {
  const raw = isRec(item) ? item.value : item
  const v = Array.isArray(raw) ? raw[valueIndex < 0 ? raw.length - 1 : valueIndex] : raw
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** An ECharts formatter string without `{a}`/`{c}` templates is the text itself. */
const plainText = (f: unknown): string | null => (typeof f === 'string' && !/\{[a-z@]/i.test(f) ? f : null)

/** The text the chart prints for one data item (see the file comment for the order). */
function cellText(option: Rec, series: Rec, item: unknown, params: Rec): string {
  const itemLabel = isRec(item) && isRec(item.label) ? plainText(item.label.formatter) : null
  if (itemLabel !== null && itemLabel !== '') return itemLabel
  const label = isRec(series.label) ? series.label.formatter : undefined
  if (typeof label === 'function') {
    try {
      const text = str((label as (p: Rec) => unknown)(params))
      if (text !== '') return text
    } catch {
      // A formatter written for ECharts' own params may need a field we do not fill: fall through.
    }
  }
  const value = numberOf(item)
  const tooltip = isRec(option.tooltip) ? option.tooltip.valueFormatter : undefined
  if (typeof tooltip === 'function' && value !== null) {
    const text = str((tooltip as (v: unknown) => unknown)(value))
    if (text !== '') return text
  }
  return formatCount(value)
}

/** The category axis of a series (the x or y axis it is drawn on whose type is `category`). */
function categoryAxisOf(option: Rec, series: Rec): { axis: Rec; dim: 'x' | 'y' } | null {
  const x = asArray(option.xAxis)[Number(series.xAxisIndex ?? 0)]
  const y = asArray(option.yAxis)[Number(series.yAxisIndex ?? 0)]
  if (isRec(x) && x.type === 'category') return { axis: x, dim: 'x' }
  if (isRec(y) && y.type === 'category') return { axis: y, dim: 'y' }
  return null
}

/** Series name, prefixed with its grid's title when the chart has several grids (small multiples). */
function columnName(option: Rec, series: Rec, index: number): string {
  const name = str(series.name) || `#${index + 1}`
  const grids = asArray(option.grid)
  if (grids.length < 2) return name
  const axis = categoryAxisOf(option, series)
  const gridIndex = Number(axis?.axis.gridIndex ?? 0)
  const title = asArray(option.title)[gridIndex]
  // A panel title may break onto two lines on the canvas (行政诉讼\n复议后起诉); a column name is one line.
  return isRec(title) && str(title.text) ? `${str(title.text).replace(/\s*\n\s*/g, ' · ')} · ${name}` : name
}

function cartesianTable(option: Rec, series: Rec[], indexOf: (s: Rec) => number): ChartTable {
  const rowIndex = new Map<string, ChartTableRow>()
  const rows: ChartTableRow[] = []
  const columns = series.map((s, i) => columnName(option, s, i))
  let rowHeader = ''
  series.forEach((s, si) => {
    const found = categoryAxisOf(option, s)
    if (!found) return
    rowHeader ||= str(found.axis.name)
    asArray(found.axis.data).forEach((c, ci) => {
      const label = categoryName(c)
      let row = rowIndex.get(label)
      if (!row) {
        row = { label, cells: columns.map(() => ({ text: '—', value: null })) }
        rowIndex.set(label, row)
        rows.push(row)
      }
      const item = asArray(s.data)[ci]
      const value = numberOf(item)
      const params: Rec = { componentType: 'series', seriesType: s.type, seriesIndex: indexOf(s), seriesId: s.id, seriesName: s.name, name: label, dataIndex: ci, data: item, value: isRec(item) ? item.value : item }
      row.cells[si] = { text: item === undefined || item === null || (value === null && !isRec(item)) ? '—' : cellText(option, s, item, params), value }
      // The row stands for the category: clicking it is clicking the category's first bar.
      row.click ??= params
    })
  })
  return { rowHeader, columns, rows }
}

function heatmapTable(option: Rec, series: Rec[]): ChartTable {
  const xAxis = asArray(option.xAxis)[0]
  const yAxis = asArray(option.yAxis)[0]
  const xs = asArray(isRec(xAxis) ? xAxis.data : undefined).map(categoryName)
  const ys = asArray(isRec(yAxis) ? yAxis.data : undefined).map(categoryName)
  const rows: ChartTableRow[] = ys.map((label) => ({ label, cells: xs.map(() => ({ text: '', value: null })) }))
  series.forEach((s, si) => {
    asArray(s.data).forEach((item, di) => {
      const raw = isRec(item) ? item.value : item
      if (!Array.isArray(raw)) return
      const [xi, yi] = [Number(raw[0]), Number(raw[1])]
      const cell = rows[yi]?.cells[xi]
      if (!cell) return
      const params: Rec = { componentType: 'series', seriesType: 'heatmap', seriesIndex: si, seriesId: s.id, seriesName: s.name, name: '', dataIndex: di, data: item, value: raw }
      // Only the first layer (the values) has a number; the other layers are statuses (未收录 …).
      rows[yi]!.cells[xi] = { text: cellText(option, s, item, params), value: si === 0 ? numberOf(item, 2) : null, click: params }
    })
  })
  return { rowHeader: isRec(yAxis) ? str(yAxis.name) : '', columns: xs, rows }
}

function pieTable(option: Rec, series: Rec): ChartTable {
  const rows = asArray(series.data).map((item, di) => {
    const name = isRec(item) ? str(item.name) : ''
    const value = numberOf(item)
    const params: Rec = { componentType: 'series', seriesType: 'pie', seriesIndex: 0, seriesName: series.name, name, dataIndex: di, data: item, value }
    return { label: name, cells: [{ text: cellText(option, series, item, params), value }], click: params }
  })
  return { rowHeader: '', columns: [str(series.name)], rows }
}

function sankeyTable(series: Rec): ChartTable {
  const label = isRec(series.label) ? series.label.formatter : undefined
  const nodeName = (id: string) => {
    if (typeof label !== 'function') return id
    const text = str((label as (p: Rec) => unknown)({ name: id, data: { name: id } }))
    return text || id
  }
  const rows = asArray(series.links ?? series.edges).filter(isRec).map((l) => {
    const value = numberOf(l)
    return { label: `${nodeName(str(l.source))} → ${nodeName(str(l.target))}`, cells: [{ text: formatCount(value), value }] }
  })
  return { rowHeader: '', columns: [str(series.name)], rows }
}

/** The table of a chart option; null when it draws nothing this module can read. */
export function chartTable(option: ChartOption | null | undefined): ChartTable | null {
  if (!isRec(option)) return null
  const series = asArray(option.series).filter(isRec)
  if (series.length === 0) return null
  const types = new Set(series.map((s) => s.type))
  if (types.has('heatmap')) return heatmapTable(option, series.filter((s) => s.type === 'heatmap'))
  if (types.has('pie')) return pieTable(option, series.find((s) => s.type === 'pie')!)
  if (types.has('sankey')) return sankeyTable(series.find((s) => s.type === 'sankey')!)
  const onAxis = series.filter((s) => s.type === 'bar' || s.type === 'line' || s.type === 'scatter')
  return onAxis.length ? cartesianTable(option, onAxis, (s) => series.indexOf(s)) : null
}
