import type { EChartsOption } from 'echarts'
import { CASE_RESULTS, type AppealResultRow } from '~/db/sql/appeal'
import { APPEAL_GROUPS, APPEAL_RESULTS } from '~/report/model'
import { type Dimension, escapeHtml, formatValue, type Lang, sortedYears, topLegend } from './compare-helpers'

/** Fixed colours per case result, the same in every appeal chart: upheld blue, corrected red. */
export const RESULT_COLORS: Record<string, string> = {
  maintained: '#3b6fb6',
  corrected: '#d9534f',
  other: '#9aa5b1',
  pending: '#f0ad4e',
}

/**
 * Section 四 as three small multiples, one panel per case group (行政复议, 未经复议直接起诉,
 * 复议后起诉), stacked by result over the same categories (units or years). A result's series
 * share one name across panels, so one legend click hides it everywhere.
 */
export function appealResultsOption(rows: readonly AppealResultRow[], opts: { by: Dimension; lang: Lang }): EChartsOption {
  const categories = opts.by === 'year' ? sortedYears(rows.map((r) => r.dim)) : appealUnits(rows)
  const value = new Map<string, number>()
  for (const r of rows) value.set(`${r.dim}\u0000${r.case_group}\u0000${r.result}`, r.value)
  const resultName = (key: string) => APPEAL_RESULTS.find((r) => r.key === key)!.label[opts.lang]
  const n = APPEAL_GROUPS.length
  // Panels side by side for years (few categories); stacked rows for units (many, long names).
  const side = opts.by === 'year'
  const band = 90 / n
  const slot = (i: number) =>
    side
      ? { left: `${2 + (i * 98) / n}%`, width: `${98 / n - 3}%`, top: 84, bottom: 8 }
      : { left: 8, right: 24, top: `${10 + i * band}%`, height: `${band - 9}%` }
  return {
    title: APPEAL_GROUPS.map((g, i) => {
      // Side by side a panel is a third of a phone wide: the group's name goes on its own line under 行政诉讼.
      const text = g.parent ? `${g.parent[opts.lang]}${side ? '\n' : ' · '}${g.label[opts.lang]}` : g.label[opts.lang]
      return { text, left: side ? slot(i).left : 8, top: side ? 36 : `${10 + i * band - 5}%`, textStyle: { fontSize: side ? 12 : 13 } }
    }),
    legend: topLegend(CASE_RESULTS.map(resultName)),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => formatValue(typeof v === 'number' ? v : null, false),
    },
    grid: APPEAL_GROUPS.map((_, i) => ({ ...slot(i), containLabel: true })),
    xAxis: APPEAL_GROUPS.map((_, i) =>
      side ? { type: 'category' as const, gridIndex: i, data: categories, triggerEvent: true } : { type: 'value' as const, gridIndex: i, minInterval: 1 },
    ),
    yAxis: APPEAL_GROUPS.map((_, i) =>
      side
        ? { type: 'value' as const, gridIndex: i, minInterval: 1 }
        : { type: 'category' as const, gridIndex: i, data: categories, inverse: true, triggerEvent: true, axisLabel: { width: 110, overflow: 'truncate' as const } },
    ),
    series: APPEAL_GROUPS.flatMap((g, i) =>
      CASE_RESULTS.map((res) => ({
        type: 'bar' as const,
        name: resultName(res),
        stack: g.key,
        xAxisIndex: i,
        yAxisIndex: i,
        barMaxWidth: 28,
        itemStyle: { color: RESULT_COLORS[res] },
        data: categories.map((dim) => value.get(`${dim}\u0000${g.key}\u0000${res}`) ?? 0),
      })),
    ),
  }
}

/**
 * Units with at least one case, most cases first. Units whose section 四 is all zeros add only
 * empty rows to three panels; the correction ranking and its table still list them.
 */
export function appealUnits(rows: readonly AppealResultRow[]): string[] {
  const total = new Map<string, number>()
  for (const r of rows) total.set(r.dim, (total.get(r.dim) ?? 0) + r.value)
  return [...total.keys()].filter((u) => total.get(u)! > 0).sort((a, b) => total.get(b)! - total.get(a)! || a.localeCompare(b, 'zh'))
}

/** Escaped tooltip line for the correction ranking: unit, rate, corrected of concluded. */
export function correctionTooltip(unit: string, rate: number | null, corrected: number, concluded: number, words: { corrected: string; concluded: string; rate: string }): string {
  return `${escapeHtml(unit)}<br/>${escapeHtml(words.rate)}：<b>${formatValue(rate, true)}</b><br/>${escapeHtml(words.corrected)} ${formatValue(corrected, false)} / ${escapeHtml(words.concluded)} ${formatValue(concluded, false)}`
}
