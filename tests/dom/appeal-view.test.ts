import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import AppealView from '~/views/AppealView.vue'
import { DISTRICT, TRICKY, chartOption, clickChart, mountView, openViewsFixture, until } from './compare-fixture'

let db: NodeConnector
beforeAll(async () => { db = await openViewsFixture() })
afterAll(() => db.close())

describe('AppealView', { timeout: 30_000 }, () => {
  it('shows results per case group by year and the correction-rate ranking with its counts', async () => {
    const { w } = await mountView(AppealView, `/appeal?district=${DISTRICT}&year=2021`, db)
    await until(() => expect(chartOption(w, 'appeal-by-year')).not.toBeNull())
    const byYear = chartOption(w, 'appeal-by-year')
    const upheld = byYear.series.find((s: any) => s.stack === 'review' && s.name === '结果维持')
    expect(upheld.data).toEqual([1, 1])
    await until(() => expect(chartOption(w, 'appeal-correction')).not.toBeNull())
    const ranking = chartOption(w, 'appeal-correction')
    // 乙街道 2 of 2; 甲镇 1 of (3 − 1) + 1 = 3; the tricky unit concluded nothing: noted, listed in the table.
    expect(ranking.yAxis.data).toEqual(['乙街道', '甲镇'])
    expect(ranking.series[0].data.map((d: any) => d.label.formatter)).toEqual(['100% (2/2)', '33.3% (1/3)'])
    expect(w.find('[data-unranked]').text()).toContain('1')
    await until(() => expect(w.findAll('[data-table="appeal-table"] .el-table__row')).toHaveLength(3))
    expect(w.find('[data-table="appeal-table"]').text()).toContain(TRICKY)
  })

  it('narrows the year chart to a clicked unit and the unit charts to a clicked year', async () => {
    const { w, router } = await mountView(AppealView, `/appeal?district=${DISTRICT}&year=2021`, db)
    await until(() => expect(chartOption(w, 'appeal-correction')).not.toBeNull())
    await clickChart(w, 'appeal-correction', { name: '甲镇' })
    await until(() => expect(router.currentRoute.value.query.x_unit).toBe('甲镇'))
    await until(() => expect(w.find('[data-card="appeal-by-year"] h2').text()).toContain('甲镇'))
    await clickChart(w, 'appeal-by-year', { name: '2020' })
    await until(() => expect(router.currentRoute.value.query.x_year).toBe('2020'))
    await until(() => expect(chartOption(w, 'appeal-correction').yAxis.data).toEqual(['甲镇']))
  })
})
