import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import ActiveView from '~/views/ActiveView.vue'
import { DISTRICT, chartOption, clickChart, mountView, openViewsFixture, until } from './compare-fixture'

let db: NodeConnector
beforeAll(async () => { db = await openViewsFixture() })
afterAll(() => db.close())

describe('ActiveView', { timeout: 30_000 }, () => {
  it('keeps each format in its own panel and shares only the decisions across formats', async () => {
    const { w } = await mountView(ActiveView, `/active?district=${DISTRICT}&year=2021`, db)
    await until(() => expect(chartOption(w, 'active-decisions')).not.toBeNull())
    const decisions = chartOption(w, 'active-decisions')
    expect(decisions.xAxis.data).toEqual(['2020', '2021'])
    expect(decisions.series.find((s: any) => s.name === '行政许可 · 本年处理决定数量').data).toEqual([10, 16])
    expect(chartOption(w, 'active-fees2019').series.map((s: any) => s.name)).toEqual(['行政事业性收费 · 上一年项目数量', '行政事业性收费 · 本年增/减'])
    expect(chartOption(w, 'active-fees2021').series.map((s: any) => s.name)).toEqual(['行政事业性收费 · 本年收费金额（单位：万元）'])
    expect(chartOption(w, 'active-fees2021').xAxis.data).toEqual(['2021'])
    expect(chartOption(w, 'active-documents2019').xAxis.data).toEqual(['2020'])
    expect(w.find('[data-panel-note="fees2019"]').text()).toContain('不可比')
    expect(w.find('[data-panel-empty="procurement2019"]').exists()).toBe(true)
  })

  it('filters the year panels by a unit clicked in the decisions-by-unit chart', async () => {
    const { w, router } = await mountView(ActiveView, `/active?district=${DISTRICT}&year=2021`, db)
    await until(() => expect(chartOption(w, 'active-decisions-by-unit')).not.toBeNull())
    expect(chartOption(w, 'active-decisions-by-unit').yAxis.data).toContain('乙街道')
    await clickChart(w, 'active-decisions-by-unit', { name: '乙街道' })
    await until(() => expect(router.currentRoute.value.query.x_unit).toBe('乙街道'))
    await until(() => expect(chartOption(w, 'active-decisions').xAxis.data).toEqual(['2021']))
    await until(() => expect(w.find('[data-panel-empty="fees2021"]').exists()).toBe(true))
    expect(w.findAll('[data-table="active-table"] .el-table__row').length).toBe(2)
  })
})
