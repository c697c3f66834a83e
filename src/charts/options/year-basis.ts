import type { ChartOption } from '../echarts'

/**
 * How complete a year is: reports received of the reports the registry expects for the scope
 * drawn. Every chart along years marks an incomplete year under its label ("2021\n15/18"), so a
 * lower bar or point of a year with missing reports is not read as a fall.
 */
export interface YearBasis {
  year: number
  received: number
  expected: number
}

/** A year's axis label: the year, and under it received/expected when some reports are missing. */
export function yearAxisLabel(y: YearBasis): string {
  return y.received < y.expected ? `${y.year}\n${y.received}/${y.expected}` : String(y.year)
}

type Axis = Record<string, unknown> & { type?: string; data?: unknown[]; axisLabel?: Record<string, unknown> }

const isYearAxis = (a: Axis) => a.type === 'category' && Array.isArray(a.data) && a.data.length > 0 && a.data.every((d) => /^\d{4}$/.test(String(typeof d === 'object' && d !== null ? (d as { value?: unknown }).value : d)))

/**
 * The option with every year category axis labelled by `yearAxisLabel` — one helper for every
 * trend (outcomes, appeal, active, the unit page; the overview trend uses `yearAxisLabel` itself).
 * Axes along units and years without a basis row are left as they are. Returns a new option.
 */
export function withYearBasis<T extends ChartOption>(option: T, basis: readonly YearBasis[] | null | undefined): T {
  if (!basis?.length) return option
  const labels = new Map(basis.map((b) => [String(b.year), yearAxisLabel(b)]))
  if (![...labels.entries()].some(([y, l]) => y !== l)) return option
  const mark = (a: Axis): Axis =>
    isYearAxis(a)
      ? { ...a, axisLabel: { ...(a.axisLabel ?? {}), lineHeight: 14, formatter: (v: string) => labels.get(String(v)) ?? String(v) } }
      : a
  const o = option as Record<string, unknown>
  const out: Record<string, unknown> = { ...o }
  for (const k of ['xAxis', 'yAxis'] as const) {
    const axis = o[k]
    if (Array.isArray(axis)) out[k] = axis.map((a) => mark(a as Axis))
    else if (axis && typeof axis === 'object') out[k] = mark(axis as Axis)
  }
  return out as T
}
