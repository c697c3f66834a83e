import { describe, expect, it } from 'vitest'
import { fitLegend, LEGEND_ROW, legendRows } from '~/charts/legend-fit'
import { topLegend } from '~/charts/options/compare-helpers'
import { outcomeMixOption } from '~/charts/options/overview-outcomes'
import { trendOption } from '~/charts/options/overview-trend'
import type { ChartOption } from '~/charts/echarts'

/** 12 px per character: a stand-in for the canvas measure. */
const measure = (s: string) => [...s].length * 12
const NAMES = ['行政许可 · 本年处理决定数量', '行政处罚 · 本年处理决定数量', '行政强制 · 本年处理决定数量', '其他']

describe('legends are never hidden (issue 10 item 15)', () => {
  it('counts the rows a wrapped legend takes at a width', () => {
    expect(legendRows(NAMES, 1200, measure)).toBe(1)
    expect(legendRows(NAMES, 390, measure)).toBe(3) // one name a row, 其他 fits beside the third
    expect(legendRows([], 390, measure)).toBe(0)
  })

  it('no chart builder scrolls its legend', () => {
    const year = { year: 2021, received: 1, expected: 1, metrics: {} }
    for (const o of [trendOption([year], 'zh', null), outcomeMixOption(year, 'zh'), { legend: topLegend(NAMES) }] as any[]) expect(o.legend.type).toBe('plain')
  })

  it('moves the grid and the panel titles down by the rows added at a phone width', () => {
    const option = { legend: topLegend(NAMES), grid: [{ top: 72 }, { top: '10%' }], title: [{ text: 'a', top: 36 }], series: [] } as unknown as ChartOption
    const wide: any = fitLegend(option, { width: 1200, height: 300 }, measure)
    expect(wide.grid[0].top).toBe(72)
    const phone: any = fitLegend(option, { width: 390, height: 300 }, measure)
    expect(phone.legend.type).toBe('plain')
    expect(phone.grid[0].top).toBe(72 + 2 * LEGEND_ROW)
    expect(phone.grid[1].top).toBeCloseTo(2 * LEGEND_ROW + 0.1 * (300 - 2 * LEGEND_ROW)) // a relative top is placed under the rows
    expect(phone.title[0].top).toBe(36 + 2 * LEGEND_ROW)
    expect((option as any).grid[0].top).toBe(72) // the input is not changed
  })

  it('lifts a pie and its centred total above a wrapped bottom legend', () => {
    const year = { year: 2021, received: 1, expected: 1, metrics: { granted: 1, partial: 1, withheld: 1, unable: 1, not_processed: 1, other: 1 } }
    const o: any = fitLegend(outcomeMixOption(year, 'en'), { width: 300, height: 320 }, measure)
    const rows = legendRows(o.series[0].data.map((d: any) => d.name), 300, measure)
    expect(rows).toBeGreaterThan(1)
    expect(o.series[0].bottom).toBe(rows * LEGEND_ROW)
    expect(o.title.top).toBe((320 - rows * LEGEND_ROW) / 2 - 24)
  })
})

describe('panels placed in percent move under a wrapped legend', () => {
  it('places percentage tops and heights in the height left under the legend rows', () => {
    const option = { legend: topLegend(NAMES), grid: [{ top: '10%', height: '20%' }], title: [{ text: 'a', top: '5%' }], series: [] } as unknown as ChartOption
    const o: any = fitLegend(option, { width: 390, height: 1000 }, measure)
    const extra = 2 * LEGEND_ROW
    expect(o.grid[0].top).toBeCloseTo(extra + 0.1 * (1000 - extra))
    expect(o.grid[0].height).toBeCloseTo(0.2 * (1000 - extra))
    expect(o.title[0].top).toBeCloseTo(extra + 0.05 * (1000 - extra))
  })
})
