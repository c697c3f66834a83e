import type { ChartOption } from './echarts'
import { PALETTE } from './theme'

/** One entry of a chart's legend: the name the chart uses and the colour it draws it in. */
export interface LegendEntry {
  name: string
  color: string
}

type Rec = Record<string, unknown>
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])
const colorOf = (style: unknown): string | null => (isRec(style) && typeof style.color === 'string' ? style.color : null)

/**
 * Every legend entry of a chart, read from its option — the full list, where the chart on screen
 * may show a scrolled legend with a few names. The saved image draws this list so a slide shows
 * what every colour means. Series without a name of their own (a single-series ranking) have none.
 *
 * - pies: one entry per slice; sankeys: one per node (named by the chart's label formatter);
 * - other charts: one per series name (series of small multiples sharing a name count once);
 * colours are the series' (or item's) own, else the theme palette in order, like ECharts.
 */
export function legendEntries(option: ChartOption | null | undefined): LegendEntry[] {
  if (!isRec(option)) return []
  const palette = Array.isArray(option.color) ? (option.color as string[]) : PALETTE
  const pick = (i: number) => palette[i % palette.length] ?? PALETTE[0]!
  const series = asArray(option.series).filter(isRec)
  const out: LegendEntry[] = []
  const seen = new Set<string>()
  const add = (name: string, color: string) => {
    if (!name || seen.has(name)) return
    seen.add(name)
    out.push({ name, color })
  }
  series.forEach((s, si) => {
    if (s.type === 'pie') {
      asArray(s.data).forEach((d, di) => isRec(d) && add(String(d.name ?? ''), colorOf(d.itemStyle) ?? pick(di)))
    } else if (s.type === 'sankey') {
      const label = isRec(s.label) ? s.label.formatter : undefined
      asArray(s.data ?? s.nodes).forEach((n, ni) => {
        if (!isRec(n)) return
        const id = String(n.name ?? '')
        const name = typeof label === 'function' ? String((label as (p: Rec) => unknown)({ name: id, data: n }) ?? id) : id
        add(name, colorOf(n.itemStyle) ?? pick(ni))
      })
    } else if (series.length > 1 || isRec(option.legend)) {
      // A heatmap's value layer is coloured by the visual map: its darkest colour stands for it.
      const ramp = asArray(option.visualMap).filter(isRec).map((v) => (isRec(v.inRange) ? asArray(v.inRange.color) : [])).find((c) => c.length)
      const mapped = s.type === 'heatmap' && ramp ? String(ramp[ramp.length - 1]) : null
      add(typeof s.name === 'string' ? s.name : '', colorOf(s.itemStyle) ?? mapped ?? pick(si))
    }
  })
  return out
}
