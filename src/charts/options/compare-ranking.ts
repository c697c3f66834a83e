import type { EChartsOption } from 'echarts'
import type { RankingRow } from '~/db/sql/compare'
import { PALETTE } from '../theme'
import { escapeHtml, formatValue, GREY_TEXT, rankingAxes } from './compare-helpers'

/** Texts the ranking chart shows (from i18n). */
export interface RankingLabels {
  /** The metric's printed label, for the axis and tooltip. */
  metric: string
  /** Tooltip text for a unit without a value (no report in scope printed the cells). */
  noValue: string
  /** Bar label of an expected unit without a report: not collected (未收录) / not published (未发布). */
  notCollected: string
  notPublished: string
}

const BASE = PALETTE[0]!
const DIMMED = '#b9c8de'
const ACCENT = '#e08a3c'
/** Label colours of units without a report: grey for 未收录 (not the unit's fault), red for 未发布. */
const MISSING_TEXT = { not_collected: GREY_TEXT, not_published: '#b03a36' } as const

/**
 * The ranking's rows in one stable order: units with a value by value (largest first), then units
 * whose reports lack the value, then units without a report — ties and each group in the
 * registry order `unitOrder` (the coverage grid's and the heatmap's), not by name or kind.
 */
export function orderRanking(rows: readonly RankingRow[], unitOrder: (a: string, b: string) => number): RankingRow[] {
  const group = (r: RankingRow) => (r.missing ? 2 : r.value === null ? 1 : 0)
  return [...rows].sort((a, b) => group(a) - group(b) || (a.value !== null && b.value !== null ? b.value - a.value : 0) || unitOrder(a.unit, b.unit))
}

/**
 * Units ranked by a metric, largest at the top, as horizontal bars. Units in `highlighted` (the
 * crossfilter or the chosen units) are drawn in the accent colour; units without a value keep
 * their row with an empty bar, so the ranking never hides that they exist.
 */
export function compareRankingOption(
  rows: readonly RankingRow[],
  labels: RankingLabels,
  opts: { ratio: boolean; highlighted: readonly string[] },
): EChartsOption {
  const missingText = (m: 'not_collected' | 'not_published') => (m === 'not_published' ? labels.notPublished : labels.notCollected)
  const marked = new Set(opts.highlighted)
  const anyMarked = marked.size > 0
  return {
    // top: room for the value axis under the card's PNG button; the card title names the metric.
    grid: { left: 8, right: 56, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { dataIndex } = p as { dataIndex: number }
        const row = rows[dataIndex]
        if (!row) return ''
        const value = row.missing ? missingText(row.missing) : row.value === null ? labels.noValue : formatValue(row.value, opts.ratio)
        return `${escapeHtml(row.unit)}<br/>${escapeHtml(labels.metric)}：<b>${escapeHtml(value)}</b>`
      },
    },
    // Units without a report come last (the caller's order, see orderRanking), their names greyed.
    ...rankingAxes(rows.map((r) => ({ name: r.unit, grey: !!r.missing })), opts.ratio),
    series: [
      {
        type: 'bar',
        name: labels.metric,
        barMaxWidth: 18,
        data: rows.map((r) => ({
          // A unit without a report keeps its row with a 0-length bar that carries the 未收录/未发布 label.
          value: r.missing ? 0 : (r.value ?? '-'),
          unit: r.unit,
          missing: r.missing,
          itemStyle: { color: marked.has(r.unit) ? ACCENT : anyMarked ? DIMMED : BASE },
          ...(r.missing ? { label: { color: MISSING_TEXT[r.missing] } } : {}),
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: unknown) => {
            const { data, value } = p as { data?: { missing?: 'not_collected' | 'not_published' | null }; value: number }
            return data?.missing ? missingText(data.missing) : formatValue(value, opts.ratio)
          },
        },
      },
    ],
  }
}
