import type { EChartsOption } from 'echarts'
import { PALETTE } from '../theme'
import { escapeHtml, formatValue, GREY_TEXT, rankingAxes } from './compare-helpers'
import { isRatioMetric, rankRows, type AreaRow, type ProvinceMetric } from './province-data'

/** Texts the ranking shows (from i18n). */
export interface ProvinceRankingLabels {
  metric: string
  /** "基于 {received}/{expected} 份报告" with the numbers filled in, for a row below the coverage threshold. */
  basis: (received: number, expected: number) => string
  /** Tooltip text of a row whose share has no value (nothing decided / no concluded case). */
  noValue: string
}

const BASE = PALETTE[0]!
/** A row below the coverage threshold: its bar greyed, its name grey, its label says on how many reports it rests. */
const LOW_BAR = '#c9ced6'
/** Demo data: the synthetic banner's amber, so it is never read as a real province. */
const SYNTHETIC_BAR = '#e6c08a'

/**
 * Districts (or provinces) ranked by a metric for one year, largest at the top, as horizontal bars.
 * Rows below the coverage threshold come last, greyed and labelled "基于 n/N 份报告", so a partial sum
 * is never ranked as if complete; synthetic rows come after all real ones, in amber. Each data item
 * carries the row's `key` for the click.
 */
export function provinceRankingOption(rows: readonly AreaRow[], metric: ProvinceMetric, labels: ProvinceRankingLabels): EChartsOption {
  const ratio = isRatioMetric(metric)
  const ranked = rankRows(rows, metric)
  const name = (r: AreaRow) => r.name || '—'
  return {
    grid: { left: 8, right: 150, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const r = ranked[(p as { dataIndex: number }).dataIndex]
        if (!r) return ''
        const v = r.values[metric]
        const n = r.n[metric]
        const value = v === null ? labels.noValue : `${formatValue(v, ratio)}${n !== undefined && metric !== 'coverage' ? ` (n=${n})` : ''}`
        return `${escapeHtml(name(r))}<br/>${escapeHtml(labels.metric)}：<b>${escapeHtml(value)}</b><br/>${escapeHtml(labels.basis(r.received, r.expected))}`
      },
    },
    ...rankingAxes(ranked.map((r) => ({ name: name(r), grey: r.low })), ratio),
    series: [
      {
        type: 'bar',
        name: labels.metric,
        barMaxWidth: 18,
        data: ranked.map((r) => ({
          value: r.values[metric] ?? '-',
          key: r.key,
          low: r.low,
          basis: labels.basis(r.received, r.expected),
          itemStyle: { color: r.low ? LOW_BAR : r.synthetic ? SYNTHETIC_BAR : BASE },
          ...(r.low ? { label: { color: GREY_TEXT } } : {}),
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: unknown) => {
            const { data, value } = p as { data?: { low?: boolean; basis?: string }; value: number | string }
            const text = typeof value === 'number' ? formatValue(value, ratio) : '—'
            return data?.low ? `${text} · ${data.basis ?? ''}` : text
          },
        },
      },
    ],
  }
}

/** The row key of a clicked bar or axis label (the label's value is the row's name). */
export function rankingClickKey(params: unknown, rows: readonly AreaRow[]): string | null {
  const p = params as { componentType?: string; data?: { key?: unknown }; value?: unknown }
  if (p.componentType === 'series' && typeof p.data?.key === 'string') return p.data.key
  if (p.componentType === 'yAxis' && typeof p.value === 'string') return rows.find((r) => r.name === p.value)?.key ?? null
  return null
}
