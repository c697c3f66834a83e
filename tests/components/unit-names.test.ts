import { describe, expect, it } from 'vitest'
import { byRegistry, registryOrder, shortUnitName } from '~/components/common/unit-names'
import { pivotCoverage } from '~/components/coverage/grid-model'
import { compareHeatmapOption } from '~/charts/options/compare-heatmap'
import { orderRanking } from '~/charts/options/compare-ranking'
import { withShortUnitLabels } from '~/charts/options/unit-labels'
import type { CoverageRow } from '~/db/sql/coverage'
import type { HeatmapRow, RankingRow } from '~/db/sql/compare'

/** units.csv order of a district: 区本级 first, then departments, then streets — not kind-first by code point. */
const REGISTRY = ['平潭综合实验区', '平潭综合实验区公安局', '平潭综合实验区财政金融局', '平潭综合实验区海坛片区管理局'].map((unit) => ({ unit }))
const cmp = byRegistry(registryOrder(REGISTRY))

describe('one unit order: the registry (issue 10 item 15)', () => {
  it('orders by registry position, unknown names last by name', () => {
    expect(['乙', '平潭综合实验区海坛片区管理局', '甲', '平潭综合实验区'].sort(cmp)).toEqual(['平潭综合实验区', '平潭综合实验区海坛片区管理局', '甲', '乙'])
  })

  it('the coverage grid, the ranking (ties, no value, no report) and the heatmap use it', () => {
    const cov = (unit: string, kind: string): CoverageRow => ({ unit, unit_code: null, unit_kind: kind, year: 2021, status: 'received', n_reports: 1 })
    // The SQL hands rows kind-first (街道 < 部门 < 区本级 by code point); the grid shows the registry order.
    const grid = pivotCoverage([cov('平潭综合实验区海坛片区管理局', '街道'), cov('平潭综合实验区财政金融局', '部门'), cov('平潭综合实验区公安局', '部门'), cov('平潭综合实验区', '区本级')], cmp)
    expect(grid.units.map((u) => u.unit)).toEqual(REGISTRY.map((u) => u.unit))

    const rank = (unit: string, value: number | null, missing: RankingRow['missing'] = null): RankingRow => ({ district: 'p', unit, unit_kind: null, value, reports: 1, missing })
    const ranked = orderRanking([rank('平潭综合实验区海坛片区管理局', 5), rank('平潭综合实验区财政金融局', null, 'not_collected'), rank('平潭综合实验区', null, 'not_collected'), rank('平潭综合实验区公安局', 5)], cmp)
    expect(ranked.map((r) => r.unit)).toEqual(['平潭综合实验区公安局', '平潭综合实验区海坛片区管理局', '平潭综合实验区', '平潭综合实验区财政金融局'])

    const heat = (unit: string): HeatmapRow => ({ district: 'p', unit, year: 2021, status: 'received', value: 1, cells_present: 1 } as HeatmapRow)
    const labels = { metric: 'm', notCollected: 'nc', notPublished: 'np', noData: 'nd', notComputable: 'x', duplicate: 'd' }
    const o: any = compareHeatmapOption([...REGISTRY].reverse().map((u) => heat(u.unit)), labels, { ratio: false, unitOrder: cmp })
    expect(o.yAxis.data).toEqual(REGISTRY.map((u) => u.unit))
  })
})

describe('district prefixes dropped from unit labels (issue 10 item 15)', () => {
  it('drops the district name where something meaningful remains', () => {
    expect(shortUnitName('平潭综合实验区公安局', '平潭综合实验区')).toBe('公安局')
    expect(shortUnitName('平潭综合实验区', '平潭综合实验区')).toBe('平潭综合实验区')
    expect(shortUnitName('呼兰区教育局', '哈尔滨市呼兰区')).toBe('教育局')
    expect(shortUnitName('城东街道', '示例区')).toBe('城东街道')
    expect(shortUnitName('平潭综合实验区局', '平潭综合实验区')).toBe('平潭综合实验区局') // one character left: kept whole
    expect(shortUnitName('公安局', null)).toBe('公安局')
  })

  it('shortens chart axis labels and unit legends, keeping the full names in the data (clicks, tooltips)', () => {
    const short = (n: string) => shortUnitName(n, '平潭综合实验区')
    const option: any = {
      legend: { data: ['平潭综合实验区公安局'] },
      xAxis: { type: 'category', data: ['2020', '2021'] },
      yAxis: { type: 'category', data: ['平潭综合实验区公安局', { value: '平潭综合实验区', textStyle: {} }], axisLabel: { width: 120 } },
      series: [{ name: '平潭综合实验区公安局', type: 'bar', data: [1] }],
    }
    const out: any = withShortUnitLabels(option, short)
    expect(out.yAxis.data).toEqual(option.yAxis.data)
    expect(out.yAxis.axisLabel.width).toBe(120)
    expect(out.yAxis.axisLabel.formatter('平潭综合实验区公安局')).toBe('公安局')
    expect(out.yAxis.axisLabel.formatter('平潭综合实验区')).toBe('平潭综合实验区')
    expect(out.xAxis.axisLabel).toBeUndefined()
    expect(out.legend.formatter('平潭综合实验区公安局')).toBe('公安局')
    const demo = { yAxis: { type: 'category', data: ['城东街道'] } }
    expect(withShortUnitLabels(demo as any, (n) => shortUnitName(n, '示例区'))).toBe(demo)
  })
})

describe('the heatmap on a phone (issue 10 item 15)', () => {
  it('draws a mark instead of a status word in a narrow cell; values stay numbers; tooltips keep the words', () => {
    const labels = { metric: 'm', notCollected: '未收录', notPublished: '未发布', noData: '无此项', notComputable: 'x', duplicate: 'd' }
    const rows = [
      { district: 'p', unit: '甲', year: 2021, status: 'not_collected', value: null, cells_present: 0 },
      { district: 'p', unit: '甲', year: 2022, status: 'not_published', value: null, cells_present: 0 },
      { district: 'p', unit: '甲', year: 2023, status: 'received', value: 154, cells_present: 1 },
    ] as HeatmapRow[]
    const texts = (compact: boolean) => {
      const o: any = compareHeatmapOption(rows, labels, { ratio: false, compact })
      return o.series.flatMap((s: any) => s.data.map((d: any) => (s.label ?? o.series[0].label).formatter({ data: d })))
    }
    expect(texts(false).sort()).toEqual(['154', '未发布', '未收录'])
    expect(texts(true).sort()).toEqual(['', '154', '✕'])
    const o: any = compareHeatmapOption(rows, labels, { ratio: false, compact: true })
    expect(o.tooltip.formatter({ data: o.series.find((s: any) => s.data.length && s.data[0].status === 'not_collected').data[0] })).toContain('未收录')
  })
})
