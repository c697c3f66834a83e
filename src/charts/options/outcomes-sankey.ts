import type { EChartsOption } from 'echarts'
import { APPLICANT_COLS, type ApplicantOutcomeRow } from '~/db/sql/outcomes'
import { OUTCOME_GROUPS } from '~/report/model'
import { APPLICANT_COLORS, OUTCOME_COLORS } from '../theme'
import { escapeHtml, formatValue, type Lang } from './compare-helpers'

/** Node ids: applicant columns and outcome groups share no id even where labels look alike (其他 / 其他处理). */
const applicantId = (key: string) => `applicant:${key}`
const outcomeId = (key: string) => `outcome:${key}`

/**
 * Applicant type → outcome group flow (the section 三 matrix): six applicant nodes on the left,
 * six outcome groups on the right, links sized by applications decided. Zero links are left out
 * (ECharts cannot draw them); nodes keep the theme's fixed applicant and outcome colours.
 */
export function outcomesSankeyOption(rows: readonly ApplicantOutcomeRow[], opts: { lang: Lang }): EChartsOption {
  const links = rows.filter((r) => r.value > 0).map((r) => ({ source: applicantId(r.applicant), target: outcomeId(r.outcome), value: r.value }))
  const used = new Set(links.flatMap((l) => [l.source, l.target]))
  const labelOf = new Map<string, string>()
  const nodes = [
    ...APPLICANT_COLS.map((c) => {
      labelOf.set(applicantId(c.key), c.label[opts.lang])
      return { name: applicantId(c.key), itemStyle: { color: APPLICANT_COLORS[c.key] } }
    }),
    ...OUTCOME_GROUPS.map((g) => {
      labelOf.set(outcomeId(g.key), g.label[opts.lang])
      return { name: outcomeId(g.key), itemStyle: { color: OUTCOME_COLORS[g.key] } }
    }),
  ].filter((n) => used.has(n.name))
  const name = (id: string) => labelOf.get(id) ?? id
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { dataType, data } = p as { dataType?: string; data: { name?: string; source?: string; target?: string; value?: number } }
        if (dataType === 'edge') return `${escapeHtml(name(data.source!))} → ${escapeHtml(name(data.target!))}：<b>${formatValue(data.value, false)}</b>`
        return escapeHtml(name(data.name ?? ''))
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 112,
        top: 16,
        bottom: 16,
        nodeGap: 12,
        draggable: false,
        data: nodes,
        links,
        lineStyle: { color: 'gradient', opacity: 0.45 },
        label: { formatter: (p: unknown) => name((p as { name: string }).name) },
        emphasis: { focus: 'adjacency' },
      },
    ],
  }
}
