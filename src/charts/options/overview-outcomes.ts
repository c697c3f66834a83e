import type { ChartOption } from '../echarts'
import { OUTCOME_GROUPS } from '~/report/model/apply'
import { OUTCOME_COLORS } from '../theme'
import { escapeHtml, formatCount, formatShare } from '../format'
import type { OverviewYear } from './overview-data'

/**
 * Outcome mix of the decided applications of one year: a ring of the six outcome groups. With
 * nothing decided the ring stays empty (ECharts would otherwise draw six equal slices of zero).
 */
export function outcomeMixOption(year: OverviewYear | undefined, locale: 'zh' | 'en'): ChartOption {
  // A year without any report has no outcome mix at all: no slices, a dash, and a subtitle that says so.
  const none = !year || year.received === 0
  const data = OUTCOME_GROUPS.map((g) => ({
    name: locale === 'en' ? g.label.en : g.label.zh,
    value: none ? 0 : (year.metrics[g.key] ?? 0),
    itemStyle: { color: OUTCOME_COLORS[g.key] },
  }))
  const total = data.reduce((a, d) => a + d.value, 0)
  const y = year?.year ?? ''
  const subtext = none
    ? locale === 'en' ? `no report received for ${y}` : `${y} 年未收到报告`
    : total > 0 ? (locale === 'en' ? `decided ${y}` : `${y} 年办结`) : locale === 'en' ? `nothing decided in ${y}` : `${y} 年无办结申请`
  return {
    aria: { enabled: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, value } = p as { name: string; value: number }
        return none ? `${escapeHtml(name)}: —` : `${escapeHtml(name)}: ${formatCount(value)} (${formatShare(total > 0 ? value / total : null)})`
      },
    },
    // Legend under the ring (beside it, it covered the ring on a phone), wrapped, never scrolled:
    // EChart.vue lifts the ring and its centred total above the legend's rows (legend-fit.ts).
    legend: { orient: 'horizontal', bottom: 0, left: 'center', type: 'plain' },
    title: { text: none ? '—' : formatCount(total), subtext, left: '50%', top: '36%', textAlign: 'center', textStyle: { fontSize: 20 } },
    series: [{ type: 'pie', radius: ['45%', '70%'], center: ['50%', '45%'], avoidLabelOverlap: true, stillShowZeroSum: false, label: { show: false }, data }],
  }
}
