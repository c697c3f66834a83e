/**
 * A chart's table view, text alternative and saved-image texts are read from the very option the
 * chart draws: built here from the real option builders, never from hand-written options.
 */
import { describe, expect, it } from 'vitest'
import { chartTable } from '~/charts/chart-table'
import { chartSummary, summaryWords, type SummaryWords } from '~/charts/chart-summary'
import { legendEntries } from '~/charts/export-legend'
import { exportLines, wrapText, type ExportScope } from '~/charts/export-png'
import { trendOption } from '~/charts/options/overview-trend'
import { outcomeMixOption } from '~/charts/options/overview-outcomes'
import { compareHeatmapOption } from '~/charts/options/compare-heatmap'
import { compareRankingOption } from '~/charts/options/compare-ranking'
import { outcomesSankeyOption } from '~/charts/options/outcomes-sankey'
import { appealResultsOption } from '~/charts/options/appeal-results'
import type { OverviewYear } from '~/charts/options/overview-data'
import type { HeatmapRow, RankingRow } from '~/db/sql/compare'
import { APPLICANT_COLORS, OUTCOME_COLORS } from '~/charts/theme'
import { i18n } from '~/i18n'

const t = (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {})
const words: SummaryWords = summaryWords(t)
const year = (y: number, received: number, metrics: Record<string, number>): OverviewYear => ({ year: y, expected: 3, received, metrics })

describe('chartTable: bars along a category axis', () => {
  const option = trendOption([year(2020, 2, { 'new.natural_person': 4, 'new.legal.commercial': 1 }), year(2021, 0, {})], 'zh', null)
  const table = chartTable(option)!

  it('has one row per category and one column per series, the numbers the chart draws', () => {
    expect(table.rows.map((r) => r.label)).toEqual(['2020', '2021'])
    expect(table.columns[0]).toBe('自然人')
    expect(table.rows[0]!.cells[0]).toMatchObject({ text: '4', value: 4 })
    expect(table.rows[0]!.cells[1]).toMatchObject({ text: '1', value: 1 })
  })
  it('shows a year without any report as no value, never as 0', () => {
    expect(table.rows[1]!.cells.every((c) => c.text === '—' && c.value === null)).toBe(true)
  })
  it('gives each row the click the chart would emit for its category', () => {
    expect(table.rows[0]!.click).toMatchObject({ componentType: 'series', name: '2020', dataIndex: 0 })
  })
  it('summarises the chart in words from the same numbers', () => {
    const s = chartSummary('新收申请趋势', table, words)
    expect(s).toContain('图表：新收申请趋势')
    expect(s).toContain('共 2 行')
    expect(s).toContain('最大值 4（2020 · 自然人）')
    expect(s).toContain('显示为表格')
  })
})

describe('chartTable: labels the chart prints', () => {
  it('a ranking keeps 未收录 for a unit without a report (its bar label), not 0', () => {
    const rows: RankingRow[] = [
      { district: 'd', unit: '甲镇', unit_kind: '镇', value: 12, reports: 2, missing: null },
      { district: 'd', unit: '丁镇', unit_kind: '镇', value: null, reports: 0, missing: 'not_collected' },
    ]
    const table = chartTable(compareRankingOption(rows, { metric: '新收', noValue: '无数据', notCollected: '未收录', notPublished: '未发布' }, { ratio: false, highlighted: [] }))!
    expect(table.rows.map((r) => [r.label, r.cells[0]!.text])).toEqual([['甲镇', '12'], ['丁镇', '未收录']])
    expect(table.rows[1]!.click).toMatchObject({ name: '丁镇', data: { unit: '丁镇' } })
  })

  it('a heatmap is units × years with the cell texts, each cell clickable as its item', () => {
    const row = (unit: string, y: number, status: HeatmapRow['status'], value: number | null): HeatmapRow =>
      ({ district: 'd', unit, unit_code: null, year: y, status, value, cells_present: value === null ? 0 : 1 })
    const option = compareHeatmapOption([row('甲镇', 2020, 'received', 40), row('甲镇', 2021, 'received', 0), row('乙镇', 2020, 'not_collected', null), row('乙镇', 2021, 'received', 3)],
      { metric: '新收', notCollected: '未收录', notPublished: '未发布', noData: '无此项', notComputable: '—', duplicate: '重复' }, { ratio: false, scale: 'log' })
    const table = chartTable(option)!
    expect(table.columns).toEqual(['2020', '2021'])
    expect(table.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)])).toEqual([['甲镇', '40', '0'], ['乙镇', '未收录', '3']])
    expect(table.rows[1]!.cells[0]!.click).toMatchObject({ seriesId: 'not-collected', data: { unit: '乙镇', year: 2020 } })
    // Log colour scale: the summary still names the real value of the largest cell.
    expect(chartSummary('热力图', table, words)).toContain('最大值 40（甲镇 · 2020）')
  })

  it('a sankey lists its links with node names, not ids', () => {
    const table = chartTable(outcomesSankeyOption([{ applicant: 'natural_person', outcome: 'granted', value: 5 }], { lang: 'zh' }))!
    expect(table.rows).toEqual([{ label: '自然人 → 予以公开', cells: [{ text: '5', value: 5 }] }])
  })

  it('small multiples name each column by its panel', () => {
    const table = chartTable(appealResultsOption([{ dim: '2021', case_group: 'review', result: 'corrected', value: 1 }], { by: 'year', lang: 'zh' }))!
    expect(table.columns).toContain('行政复议 · 结果纠正')
    expect(table.columns).toContain('行政诉讼 · 复议后起诉 · 结果纠正')
  })

  it('a pie has one row per slice', () => {
    const table = chartTable(outcomeMixOption(year(2021, 2, { granted: 3, withheld: 1 }), 'en'))!
    expect(table.rows).toHaveLength(6)
    expect(table.rows[0]).toMatchObject({ label: 'Granted', cells: [{ text: '3', value: 3 }] })
  })

  it('reads nothing from no option', () => {
    expect(chartTable(null)).toBeNull()
    expect(chartSummary('空', null, words)).toBe('图表：空。 暂无数据。')
  })
})

