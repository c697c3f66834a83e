import type { EChartsOption } from 'echarts'
import type { OutcomeRow } from '~/db/sql/outcomes'
import { APPLY_ROWS, OUTCOME_GROUPS, type OutcomeGroup } from '~/report/model'
import { OUTCOME_COLORS } from '../theme'
import { categoryAxes, type Dimension, formatValue, type Lang, sortedYears, topLegend } from './compare-helpers'

/** Counts, or each category's shares of 100 %. */
export type StackMode = 'count' | 'share'

/** What the stack shows: the six outcome groups, or the reasons (sub-rows) inside one group. */
export type StackLevel = 'groups' | OutcomeGroup

/** Lighter shades of a group colour for its reasons (mixed towards white), so reasons read as one family. */
export function shadeOf(hex: string, i: number, n: number): string {
  const t = n <= 1 ? 0 : (i / (n - 1)) * 0.6
  const [r, g, b] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16))
  const mix = (c: number) => Math.round(c + (255 - c) * t).toString(16).padStart(2, '0')
  return `#${mix(r!)}${mix(g!)}${mix(b!)}`
}

interface StackSeries {
  key: string
  name: string
  color: string
}

/** The series of a level: six groups in print order, or a group's reason rows in print order. */
function seriesOf(level: StackLevel, rows: readonly OutcomeRow[], lang: Lang): StackSeries[] {
  if (level === 'groups') return OUTCOME_GROUPS.map((g) => ({ key: g.key, name: g.label[lang], color: OUTCOME_COLORS[g.key] }))
  const present = new Set(rows.filter((r) => r.outcome === level).map((r) => r.row))
  const reasons = APPLY_ROWS.filter((r) => r.outcome === level && present.has(r.key))
  return reasons.map((r, i) => ({ key: r.key, name: r.label[lang], color: shadeOf(OUTCOME_COLORS[level], i, reasons.length) }))
}

/** Categories: years ascending, or units by their total (largest first). */
function categoriesOf(rows: readonly OutcomeRow[], by: Dimension): string[] {
  if (by === 'year') return sortedYears(rows.map((r) => r.dim))
  const total = new Map<string, number>()
  for (const r of rows) total.set(r.dim, (total.get(r.dim) ?? 0) + r.value)
  return [...total.keys()].sort((a, b) => total.get(b)! - total.get(a)! || a.localeCompare(b, 'zh'))
}

/**
 * Outcome groups (or one group's reasons) per unit or year, stacked; in `share` mode each
 * category's bar is 100 % and segments are its shares. The 2019 single row （六）其他处理 and
 * the 2021 sub-rows stay separate series in the reasons view (docs/formats.md, “Crosswalk”).
 */
export function outcomesStackOption(
  rows: readonly OutcomeRow[],
  opts: { by: Dimension; mode: StackMode; level: StackLevel; lang: Lang; valueName: string },
): EChartsOption {
  const series = seriesOf(opts.level, rows, opts.lang)
  const categories = categoriesOf(rows, opts.by)
  const keyOf = (r: OutcomeRow) => (opts.level === 'groups' ? r.outcome : r.row)
  const inLevel = rows.filter((r) => opts.level === 'groups' || r.outcome === opts.level)
  const cell = new Map<string, number>()
  const total = new Map<string, number>()
  for (const r of inLevel) {
    const k = `${r.dim}\u0000${keyOf(r)}`
    cell.set(k, (cell.get(k) ?? 0) + r.value)
    total.set(r.dim, (total.get(r.dim) ?? 0) + r.value)
  }
  const share = opts.mode === 'share'
  const valueOf = (dim: string, key: string) => {
    const v = cell.get(`${dim}\u0000${key}`) ?? 0
    if (!share) return v
    const t = total.get(dim) ?? 0
    return t > 0 ? v / t : 0
  }
  const axes = categoryAxes(opts.by, categories, {
    name: opts.valueName,
    minInterval: share ? 0 : 1,
    ...(share ? { max: 1 } : {}),
    axisLabel: { formatter: (v: number) => formatValue(v, share) },
  })
  return {
    grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
    legend: topLegend(series.map((s) => s.name)),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatValue(typeof v === 'number' ? v : null, share) },
    ...axes,
    series: series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      stack: 'outcomes',
      barMaxWidth: 36,
      itemStyle: { color: s.color },
      emphasis: { focus: 'series' as const },
      data: categories.map((dim) => valueOf(dim, s.key)),
    })),
  }
}
