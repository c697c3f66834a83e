import { describe, expect, it } from 'vitest'
import type { AppealResultRow, CorrectionRow } from '~/db/sql/appeal'
import { appealCorrectionOption } from '~/charts/options/appeal-correction'
import { appealResultsOption, appealUnits, RESULT_COLORS } from '~/charts/options/appeal-results'

type Any = any

const rows: AppealResultRow[] = [
  { dim: '2021', case_group: 'review', result: 'maintained', value: 2 },
  { dim: '2021', case_group: 'review', result: 'corrected', value: 1 },
  { dim: '2020', case_group: 'litigation.after_review', result: 'pending', value: 4 },
]

describe('appeal results option', () => {
  const o: Any = appealResultsOption(rows, { by: 'year', lang: 'zh' })

  it('draws one panel per case group, each stacked by the four results', () => {
    expect(o.grid).toHaveLength(3)
    // Side by side (a third of a phone each) the group's name is on its own line under 行政诉讼.
    expect(o.title.map((t: Any) => t.text)).toEqual(['行政复议', '行政诉讼\n未经复议直接起诉', '行政诉讼\n复议后起诉'])
    expect(appealResultsOption(rows, { by: 'unit', lang: 'zh' }).title).toMatchObject([{}, { text: '行政诉讼 · 未经复议直接起诉' }, {}])
    expect(o.series).toHaveLength(12)
    expect(new Set(o.series.map((s: Any) => s.stack))).toEqual(new Set(['review', 'litigation.direct', 'litigation.after_review']))
    expect(o.legend.data).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结'])
  })

  it('places values by year, group and result, with one colour per result across panels', () => {
    const find = (stack: string, name: string) => o.series.find((s: Any) => s.stack === stack && s.name === name)
    expect(o.xAxis[0].data).toEqual(['2020', '2021'])
    expect(find('review', '结果维持').data).toEqual([0, 2])
    expect(find('litigation.after_review', '尚未审结').data).toEqual([4, 0])
    expect(find('review', '结果纠正').itemStyle.color).toBe(RESULT_COLORS.corrected)
    expect(find('litigation.direct', '结果纠正').itemStyle.color).toBe(RESULT_COLORS.corrected)
  })

  it('switches to category-on-vertical-axis panels for units', () => {
    const u: Any = appealResultsOption([{ ...rows[0]!, dim: '甲局' }], { by: 'unit', lang: 'en' })
    expect(u.yAxis[0].type).toBe('category')
    expect(u.yAxis[0].data).toEqual(['甲局'])
    expect(u.legend.data[0]).toBe('Upheld')
  })
})

describe('appeal correction ranking option', () => {
  const ranking: CorrectionRow[] = [
    { unit: '丙局', corrected: 1, concluded: 1, rate: 1 },
    { unit: '<b>甲局</b>', corrected: 4, concluded: 8, rate: 0.5 },
    { unit: '乙局', corrected: 0, concluded: 0, rate: null },
  ]
  const o: Any = appealCorrectionOption(ranking, { rate: '纠错率', corrected: '纠正', concluded: '审结' }, { highlighted: '丙局' })

  it('labels each bar with the rate and the counts behind it', () => {
    expect(o.series[0].data.map((d: Any) => d.value)).toEqual([1, 0.5, '-'])
    expect(o.series[0].data[1].label.formatter).toBe('50% (4/8)')
    expect(o.xAxis.max).toBe(1)
  })

  it('highlights the crossfilter unit and escapes names in tooltips', () => {
    expect(o.series[0].data[0].itemStyle.color).not.toBe(o.series[0].data[1].itemStyle.color)
    const html: string = o.tooltip.formatter({ dataIndex: 1 })
    expect(html).not.toContain('<b>甲局')
    expect(html).toContain('甲局')
    expect(html).toContain('纠正 4 / 审结 8')
  })
})

describe('appeal units', () => {
  it('leaves units without any case out of the result panels, most cases first', () => {
    expect(appealUnits([
      { dim: '甲局', case_group: 'review', result: 'maintained', value: 1 },
      { dim: '乙局', case_group: 'review', result: 'maintained', value: 0 },
      { dim: '丙局', case_group: 'review', result: 'corrected', value: 3 },
    ])).toEqual(['丙局', '甲局'])
  })
})
