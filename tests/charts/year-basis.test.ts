import { describe, expect, it } from 'vitest'
import { withYearBasis, yearAxisLabel } from '~/charts/options/year-basis'
import type { ChartOption } from '~/charts/echarts'

const BASIS = [{ year: 2020, received: 21, expected: 22 }, { year: 2021, received: 22, expected: 22 }]
const fmt = (axis: any) => (v: string) => axis.axisLabel.formatter(v)

describe('incomplete years on every trend (issue 10 item 5)', () => {
  it('labels an incomplete year received/expected under the year, a complete one plainly', () => {
    expect(yearAxisLabel(BASIS[0]!)).toBe('2020\n21/22')
    expect(yearAxisLabel(BASIS[1]!)).toBe('2021')
  })

  it('marks every year category axis — single or one per panel — and leaves unit axes alone', () => {
    const option = {
      xAxis: [{ type: 'category', data: ['2020', '2021'] }, { type: 'category', data: ['2020', '2021'], axisLabel: { color: '#333' } }],
      yAxis: { type: 'category', data: ['甲镇', '乙镇'] },
    } as unknown as ChartOption
    const out = withYearBasis(option, BASIS) as any
    expect(out.xAxis.map((a: any) => fmt(a)('2020'))).toEqual(['2020\n21/22', '2020\n21/22'])
    expect(fmt(out.xAxis[0])('2021')).toBe('2021')
    expect(out.xAxis[1].axisLabel.color).toBe('#333')
    expect(out.yAxis.axisLabel).toBeUndefined()
    expect((option as any).xAxis[0].axisLabel).toBeUndefined() // the input is not changed
  })

  it('changes nothing when every year is complete or the basis is not known yet', () => {
    const option = { xAxis: { type: 'category', data: ['2021'] } } as unknown as ChartOption
    expect(withYearBasis(option, [BASIS[1]!])).toBe(option)
    expect(withYearBasis(option, null)).toBe(option)
  })
})
