import { describe, expect, it } from 'vitest'
import { needsExtra, prepareOption } from '~/charts/echarts'

describe('lazy ECharts types', () => {
  it('the 总览 charts (bar, pie with legend/tooltip/grid) draw without the extra chunk', () => {
    const bar = { tooltip: {}, legend: {}, grid: {}, xAxis: { type: 'category' }, yAxis: {}, series: [{ type: 'bar', data: [1] }] }
    const pie = { series: { type: 'pie', data: [{ name: 'a', value: 1 }] } }
    expect(needsExtra(bar)).toBe(false)
    expect(needsExtra(pie)).toBe(false)
    expect(prepareOption(bar)).toBeNull()
  })

  it('line, heatmap, sankey, scatter, zoom, visual map, toolbox, dataset and mark lines need it', () => {
    for (const type of ['line', 'heatmap', 'sankey', 'scatter']) expect(needsExtra({ series: [{ type: 'bar' }, { type }] }), type).toBe(true)
    for (const key of ['dataZoom', 'visualMap', 'toolbox', 'dataset']) expect(needsExtra({ [key]: {}, series: [{ type: 'bar' }] }), key).toBe(true)
    expect(needsExtra({ series: [{ type: 'bar', markLine: { data: [] } }] })).toBe(true)
    expect(needsExtra({ visualMap: null, series: [{ type: 'bar', markLine: undefined }] })).toBe(false)
  })

  it('loads the extra types once, after which nothing waits', async () => {
    const heatmap = { visualMap: { min: 0, max: 1 }, series: [{ type: 'heatmap', data: [] }] }
    const first = prepareOption(heatmap)
    expect(first).toBeInstanceOf(Promise)
    expect(prepareOption(heatmap)).toBe(first)
    await first
    expect(prepareOption(heatmap)).toBeNull()
  })
})
