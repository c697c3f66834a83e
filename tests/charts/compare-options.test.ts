import { describe, expect, it } from 'vitest'
import type { HeatmapRow, RankingRow, UnitYearRow } from '~/db/sql/compare'
import { compareHeatmapOption, HEATMAP_SERIES, NOT_COLLECTED_FILL, NOT_PUBLISHED_FILL } from '~/charts/options/compare-heatmap'
import { clickTarget, escapeHtml } from '~/charts/options/compare-helpers'
import { compareRankingOption } from '~/charts/options/compare-ranking'
import { compareUnitsOption, MAX_CHOSEN_UNITS } from '~/charts/options/compare-units'

type Any = any

const EVIL = '<img src=x onerror=alert(1)>镇'

describe('compare ranking option', () => {
  const rows: RankingRow[] = [
    { district: 'd', unit: '甲镇', unit_kind: '镇', value: 12, reports: 2, missing: null },
    { district: 'd', unit: EVIL, unit_kind: '镇', value: 3, reports: 1, missing: null },
    { district: 'd', unit: '丙镇', unit_kind: '镇', value: null, reports: 1, missing: null },
  ]
  const LABELS = { metric: '本年新收申请', noValue: '无数据', notCollected: '未收录', notPublished: '未发布' }
  const option: Any = compareRankingOption(rows, LABELS, { ratio: false, highlighted: ['甲镇'] })

  it('keeps the SQL order with the largest on top and an empty bar for a unit without value', () => {
    expect(option.yAxis.data).toEqual(['甲镇', EVIL, '丙镇'])
    expect(option.yAxis.inverse).toBe(true)
    expect(option.series[0].data.map((d: Any) => d.value)).toEqual([12, 3, '-'])
  })

  it('marks highlighted units and dims the rest', () => {
    const colors = option.series[0].data.map((d: Any) => d.itemStyle.color)
    expect(colors[0]).not.toBe(colors[1])
    expect(colors[1]).toBe(colors[2])
  })

  it('escapes unit names in the tooltip and says when there is no value', () => {
    const html: string = option.tooltip.formatter({ dataIndex: 1 })
    expect(html).not.toContain('<img')
    expect(html).toContain(escapeHtml(EVIL))
    expect(option.tooltip.formatter({ dataIndex: 2 })).toContain('无数据')
  })

  it('formats ratio metrics as percentages with a fixed 0–100 % axis', () => {
    const ratio: Any = compareRankingOption([{ ...rows[0]!, value: 0.5 }], { ...LABELS, metric: '公开率', noValue: '—' }, { ratio: true, highlighted: [] })
    expect(ratio.xAxis.max).toBe(1)
    expect(ratio.series[0].label.formatter({ value: 0.5 })).toBe('50%')
  })

  it('shows units without a report greyed at the end, labelled 未收录 / 未发布 — not as a 0', () => {
    const withMissing: RankingRow[] = [
      ...rows,
      { district: 'd', unit: '丁镇', unit_kind: '镇', value: null, reports: 0, missing: 'not_collected' },
      { district: 'd', unit: '戊镇', unit_kind: '镇', value: null, reports: 0, missing: 'not_published' },
    ]
    const o: Any = compareRankingOption(withMissing, LABELS, { ratio: false, highlighted: [] })
    expect(o.yAxis.data.slice(3)).toEqual([{ value: '丁镇', textStyle: { color: '#65686e' } }, { value: '戊镇', textStyle: { color: '#65686e' } }])
    const items = o.series[0].data
    expect(o.series[0].label.formatter({ data: items[3], value: 0 })).toBe('未收录')
    expect(o.series[0].label.formatter({ data: items[4], value: 0 })).toBe('未发布')
    expect(o.tooltip.formatter({ dataIndex: 4 })).toContain('未发布')
    expect(o.series[0].label.formatter({ data: items[0], value: 12 })).toBe('12')
  })
})

