import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OUTCOME_COLORS } from '~/charts/theme'
import type { NodeConnector } from '~/db/node'
import OutcomesView from '~/views/OutcomesView.vue'
import { DISTRICT, chartOption, clickChart, mountView, openViewsFixture, until } from './compare-fixture'

let db: NodeConnector
beforeAll(async () => { db = await openViewsFixture() })
afterAll(() => db.close())

describe('OutcomesView', { timeout: 30_000 }, () => {
  it('stacks the outcome groups by unit and by year with fixed colours, and draws the applicant sankey', async () => {
    const { w } = await mountView(OutcomesView, `/outcomes?district=${DISTRICT}&year=2021`, db)
    await until(() => expect(chartOption(w, 'outcomes-by-year')).not.toBeNull())
    const byYear = chartOption(w, 'outcomes-by-year')
    expect(byYear.xAxis.data).toEqual(['2020', '2021'])
    const granted = byYear.series.find((s: any) => s.name === '予以公开')
    expect(granted.data).toEqual([3, 4])
    expect(granted.itemStyle.color).toBe(OUTCOME_COLORS.granted)
    await until(() => expect(chartOption(w, 'outcomes-by-unit')).not.toBeNull())
    expect(chartOption(w, 'outcomes-by-unit').yAxis.data).toEqual(['甲镇', '乙街道'])
    await until(() => expect(chartOption(w, 'outcomes-sankey')).not.toBeNull())
    const links = chartOption(w, 'outcomes-sankey').series[0].links
    expect(links).toContainEqual({ source: 'applicant:legal.commercial', target: 'outcome:other', value: 2 })
  })

  it('draws the sankey for the header year only, and its title names that year', async () => {
    const { w } = await mountView(OutcomesView, `/outcomes?district=${DISTRICT}&year=2020`, db)
    await until(() => expect(chartOption(w, 'outcomes-sankey')).not.toBeNull())
    await until(() => expect(w.find('[data-card="outcomes-sankey"] h2').text()).toContain('2020 年'))
    // 2021's flows (乙街道's legal.commercial → other, research → partial) are not in 2020's sankey.
    const links = chartOption(w, 'outcomes-sankey').series[0].links
    expect(links).not.toContainEqual({ source: 'applicant:legal.commercial', target: 'outcome:other', value: 2 })
    expect(links.length).toBeGreaterThan(0)
  })

  it('switches to 100 % stacks and to the reasons of one group through the URL', async () => {
    const { w, router } = await mountView(OutcomesView, `/outcomes?district=${DISTRICT}`, db)
    await until(() => expect(chartOption(w, 'outcomes-by-year')).not.toBeNull())
    await w.find('[data-toggle="mode"] [data-value="share"]').trigger('click')
    await until(() => expect(router.currentRoute.value.query.mode).toBe('share'))
    await until(() => expect(chartOption(w, 'outcomes-by-year').yAxis.max).toBe(1))
    await w.find('[data-toggle="level"] [data-value="other"]').trigger('click')
    await until(() => expect(router.currentRoute.value.query.tab).toBe('other'))
    expect(w.find('[data-format-note]').exists()).toBe(true)
    const names = chartOption(w, 'outcomes-by-year').series.map((s: any) => s.name)
    expect(names).toEqual(['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '（六）其他处理'])
  })

  it('filters the year chart and the sankey by a clicked unit', async () => {
    const { w, router } = await mountView(OutcomesView, `/outcomes?district=${DISTRICT}&year=2021`, db)
    await until(() => expect(chartOption(w, 'outcomes-by-unit')).not.toBeNull())
    await clickChart(w, 'outcomes-by-unit', { name: '乙街道' })
    await until(() => expect(router.currentRoute.value.query.x_unit).toBe('乙街道'))
    await until(() => expect(chartOption(w, 'outcomes-by-year').xAxis.data).toEqual(['2021']))
    await until(() => expect(chartOption(w, 'outcomes-sankey').series[0].links).toEqual([{ source: 'applicant:legal.research', target: 'outcome:partial', value: 2 }]))
    expect(w.find('[data-card="outcomes-by-year"] h2').text()).toContain('乙街道')
  })
})
