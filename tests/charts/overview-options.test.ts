import { describe, expect, it } from 'vitest'
import { buildKpis, KPI_MIN_COVERAGE, kpiBasis, type KpiChange } from '~/charts/options/overview-kpis'
import { changeFromSummary } from '~/composables/kpi-change'
import { trendOption, yearAxisLabel } from '~/charts/options/overview-trend'
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
  const years = [y(2020, { new: 10, granted_share: 0.5, correction_rate: 0.2 }), y(2021, { new: 7, granted_share: 0.75, correction_rate: 0.3 })]
  const like = (units: number): KpiChange => ({ year: 2021, units, prev: years[0]!.metrics, cur: years[1]!.metrics })
  it('shows the chosen year with the like-for-like change from the previous year', () => {
    const k = buildKpis(years, 2021, 'zh', like(2))
    const byKey = Object.fromEntries(k.map((x) => [x.key, x]))
    expect(byKey.new).toMatchObject({ value: '7', delta: '较上年 −3', trend: 'down', label: '本年新收申请' })
    expect(byKey.granted_share).toMatchObject({ value: '75%', delta: '较上年 +25 个百分点', trend: 'up', label: '公开率' })
  })
  it('colours a change by the metric’s good direction, volumes neutral', () => {
    const byKey = Object.fromEntries(buildKpis(years, 2021, 'zh', like(2)).map((x) => [x.key, x]))
    expect(byKey.granted_share!.meaning).toBe('good') // 公开率 up
    expect(byKey.correction_rate!.meaning).toBe('bad') // 纠错率 up
    expect(byKey.new!.meaning).toBe('neutral') // a volume falls: neither good nor bad
    const down = Object.fromEntries(buildKpis(years, 2021, 'zh', { ...like(2), prev: years[1]!.metrics, cur: years[0]!.metrics }).map((x) => [x.key, x]))
    expect(down.granted_share).toMatchObject({ trend: 'down', meaning: 'bad' })
    expect(down.correction_rate).toMatchObject({ trend: 'down', meaning: 'good' })
  })
  it('never compares district totals: no change without a like-for-like basis, or with no unit in both years', () => {
    expect(buildKpis(years, 2021, 'zh').find((x) => x.key === 'new')).toMatchObject({ value: '7', delta: '', trend: null })
    expect(buildKpis(years, 2021, 'zh', like(0)).find((x) => x.key === 'new')!.delta).toBe('')
    // The change is that of the common units, not of the totals.
    const common = { year: 2021, units: 1, prev: { new: 4 }, cur: { new: 6 } }
    expect(buildKpis(years, 2021, 'zh', common).find((x) => x.key === 'new')).toMatchObject({ value: '7', delta: '较上年 +2' })
  })
  it('has no change for the first year and dashes for missing values', () => {
    const k = buildKpis(years, 2020, 'en')
    expect(k.find((x) => x.key === 'new')).toMatchObject({ delta: '', trend: null, label: 'New applications' })
    expect(k.find((x) => x.key === 'review')!.value).toBe('—')
  })
  it('shows dashes, not zeros, for a year without any report', () => {
    const none = { ...y(2022, { new: 0 }), received: 0 }
    const k = buildKpis([...years, none], 2022, 'zh')
    expect(k.find((x) => x.key === 'new')).toMatchObject({ value: '—', delta: '', trend: null, raw: null })
  })
  it('suppresses district totals below the coverage threshold and says on what basis they stand', () => {
    const thin = { ...y(2021, { new: 3 }), expected: 28, received: 1 }
    expect(kpiBasis([thin], 2021)).toEqual({ received: 1, expected: 28, shown: false })
    expect(buildKpis([thin], 2021, 'zh').find((x) => x.key === 'new')).toMatchObject({ value: '—', raw: null })
    const half = { ...thin, received: Math.ceil(28 * KPI_MIN_COVERAGE) }
    expect(kpiBasis([half], 2021)!.shown).toBe(true)
    expect(buildKpis([half], 2021, 'zh').find((x) => x.key === 'new')!.value).toBe('3')
  })
})

describe('changeFromSummary', () => {
  it('uses district totals only when both years hold the same units with tables', () => {
    const years = [y(2020, { new: 10 }), y(2021, { new: 7 })]
    const summary = (units2021: string[]) => ({
      by_unit_year: [
        ...['甲', '乙'].map((unit) => ({ unit, year: 2020, cells: 100, metrics: {} })),
        ...units2021.map((unit) => ({ unit, year: 2021, cells: unit === '丙' ? 0 : 100, metrics: {} })),
      ],
    }) as unknown as DistrictSummary
    expect(changeFromSummary(summary(['甲', '乙']), years, 2021)).toMatchObject({ units: 2, prev: { new: 10 }, cur: { new: 7 } })
    expect(changeFromSummary(summary(['甲']), years, 2021)).toBeNull()
    expect(changeFromSummary(summary(['甲', '乙', '丙']), years, 2021)).toMatchObject({ units: 2 }) // 丙: a report without tables
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
  it('leaves a year without reports empty (no value, not 0) and marks incomplete years n/N', () => {
    const withGap = [y(2020, { 'new.natural_person': 4 }), { ...y(2021, { 'new.natural_person': 0 }), received: 0 }, { ...y(2022, { 'new.natural_person': 5 }), received: 3 }]
    const o = trendOption(withGap, 'zh', null) as { xAxis: { axisLabel: { formatter: (v: string) => string } }; series: { data: { value: number | null }[] }[]; tooltip: { formatter: (p: unknown) => string } }
    expect(o.series[0]!.data.map((d) => d.value)).toEqual([4, null, 5])
    expect(['2020', '2021', '2022'].map(o.xAxis.axisLabel.formatter)).toEqual(['2020\n2/3', '2021\n0/3', '2022'])
    expect(o.tooltip.formatter([{ axisValue: '2021', seriesName: '自然人', value: null }])).toContain('未收到报告')
    expect(yearAxisLabel({ year: 2019, received: 21, expected: 22 })).toBe('2019\n21/22')
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
  it('says a year without any report has no report — not that nothing was decided — and shows no number', () => {
    const o = outcomeMixOption({ ...y(2023, {}), received: 0 }, 'zh') as { title: { text: string; subtext: string }; tooltip: { formatter: (p: unknown) => string } }
    expect(o.title).toMatchObject({ text: '—', subtext: '2023 年未收到报告' })
    expect(o.tooltip.formatter({ name: '予以公开', value: 0 })).toBe('予以公开: —')
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
