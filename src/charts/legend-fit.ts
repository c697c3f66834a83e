import type { ChartOption } from './echarts'

/**
 * Legends are never hidden: a chart's legend wraps onto as many rows as its names need (no
 * scrolling legend showing two names and an arrow), and the plot moves down (top legend) or up
 * (bottom legend under a pie) by the rows added. ECharts wraps a plain legend by itself but does
 * not move the grid; this computes the rows from the drawn width and the measured text.
 */

/** ECharts' legend item: 25 px icon, 5 px to the text, 10 px to the next item; rows 14 px + 10 px gap. */
const ICON = 25
const TEXT_GAP = 5
const ITEM_GAP = 10
const PADDING = 5
export const LEGEND_ROW = 24

/** Rows a horizontal legend of `names` takes in `width` px, given a text measure. */
export function legendRows(names: readonly string[], width: number, measure: (text: string) => number): number {
  const avail = Math.max(1, width - 2 * PADDING)
  let rows = 1
  let x = 0
  for (const n of names) {
    const w = ICON + TEXT_GAP + measure(n)
    if (x > 0 && x + w > avail) {
      rows++
      x = 0
    }
    x += w + ITEM_GAP
  }
  return names.length ? rows : 0
}

type Rec = Record<string, unknown>
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)
const px = (v: unknown) => (typeof v === 'number' ? v : null)

/** The names a legend shows: its `data`, else the series names (or a pie's slice names), formatted. */
function legendNames(option: Rec, legend: Rec): string[] {
  const series = [option.series].flat().filter(isRec)
  const raw = Array.isArray(legend.data)
    ? legend.data.map((d) => String(isRec(d) ? d.name : d))
    : series.flatMap((s) => (s.type === 'pie' && Array.isArray(s.data) ? s.data.map((d) => String(isRec(d) ? d.name : d)) : [String(s.name ?? '')]))
  const fmt = typeof legend.formatter === 'function' ? (legend.formatter as (n: string) => string) : (n: string) => n
  return [...new Set(raw.filter((n) => n !== ''))].map(fmt)
}

/**
 * The option with its legend set to wrap (plain) and the plot moved clear of it, for a chart
 * drawn `size` px large. Unchanged when there is no single horizontal legend.
 */
export function fitLegend(option: ChartOption, size: { width: number; height: number }, measure: (text: string) => number): ChartOption {
  const o = option as Rec
  const legend = o.legend
  if (!isRec(legend) || legend.show === false || legend.orient === 'vertical' || size.width <= 0) return option
  const width = size.width - (px(legend.left) ?? 0) - (px(legend.right) ?? 0)
  const rows = legendRows(legendNames(o, legend), width, measure)
  const extra = Math.max(0, rows - 1) * LEGEND_ROW
  const out: Rec = { ...o, legend: { ...legend, type: 'plain' } }
  if (extra === 0) return out as ChartOption
  const atBottom = legend.bottom !== undefined && legend.top === undefined
  const series = [o.series].flat().filter(isRec)
  if (atBottom && series.some((s) => s.type === 'pie')) {
    // The pie's box ends above the legend; the centred title (the total) follows the ring's centre.
    const box = size.height - rows * LEGEND_ROW
    out.series = series.map((s) => (s.type === 'pie' ? { ...s, top: 0, bottom: rows * LEGEND_ROW, center: ['50%', '50%'] } : s))
    if (isRec(o.title) && o.title.textAlign === 'center') out.title = { ...o.title, top: Math.max(0, box / 2 - 24) }
    return out as ChartOption
  }
  if (atBottom) return out as ChartOption
  // Top legend: every grid and panel title placed in pixels below the legend moves down by the added
  // rows; one placed in percent of the height is placed in the height left under them instead.
  const pct = (v: unknown) => (typeof v === 'string' && /^[\d.]+%$/.test(v) ? Number.parseFloat(v) / 100 : null)
  const rest = size.height - extra
  const shift = (r: unknown) => {
    if (!isRec(r)) return r
    if (px(r.top) !== null) return px(r.top)! >= LEGEND_ROW ? { ...r, top: px(r.top)! + extra } : r
    const top = pct(r.top)
    if (top === null || size.height <= 0) return r
    const height = pct(r.height)
    return { ...r, top: extra + top * rest, ...(height !== null ? { height: height * rest } : {}) }
  }
  for (const k of ['grid', 'title'] as const) {
    if (Array.isArray(o[k])) out[k] = (o[k] as unknown[]).map(shift)
    else if (o[k]) out[k] = shift(o[k])
  }
  return out as ChartOption
}