describe('compare heatmap option', () => {
  const row = (unit: string, year: number, status: HeatmapRow['status'], value: number | null, cells_present = value === null ? 0 : 1): HeatmapRow =>
    ({ district: 'd', unit, unit_code: null, year, status, value, cells_present })
  const rows: HeatmapRow[] = [
    row('甲镇', 2020, 'received', 4), row('甲镇', 2021, 'received', 0),
    row('乙镇', 2020, 'not_collected', null), row('乙镇', 2021, 'duplicate', 7),
    row('丁镇', 2020, 'not_published', null), row('丁镇', 2021, 'received', 1),
    row('丙局', 2020, 'not_expected', null), row('丙局', 2021, 'received', null),
  ]
  const labels = { metric: '本年新收申请', notCollected: '未收录', notPublished: '未发布', noData: '无此项', notComputable: '—', duplicate: '重复报告' }
  const option: Any = compareHeatmapOption(rows, labels, { ratio: false })
  const series = (id: string) => option.series.find((s: Any) => s.id === id)

  it('puts a reported zero on the value ramp, a report not collected in a hatched grey layer and one not published in red', () => {
    const zero = series(HEATMAP_SERIES.values).data.find((d: Any) => d.unit === '甲镇' && d.year === 2021)
    expect(zero.value[2]).toBe(0)
    const missing = series(HEATMAP_SERIES.notCollected)
    expect(missing.data.map((d: Any) => [d.unit, d.year])).toEqual([['乙镇', 2020]])
    expect(missing.itemStyle.color).toBe(NOT_COLLECTED_FILL)
    expect(missing.itemStyle.decal).toBeDefined()
    expect(missing.label.formatter({ data: missing.data[0] })).toBe('未收录')
    const unpublished = series(HEATMAP_SERIES.notPublished)
    expect(unpublished.data.map((d: Any) => [d.unit, d.year])).toEqual([['丁镇', 2020]])
    expect(unpublished.itemStyle.color).toBe(NOT_PUBLISHED_FILL)
    expect(unpublished.itemStyle.decal).toBeUndefined()
    expect(unpublished.label.formatter({ data: unpublished.data[0] })).toBe('未发布')
    expect(option.visualMap.seriesIndex).toBe(0)
  })

  it('leaves not-expected cells blank and marks reports without the metric apart', () => {
    const all = option.series.flatMap((s: Any) => s.data)
    expect(all.some((d: Any) => d.unit === '丙局' && d.year === 2020)).toBe(false)
    const noData = series(HEATMAP_SERIES.noData)
    expect(noData.data.map((d: Any) => [d.unit, d.year])).toEqual([['丙局', 2021]])
    expect(noData.label.formatter({ data: noData.data[0] })).toBe('无此项')
  })

  it('labels a ratio that cannot be computed (0 ÷ 0) apart from a report lacking the cells', () => {
    const o: Any = compareHeatmapOption([row('甲镇', 2021, 'received', null, 2)], labels, { ratio: true })
    const cell = o.series.find((s: Any) => s.id === HEATMAP_SERIES.noData).data[0]
    expect(o.series[2].label.formatter({ data: cell })).toBe('—')
  })

  it('writes white numbers on dark cells and dark numbers on light ones', () => {
    const values = series(HEATMAP_SERIES.values).data
    const color = (u: string, y: number) => values.find((d: Any) => d.unit === u && d.year === y).label.color
    expect(color('乙镇', 2021)).toBe('#ffffff')
    expect(color('甲镇', 2021)).not.toBe('#ffffff')
  })

  it('lays units and years out in order and notes duplicates in the tooltip', () => {
    expect(option.xAxis.data).toEqual(['2020', '2021'])
    expect(option.yAxis.data).toEqual(['甲镇', '乙镇', '丁镇', '丙局'])
    expect(option.visualMap.max).toBe(7)
    const dup = series(HEATMAP_SERIES.values).data.find((d: Any) => d.status === 'duplicate')
    expect(option.tooltip.formatter({ data: dup })).toContain('重复报告')
  })

  it('gives clicks the unit and year of a cell', () => {
    const cell = series(HEATMAP_SERIES.notCollected).data[0]
    expect(clickTarget({ name: '', data: cell })).toEqual({ unit: '乙镇', year: 2020 })
    expect(clickTarget({ name: '2021' }, 'year')).toEqual({ year: 2021 })
    expect(clickTarget({ name: '甲镇' }, 'unit')).toEqual({ unit: '甲镇' })
    expect(clickTarget(null)).toEqual({})
  })
})

