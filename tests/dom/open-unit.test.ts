import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import { unitRoute } from '~/components/common/unit-link'
import AppealView from '~/views/AppealView.vue'
import CompareView from '~/views/CompareView.vue'
import OutcomesView from '~/views/OutcomesView.vue'
import { DISTRICT, chartOption, clickChart, mountView, openViewsFixture, until } from './compare-fixture'

let db: NodeConnector
beforeAll(async () => { db = await openViewsFixture() })
afterAll(() => db.close())

/** Issue 10 item 10: "打开单位年报" from every chart selection and every table row that names a unit. */
describe('打开单位年报 everywhere a unit is named', { timeout: 30_000 }, () => {
  it('the unit route keeps the query, drops the crossfilter and the report pin, and sets the year', () => {
    expect(unitRoute('甲镇', { district: 'd', lang: 'en', x_unit: '乙镇', x_year: '2020', report: '7', year: '2021' }, 2020)).toEqual({
      name: 'unit', params: { unit: '甲镇' }, query: { district: 'd', lang: 'en', year: '2020' },
    })
    expect(unitRoute('甲镇', { year: '2021' }).valueOf()).toMatchObject({ query: { year: '2021' } })
  })

  it('a unit clicked in a chart gets an open link in the selection bar, at the clicked year', async () => {
    const { w, router } = await mountView(CompareView, `/compare?district=${DISTRICT}&year=2021&lang=en`, db)
    await until(() => expect(chartOption(w, 'compare-heatmap')).not.toBeNull())
    expect(w.find('[data-xf-open-unit]').exists()).toBe(false)
    await clickChart(w, 'compare-heatmap', { data: { unit: '乙街道', year: 2021 } })
    await until(() => expect(w.find('[data-xf-open-unit]').exists()).toBe(true))
    await w.find('[data-xf-open-unit]').trigger('click')
    await until(() => expect(router.currentRoute.value.name).toBe('unit'))
    expect(router.currentRoute.value.params.unit).toBe('乙街道')
    expect(router.currentRoute.value.query).toMatchObject({ district: DISTRICT, year: '2021', lang: 'en' })
    expect(router.currentRoute.value.query.x_unit).toBeUndefined()
  })

  it('every row of the compare table links to its unit at the row’s year; the side-by-side units too', async () => {
    const { w } = await mountView(CompareView, `/compare?district=${DISTRICT}&year=2021&pick=${encodeURIComponent('甲镇|乙街道')}`, db)
    await until(() => expect(w.findAll('[data-table="compare-table"] [data-open-unit]').length).toBeGreaterThan(0))
    const rows = w.findAll('[data-table="compare-table"] .el-table__row')
    expect(w.findAll('[data-table="compare-table"] [data-open-unit]')).toHaveLength(rows.length)
    const link = w.find('[data-table="compare-table"] [data-open-unit]')
    expect(link.attributes('aria-label')).toMatch(/^打开.+的单位年报$/)
    expect(decodeURIComponent(link.attributes('href')!)).toMatch(/\/unit\/.+year=20\d\d/)
    await until(() => expect(w.findAll('[data-open-units] a').map((a) => a.text())).toEqual(['甲镇', '乙街道']))
  })

  it('outcome and appeal table rows link to the unit at the focus year', async () => {
    for (const [view, table] of [[OutcomesView, 'outcomes-table'], [AppealView, 'appeal-table']] as const) {
      const { w } = await mountView(view, `/${table.split('-')[0]}?district=${DISTRICT}&year=2021`, db)
      await until(() => expect(w.findAll(`[data-table="${table}"] [data-open-unit]`).length).toBeGreaterThan(0))
      expect(decodeURIComponent(w.find(`[data-table="${table}"] [data-open-unit]`).attributes('href')!)).toContain('year=2021')
    }
  })
})
