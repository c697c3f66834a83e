import { describe, expect, it } from 'vitest'
import type { ApplicantOutcomeRow, OutcomeRow } from '~/db/sql/outcomes'
import { outcomesSankeyOption } from '~/charts/options/outcomes-sankey'
import { outcomesStackOption, shadeOf } from '~/charts/options/outcomes-stack'
import { APPLICANT_COLORS, OUTCOME_COLORS } from '~/charts/theme'

type Any = any

const rows: OutcomeRow[] = [
  { dim: '2021', outcome: 'granted', row: 'result.granted', value: 6 },
  { dim: '2021', outcome: 'other', row: 'result.other.unpaid_fee', value: 2 },
  { dim: '2020', outcome: 'granted', row: 'result.granted', value: 1 },
  { dim: '2020', outcome: 'other', row: 'result.other.subtotal', value: 3 },
  { dim: '2020', outcome: 'withheld', row: 'result.withheld.state_secret', value: 0 },
]

describe('outcomes stacked option', () => {
  it('stacks the six outcome groups in print order with the theme colours', () => {
    const o: Any = outcomesStackOption(rows, { by: 'year', mode: 'count', level: 'groups', lang: 'zh', valueName: '件' })
    expect(o.series.map((s: Any) => s.name)).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理'])
    expect(o.series.map((s: Any) => s.itemStyle.color)).toEqual(Object.values(OUTCOME_COLORS))
    expect(new Set(o.series.map((s: Any) => s.stack)).size).toBe(1)
    expect(o.xAxis.data).toEqual(['2020', '2021'])
    expect(o.series[0].data).toEqual([1, 6])
    expect(o.series[5].data).toEqual([3, 2])
  })

  it('turns each category into 100 % in share mode', () => {
    const o: Any = outcomesStackOption(rows, { by: 'year', mode: 'share', level: 'groups', lang: 'en', valueName: '%' })
    const sums = o.xAxis.data.map((_: string, i: number) => o.series.reduce((a: number, s: Any) => a + s.data[i], 0))
    expect(sums[0]).toBeCloseTo(1)
    expect(sums[1]).toBeCloseTo(1)
    expect(o.yAxis.max).toBe(1)
    expect(o.series[0].name).toBe('Granted')
  })

  it('shows the reasons of one group, keeping the 2019 row apart from the 2021 sub-rows', () => {
    const o: Any = outcomesStackOption(rows, { by: 'year', mode: 'count', level: 'other', lang: 'zh', valueName: '件' })
    expect(o.series.map((s: Any) => s.name)).toEqual([
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '（六）其他处理',
    ])
    expect(o.series[0].data).toEqual([0, 2])
    expect(o.series[1].data).toEqual([3, 0])
    expect(o.series[0].itemStyle.color).toBe(OUTCOME_COLORS.other)
  })

  it('puts units on the vertical axis, largest total first', () => {
    const byUnit: OutcomeRow[] = [
      { dim: '甲镇', outcome: 'granted', row: 'result.granted', value: 1 },
      { dim: '乙镇', outcome: 'granted', row: 'result.granted', value: 5 },
    ]
    const o: Any = outcomesStackOption(byUnit, { by: 'unit', mode: 'count', level: 'groups', lang: 'zh', valueName: '件' })
    expect(o.yAxis.type).toBe('category')
    expect(o.yAxis.data).toEqual(['乙镇', '甲镇'])
  })

  it('shades reasons from the group colour towards white', () => {
    expect(shadeOf('#000000', 0, 3)).toBe('#000000')
    expect(shadeOf('#000000', 2, 3)).toBe('#999999')
  })
})

describe('outcomes sankey option', () => {
  const flows: ApplicantOutcomeRow[] = [
    { applicant: 'natural_person', outcome: 'granted', value: 5 },
    { applicant: 'legal.other', outcome: 'other', value: 1 },
    { applicant: 'legal.research', outcome: 'withheld', value: 0 },
  ]
  const o: Any = outcomesSankeyOption(flows, { lang: 'zh' })
  const s = o.series[0]

  it('links applicant types to outcome groups, dropping zero flows and unused nodes', () => {
    expect(s.links).toEqual([
      { source: 'applicant:natural_person', target: 'outcome:granted', value: 5 },
      { source: 'applicant:legal.other', target: 'outcome:other', value: 1 },
    ])
    expect(s.data.map((n: Any) => n.name)).toEqual(['applicant:natural_person', 'applicant:legal.other', 'outcome:granted', 'outcome:other'])
  })

  it('labels nodes with printed labels and colours them like every other chart', () => {
    expect(s.label.formatter({ name: 'applicant:legal.other' })).toBe('其他')
    expect(s.label.formatter({ name: 'outcome:other' })).toBe('其他处理')
    expect(s.data[0].itemStyle.color).toBe(APPLICANT_COLORS.natural_person)
    expect(s.data[3].itemStyle.color).toBe(OUTCOME_COLORS.other)
    expect(o.tooltip.formatter({ dataType: 'edge', data: s.links[0] })).toContain('自然人 → 予以公开')
  })
})
