import { describe, expect, it } from 'vitest'
import { buildKpis } from '~/charts/options/overview-kpis'
import { trendOption } from '~/charts/options/overview-trend'
import { outcomeMixOption } from '~/charts/options/overview-outcomes'
import { overviewKey, yearsFromRows, yearsFromSummary, type OverviewYear } from '~/charts/options/overview-data'
import { APPLICANT_METRICS } from '~/db/sql/overview'
import { OUTCOME_COLORS } from '~/charts/theme'
import { formatCompact, formatCount, formatDelta, formatShare, escapeHtml } from '~/charts/format'
import type { DistrictSummary } from '~/db/summary'

const y = (year: number, metrics: Record<string, number | null>): OverviewYear => ({ year, expected: 3, received: 2, metrics })

describe('format', () => {
  it('formats for Chinese readers', () => {
    expect(formatCount(12345)).toBe('12,345')
    expect(formatCompact(123456)).toBe('12.3万')
    expect(formatCompact(230000000)).toBe('2.3亿')
    expect(formatShare(0.8333)).toBe('83.3%')
    expect(formatDelta(-3, 'count')).toBe('−3')
    expect(formatDelta(0.025, 'share')).toBe('+2.5 个百分点')
    expect(formatCount(null)).toBe('—')
    expect(escapeHtml('<b>甲&"乙\'</b>')).toBe('&#60;b&#62;甲&#38;&#34;乙&#39;&#60;/b&#62;')
  })
})

describe('buildKpis', () => {
  const years = [y(2020, { new: 10, granted_share: 0.5 }), y(2021, { new: 7, granted_share: 0.75 })]
  it('shows the chosen year with the change from the previous year', () => {
    const k = buildKpis(years, 2021, 'zh')
    const byKey = Object.fromEntries(k.map((x) => [x.key, x]))
    expect(byKey.new).toMatchObject({ value: '7', delta: '较上年 −3', trend: 'down', label: '本年新收申请' })
    expect(byKey.granted_share).toMatchObject({ value: '75%', delta: '较上年 +25 个百分点', trend: 'up', label: '公开率' })
  })
  it('has no change for the first year and dashes for missing values', () => {
    const k = buildKpis(years, 2020, 'en')
    expect(k.find((x) => x.key === 'new')).toMatchObject({ delta: '', trend: null, label: 'New applications' })
    expect(k.find((x) => x.key === 'review')!.value).toBe('—')
  })
  it('shows dashes, not zeros, for a year without any report, and compares with no such year', () => {
    const none = { ...y(2022, { new: 0 }), received: 0 }
    const after = y(2023, { new: 4 })
    const k = buildKpis([...years, none, after], 2022, 'zh')
    expect(k.find((x) => x.key === 'new')).toMatchObject({ value: '—', delta: '', trend: null, raw: null })
    expect(buildKpis([...years, none, after], 2023, 'zh').find((x) => x.key === 'new')).toMatchObject({ value: '4', delta: '' })
  })
})

describe('trendOption', () => {
  const years = [y(2020, { 'new.natural_person': 4, 'new.legal.commercial': 1 }), y(2021, { 'new.natural_person': 6 })]
  it('stacks one series per applicant type over the years', () => {
    const o = trendOption(years, 'zh', null) as { xAxis: { data: string[] }; series: { name: string; stack: string; data: { value: number }[] }[] }
    expect(o.xAxis.data).toEqual(['2020', '2021'])
    expect(o.series.map((s) => s.stack)).toEqual(APPLICANT_METRICS.map(() => 'new'))
    expect(o.series[0]!.name).toBe('自然人')
    expect(o.series[0]!.data.map((d) => d.value)).toEqual([4, 6])
    expect(o.series[1]!.data.map((d) => d.value)).toEqual([1, 0])
  })
  it('fades the years that are not the crossfilter selection', () => {
    const o = trendOption(years, 'en', 2021) as { series: { data: { itemStyle?: { opacity: number } }[] }[] }
    expect(o.series[0]!.data[0]!.itemStyle).toEqual({ opacity: 0.35 })
    expect(o.series[0]!.data[1]!.itemStyle).toBeUndefined()
  })
})

describe('outcomeMixOption', () => {
  it('uses the fixed outcome colours and the year total', () => {
    const o = outcomeMixOption(y(2021, { granted: 3, partial: 1, withheld: 0, unable: 2, not_processed: 0, other: 0 }), 'zh') as {
      series: { data: { name: string; value: number; itemStyle: { color: string } }[] }[]
      title: { text: string }
    }
    expect(o.series[0]!.data.map((d) => d.value)).toEqual([3, 1, 0, 2, 0, 0])
    expect(o.series[0]!.data[0]!.itemStyle.color).toBe(OUTCOME_COLORS.granted)
    expect(o.title.text).toBe('6')
  })
  it('draws no slices when nothing was decided, and says so', () => {
    const o = outcomeMixOption(y(2025, { granted: 0, partial: 0, withheld: 0, unable: 0, not_processed: 0, other: 0 }), 'zh') as {
      series: { stillShowZeroSum: boolean }[]
      title: { subtext: string }
    }
    expect(o.series[0]!.stillShowZeroSum).toBe(false)
    expect(o.title.subtext).toBe('2025 年无办结申请')
  })
})

describe('overview data', () => {
  it('summary and SQL rows with the same numbers give the same key (no redraw on switch)', () => {
    const summary = {
      by_year: [{ year: 2021, expected: 2, received: 2, metrics: { new: 18, granted_share: 0.7000000000000001, extra_metric: 5 } }],
    } as unknown as DistrictSummary
    const fromSummary = yearsFromSummary(summary, null)
    const fromSql = yearsFromRows([{ year: 2021, expected: 2, received: 2, new: 18, granted_share: 0.7 }])
    expect(overviewKey(fromSql)).toBe(overviewKey(fromSummary))
    expect(overviewKey(yearsFromRows([{ year: 2021, expected: 2, received: 2, new: 19, granted_share: 0.7 }]))).not.toBe(overviewKey(fromSummary))
  })
  it('restricts summary years to the range', () => {
    const summary = { by_year: [2019, 2020, 2021].map((year) => ({ year, expected: 1, received: 1, metrics: {} })) } as unknown as DistrictSummary
    expect(yearsFromSummary(summary, [2020, 2021]).map((x) => x.year)).toEqual([2020, 2021])
  })
})
