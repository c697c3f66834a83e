import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import CompareView from '~/views/CompareView.vue'
import { DISTRICT, TRICKY, chartOption, clickChart, mountView, openViewsFixture, until } from './compare-fixture'

let db: NodeConnector
beforeAll(async () => { db = await openViewsFixture() })
afterAll(() => db.close())

describe('CompareView', { timeout: 30_000 }, () => {
  it('ranks units by the URL metric and draws the heatmap with 未收录 apart from zeros', async () => {
    const { w } = await mountView(CompareView, `/compare?district=${DISTRICT}&year=2021&metric=new`, db)
    await until(() => expect(chartOption(w, 'compare-heatmap')).not.toBeNull())
    await until(() => expect(chartOption(w, 'compare-ranking')).not.toBeNull())
    expect(chartOption(w, 'compare-ranking').yAxis.data).toEqual(['甲镇', '乙街道', TRICKY])
    const heat = chartOption(w, 'compare-heatmap')
    const missing = heat.series.find((s: any) => s.id === 'not-collected')
    expect(missing.data.map((d: any) => [d.unit, d.year])).toEqual([['乙街道', 2020]])
    const zero = heat.series.find((s: any) => s.id === 'values').data.find((d: any) => d.unit === TRICKY)
    expect(zero.value[2]).toBe(0)
    expect(heat.series.flatMap((s: any) => s.data).some((d: any) => d.unit === TRICKY && d.year === 2020)).toBe(false)
    expect(w.find('[data-heatmap-legend]').text()).toContain('未收录')
    expect(w.find('[data-heatmap-legend]').text()).toContain('不是单位的过失')
    expect(w.find('[data-heatmap-legend]').text()).toContain('未发布')
    // The unit name with markup stays text: no element made of it (an attribute value may hold it, escaped by the DOM).
    expect(w.find('[data-view="compare"]').findAll('b').filter((b) => b.text().includes('镇'))).toHaveLength(0)
    expect(w.find('[data-view="compare"]').text()).toContain(TRICKY)
  })

  it('sets the crossfilter from a heatmap click: URL, ranking year and the unit table follow; one control clears it', async () => {
    const { w, router } = await mountView(CompareView, `/compare?district=${DISTRICT}&year=2021`, db)
    await until(() => expect(chartOption(w, 'compare-heatmap')).not.toBeNull())
    await clickChart(w, 'compare-heatmap', { data: { unit: '甲镇', year: 2020 } })
    await until(() => expect(router.currentRoute.value.query).toMatchObject({ x_unit: '甲镇', x_year: '2020' }))
    await until(() => expect(w.find('[data-card="compare-ranking"] h2').text()).toContain('2020'))
    // 乙街道 has no 2020 report: still ranked, greyed at the end.
    await until(() => expect(chartOption(w, 'compare-ranking').yAxis.data).toMatchObject(['甲镇', { value: '乙街道', textStyle: {} }]))
    expect(w.find('[data-xf-unit]').text()).toContain('甲镇')
    expect(w.findAll('[data-table="compare-table"] .el-table__row')).toHaveLength(1)
    await w.find('[data-xf-clear]').trigger('click')
    await until(() => expect(router.currentRoute.value.query.x_unit).toBeUndefined())
    expect(w.find('[data-xf-unit]').exists()).toBe(false)
  })

  it('puts the chosen units side by side and asks for two when fewer are chosen', async () => {
    const { w } = await mountView(CompareView, `/compare?district=${DISTRICT}&metric=review`, db)
    await until(() => expect(w.find('[data-pick-hint]').exists()).toBe(true))
    const { w: w2 } = await mountView(CompareView, `/compare?district=${DISTRICT}&metric=review&pick=${encodeURIComponent('甲镇|乙街道')}`, db)
    await until(() => expect(chartOption(w2, 'compare-units')).not.toBeNull())
    const o = chartOption(w2, 'compare-units')
    expect(o.series.map((s: any) => s.name)).toEqual(['甲镇', '乙街道'])
    // 乙街道 2020 was not collected: labelled 未收录, not drawn as a 0 or an unexplained gap.
    expect(o.series[1].data.map((d: any) => d.missing ?? d.value)).toEqual(['未收录', 2])
  })

  it('has a sortable ranking table with every main metric, total and median rows, and units without a report last', async () => {
    const { w, router } = await mountView(CompareView, `/compare?district=${DISTRICT}&year=2020`, db)
    await until(() => expect(w.findAll('[data-table="ranking-table"] tbody tr').length).toBeGreaterThan(1))
    const units = () => w.findAll('[data-table="ranking-table"] tbody [data-unit-name]').map((r) => r.text())
    // 乙街道 was not collected in 2020: listed last, greyed, with its status instead of values;
    // the tricky unit is not expected in 2020 and not ranked.
    expect(units()).toEqual(['甲镇', '乙街道'])
    const last = w.findAll('[data-table="ranking-table"] tbody tr').at(-1)!
    expect(last.attributes('data-missing')).toBe('not_collected')
    expect(last.text()).toContain('未收录')
    expect(w.find('[data-table="ranking-table"] tfoot [data-row="total"]').exists()).toBe(true)
    expect(w.find('[data-table="ranking-table"] tfoot [data-row="median"]').exists()).toBe(true)
    expect(w.findAll('[data-table="ranking-table"] thead [data-sort]').length).toBeGreaterThanOrEqual(10)
    // Sorting keeps the unit without a report last.
    await w.find('[data-table="ranking-table"] [data-sort="unit"]').trigger('click')
    expect(units().at(-1)).toBe('乙街道')
    await w.find('[data-table="ranking-table"] tbody tr').trigger('click')
    await until(() => expect(router.currentRoute.value.path).toMatch(/^\/unit\//))
  })

  it('filters the ranking table to one peer group (URL peer): ranks, total and median among peers', async () => {
    const { w, router } = await mountView(CompareView, `/compare?district=${DISTRICT}&year=2021`, db)
    await until(() => expect(w.findAll('[data-table="ranking-table"] tbody tr').length).toBe(3))
    const units = () => w.findAll('[data-table="ranking-table"] tbody [data-unit-name]').map((r) => r.text())
    const peers = w.findAll('[data-peer-filter] button').map((b) => b.text())
    expect(peers).toEqual(['全部单位', '街道', '镇'])
    await w.find('[data-peer="镇"]').trigger('click')
    await until(() => expect(router.currentRoute.value.query.peer).toBe('镇'))
    await until(() => expect(units()).toEqual(['甲镇', TRICKY]))
    expect(w.find('[data-peer="镇"]').attributes('aria-pressed')).toBe('true')
    // 甲镇 8 new of the peers' 8: its share is of the 镇, not of the district (8 + 3 + 0).
    expect(w.find('[data-table="ranking-table"] tbody tr').text()).toContain('100')
    expect(w.find('[data-table="ranking-table"] tfoot [data-row="total"] th').text()).toBe('镇合计')
    await w.find('[data-peer=""]').trigger('click')
    await until(() => expect(units()).toHaveLength(3))
  })

  it('shows an error panel, not a crash, for an unknown metric in the URL', async () => {
    const { w } = await mountView(CompareView, `/compare?district=${DISTRICT}&metric=apply.nope`, db)
    await until(() => expect(w.find('[data-error-panel]').exists()).toBe(true))
    expect(w.find('[data-error-panel]').text()).toContain('apply.nope')
  })
})