describe('legendEntries: the full legend for the saved image', () => {
  it('lists every series once with its own colour', () => {
    const entries = legendEntries(trendOption([year(2021, 2, { 'new.natural_person': 1 })], 'zh', null))
    expect(entries[0]).toEqual({ name: '自然人', color: APPLICANT_COLORS.natural_person })
    expect(entries).toHaveLength(6)
    const appeal = legendEntries(appealResultsOption([], { by: 'year', lang: 'zh' }))
    expect(appeal.map((e) => e.name)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结'])
  })
  it('names pie slices and sankey nodes as the chart does', () => {
    expect(legendEntries(outcomeMixOption(year(2021, 2, { granted: 3 }), 'zh'))[0]).toEqual({ name: '予以公开', color: OUTCOME_COLORS.granted })
    expect(legendEntries(outcomesSankeyOption([{ applicant: 'natural_person', outcome: 'granted', value: 5 }], { lang: 'zh' })).map((e) => e.name)).toEqual(['自然人', '予以公开'])
  })
})

describe('exportLines: what the saved image says around the chart', () => {
  const scope: ExportScope = {
    districtName: '示例区', synthetic: true, year: 2021, yearRange: [2019, 2025], kinds: ['街道', '镇'], units: [], crossUnit: '甲镇', crossYear: null,
  }
  const when = new Date('2026-01-02T03:04:00Z')

  it('names title, scope, source, link and time, and marks synthetic data', () => {
    const l = exportLines('新收申请趋势', scope, t, when, 'http://127.0.0.1/#/?district=demo', 'zh')
    expect(l.title).toBe('新收申请趋势')
    expect(l.scope).toBe('范围：示例区 · 2021 年 · 2019–2025 年 · 单位类型：街道、镇 · 已选单位：甲镇')
    expect(l.source).toContain('示例区')
    expect(l.source).toContain('数据来源')
    expect(l.link).toBe('链接：http://127.0.0.1/#/?district=demo')
    expect(l.generated).toMatch(/^生成于 2026年1月2日/)
    expect(l.synthetic).toContain('示例数据')
  })
  it('has no synthetic mark on published data, and speaks English when asked', () => {
    i18n.global.locale.value = 'en'
    try {
      const l = exportLines('Trend', { ...scope, districtName: '平潭综合实验区', synthetic: false, kinds: [], crossUnit: null, crossYear: 2020 }, t, when, 'x', 'en')
      expect(l.synthetic).toBeNull()
      expect(l.scope).toBe('Scope: 平潭综合实验区 · year 2021 · years 2019–2025 · all unit kinds · selected year: 2020')
      expect(l.generated).toMatch(/^Generated 2 January 2026/)
    } finally {
      i18n.global.locale.value = 'zh'
    }
  })
})

describe('wrapText', () => {
  const measure = (s: string) => [...s].length * 10
  it('breaks Chinese between characters and English at spaces', () => {
    expect(wrapText(measure, '政府信息公开工作年度报告', 50)).toEqual(['政府信息公', '开工作年度', '报告'])
    expect(wrapText(measure, 'annual disclosure reports', 120)).toEqual(['annual', 'disclosure', 'reports'])
  })
})