describe('compare heatmap log scale', () => {
  it('colours on a log scale so one spike does not wash out the rest, keeping real values in labels', () => {
    const r = (unit: string, value: number): HeatmapRow => ({ district: 'd', unit, unit_code: null, year: 2021, status: 'received', value, cells_present: 1 })
    const rows = [r('甲镇', 1), r('乙镇', 9), r('丙镇', 999)]
    const labels = { metric: 'm', notCollected: '未收录', notPublished: '未发布', noData: '无此项', notComputable: '—', duplicate: '重复' }
    const linear: Any = compareHeatmapOption(rows, labels, { ratio: false })
    const log: Any = compareHeatmapOption(rows, labels, { ratio: false, scale: 'log' })
    const share = (o: Any, u: string) => o.series[0].data.find((d: Any) => d.unit === u).value[2] / o.visualMap.max
    expect(share(linear, '乙镇')).toBeLessThan(0.01)
    expect(share(log, '乙镇')).toBeCloseTo(1 / 3)
    expect(log.series[0].label.formatter({ data: log.series[0].data[2] })).toBe('999')
    expect(log.visualMap.formatter(log.visualMap.max)).toBe('999')
  })
})

describe('compare chosen-units option', () => {
  it('draws one series per chosen unit (at most six) with gaps for years without value', () => {
    const rows: UnitYearRow[] = [
      { district: 'd', unit: '甲镇', year: 2020, status: 'received', value: 1 }, { district: 'd', unit: '甲镇', year: 2021, status: 'received', value: 0 },
      { district: 'd', unit: '乙镇', year: 2020, status: 'not_published', value: null }, { district: 'd', unit: '乙镇', year: 2021, status: 'received', value: 5 },
    ]
    const units = ['甲镇', '乙镇', 'c', 'd', 'e', 'f', 'g']
    const option: Any = compareUnitsOption(rows, units, { metric: 'm', notCollected: '未收录', notPublished: '未发布', noValue: '无此项' }, { ratio: false })
    expect(option.series).toHaveLength(MAX_CHOSEN_UNITS)
    expect(option.xAxis.data).toEqual(['2020', '2021'])
    // A missing report carries its reason as a label; a reported 0 is labelled 0: the two never look alike.
    const [missing, five] = option.series[1].data
    expect(missing).toMatchObject({ missing: '未发布', label: { show: true, formatter: '未发布' } })
    expect(five).toMatchObject({ value: 5 })
    expect(option.series[0].data[1]).toMatchObject({ value: 0, label: { formatter: '0' } })
    expect(option.series[2].data[0]).toMatchObject({ missing: '无此项' })
    const tip: string = option.tooltip.formatter([{ axisValue: '2020', seriesName: '乙镇', data: missing }, { axisValue: '2020', seriesName: '甲镇', data: option.series[0].data[0] }])
    expect(tip).toContain('乙镇：<b>未发布</b>')
    expect(tip).toContain('甲镇：<b>1</b>')
    expect(new Set(option.series.map((s: Any) => s.itemStyle.color)).size).toBe(MAX_CHOSEN_UNITS)
  })
})

describe('crossfilter click on an axis label', () => {
  it('reads the unit or year from a clicked category label', () => {
    expect(clickTarget({ componentType: 'yAxis', value: '甲镇' }, 'unit')).toEqual({ unit: '甲镇' })
    expect(clickTarget({ componentType: 'xAxis', value: '2020' }, 'year')).toEqual({ year: 2020 })
    expect(clickTarget({ componentType: 'series', value: 5 }, 'unit')).toEqual({})
  })
})
