import type { ChartOption } from '../echarts'

type Axis = Record<string, unknown> & { type?: string; data?: unknown[]; axisLabel?: Record<string, unknown> }
const valueOf = (d: unknown) => String(typeof d === 'object' && d !== null ? (d as { value?: unknown }).value : d)
const isUnitAxis = (a: Axis) => a.type === 'category' && Array.isArray(a.data) && a.data.some((d) => !/^\d{4}$/.test(valueOf(d)))

/**
 * The option with unit names on category axes and in the legend drawn by `short` (the district
 * prefix dropped, see src/components/common/unit-names.ts). The data keep the full names, so a
 * click still names the unit and tooltips still show it in full. Returns a new option, or the
 * same one when `short` changes nothing.
 */
export function withShortUnitLabels<T extends ChartOption | null>(option: T, short: (name: string) => string): T {
  if (!option) return option
  const o = option as Record<string, unknown>
  const names = (a: Axis) => (Array.isArray(a.data) ? a.data.map(valueOf) : [])
  const axes = (['xAxis', 'yAxis'] as const).flatMap((k) => [o[k]].flat().filter((a): a is Axis => !!a && typeof a === 'object'))
  const seriesNames = [o.series].flat().map((s) => (s && typeof s === 'object' ? String((s as { name?: unknown }).name ?? '') : ''))
  const changes = (list: string[]) => list.some((n) => n !== '' && short(n) !== n)
  if (!axes.some((a) => isUnitAxis(a) && changes(names(a))) && !(o.legend && changes(seriesNames))) return option
  const shorten = (a: Axis): Axis => {
    if (!isUnitAxis(a) || !changes(names(a))) return a
    const prev = a.axisLabel?.formatter
    const fmt = typeof prev === 'function' ? (v: string, i: number) => (prev as (v: string, i: number) => string)(short(v), i) : (v: string) => short(v)
    return { ...a, axisLabel: { ...(a.axisLabel ?? {}), formatter: fmt } }
  }
  const out: Record<string, unknown> = { ...o }
  for (const k of ['xAxis', 'yAxis'] as const) {
    const axis = o[k]
    if (Array.isArray(axis)) out[k] = axis.map((a) => shorten(a as Axis))
    else if (axis && typeof axis === 'object') out[k] = shorten(axis as Axis)
  }
  if (o.legend && !Array.isArray(o.legend) && changes(seriesNames)) out.legend = { ...(o.legend as object), formatter: (n: string) => short(n) }
  return out as T
}
