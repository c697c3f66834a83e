import { describe, expect, it } from 'vitest'
import { coverageByYearOption } from '~/charts/options/coverage-by-year'
import { STATUS_COLORS } from '~/charts/theme'
import { unitTrendOption } from '~/charts/options/unit-trend'

type Series = { name: string; data: unknown[]; lineStyle?: { type?: string }; connectNulls?: boolean; stack?: string; itemStyle?: { color?: string } }

describe('unit trend option', () => {
  const points = [
    { year: 2020, unit_value: null, district_median: 3 },
    { year: 2021, unit_value: 10, district_median: 8 },
  ]
  const labels = { unit: '甲镇', median: '全区中位数', metric: '本年新收申请' }

  it('draws the unit as a line with gaps for years without a report, and the median dashed', () => {
    const option = unitTrendOption(points, labels, false)
    const series = option.series as Series[]
    expect((option.xAxis as { data: string[] }).data).toEqual(['2020', '2021'])
    expect(series[0]).toMatchObject({ name: '甲镇', data: [null, 10], connectNulls: false })
    expect(series[1]).toMatchObject({ name: '全区中位数', data: [3, 8], lineStyle: { type: 'dashed' } })
  })

  it('shows ratio metrics as percentages capped at 100 %', () => {
    const option = unitTrendOption(points, labels, true)
    const yAxis = option.yAxis as { max?: number; axisLabel: { formatter: (v: number) => string } }
    expect(yAxis.max).toBe(1)
    expect(yAxis.axisLabel.formatter(0.256)).toBe('25.6%')
    const plain = unitTrendOption(points, labels, false).yAxis as { max?: number; axisLabel: { formatter: (v: number) => string } }
    expect(plain.max).toBeUndefined()
    expect(plain.axisLabel.formatter(12345)).toBe('12,345')
  })
})

describe('coverage by year option', () => {
  it('stacks received, duplicate, not published and not collected per year in the status colours', () => {
    const option = coverageByYearOption(
      [{ year: 2020, received: 20, duplicate: 1, not_published: 3, not_collected: 4 }, { year: 2021, received: 22, duplicate: 0, not_published: 2, not_collected: 0 }],
      { received: '已收到', duplicate: '重复', not_published: '未发布', not_collected: '未收录' },
    )
    const series = option.series as Series[]
    expect(series.map((s) => s.name)).toEqual(['已收到', '重复', '未发布', '未收录'])
    expect(series.every((s) => s.stack === 'units')).toBe(true)
    expect(series[2]).toMatchObject({ data: [3, 2], itemStyle: { color: STATUS_COLORS.not_published } })
    expect(series[3]).toMatchObject({ data: [4, 0], itemStyle: { color: STATUS_COLORS.not_collected } })
    expect(STATUS_COLORS.not_collected).not.toBe(STATUS_COLORS.not_published)
  })
})
