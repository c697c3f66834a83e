import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, watch } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { NodeConnector } from '~/db/node'
import { i18n } from '~/i18n'
import { setEngineFactory, useDbStore } from '~/stores/db'
import { bindFiltersToRouter } from '~/stores/filters'
import { useSummaryStore } from '~/stores/summary'
import OverviewView from '~/views/OverviewView.vue'
import { fixtureSummary, openFixtureDb } from '../db/fixture-db'

let db: NodeConnector
let close: () => void
beforeAll(async () => {
  ;({ db, close } = await openFixtureDb())
})
afterAll(() => close())
afterEach(() => vi.unstubAllGlobals())

/** Stub chart (happy-dom has no canvas) that counts how often its option object changes. */
const drawCounts: Record<string, number> = {}
const sqlCalls: string[] = []
const EChartStub = defineComponent({
  props: ['id', 'option', 'height'],
  emits: ['click'],
  setup(p, { emit }) {
    watch(() => p.option, () => (drawCounts[p.id] = (drawCounts[p.id] ?? 0) + 1), { immediate: true })
    return () => h('div', { 'data-chart-stub': p.id, onClick: () => emit('click', { name: '2021' }) })
  },
})

function stubData() {
  vi.stubGlobal('fetch', async (url: string) => {
    if (url === 'data/index.json') return new Response(JSON.stringify({ districts: [{ id: 'demo', name: '示例区', synthetic: true, summary: 'summary/demo.json' }] }))
    if (url === 'data/summary/demo.json') return new Response(JSON.stringify(fixtureSummary()))
    return new Response('', { status: 404 })
  })
}

async function mountOverview(query = ''): Promise<{ w: ReturnType<typeof mount>; router: Router }> {
  const pinia = createPinia()
  setActivePinia(pinia)
  for (const k of Object.keys(drawCounts)) delete drawCounts[k]
  stubData()
  sqlCalls.length = 0
  setEngineFactory(async () => ({ query: <T,>(sql: string) => (sqlCalls.push(sql), db.query<T>(sql)), exec: (sql: string) => db.exec(sql) }))
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/', component: OverviewView },
    // The 需要关注 panel links to the unit page and the findings list.
    { name: 'unit', path: '/unit/:unit', component: { render: () => null } },
    { name: 'coverage', path: '/coverage', component: { render: () => null } },
    { name: 'briefing', path: '/briefing', component: { render: () => null } },
  ] })
  await router.push(`/${query}`)
  bindFiltersToRouter(router)
  await useSummaryStore().load(null)
  const w = mount(OverviewView, { global: { plugins: [pinia, router, i18n], stubs: { EChart: EChartStub } } })
  await flushPromises()
  return { w, router }
}

const kpi = (w: ReturnType<typeof mount>, key: string) => w.find(`[data-kpi="${key}"] [data-kpi-value]`).text()

describe('OverviewView', () => {
  it('paints from the summary before the engine, then keeps the same DOM when SQL gives the same numbers', async () => {
    const { w } = await mountOverview()
    expect(useDbStore().status).toBe('idle')
    expect(kpi(w, 'new')).toBe('13') // 2022: 5 + 7 + 1
    // 丙局 reported only in 2022: the district totals (13 vs 18) compare different units, so the
    // first paint shows no change; the live like-for-like query compares 甲镇 + 乙'街道 only.
    expect(w.find('[data-kpi="new"] [data-kpi-delta]').exists()).toBe(false)
    expect(w.find('[data-coverage-line]').text()).toContain('基于 3/3 份报告')
    const values = () => w.findAll('[data-kpi-value]').map((v) => v.text())
    const before = values()
    const draws = { ...drawCounts }
    await useDbStore().start()
    await vi.waitFor(() => expect(useDbStore().status).toBe('ready'))
    await vi.waitFor(() => expect(sqlCalls.some((q) => q.includes('FROM grid'))).toBe(true))
    await vi.waitFor(() => expect(w.find('[data-kpi="new"] [data-kpi-delta]').exists()).toBe(true), { timeout: 5000 })
    await flushPromises()
    expect(values()).toEqual(before)
    expect(drawCounts).toEqual(draws)
    expect(w.find('[data-kpi="new"] [data-kpi-delta]').text()).toBe('较上年 −6') // (5 + 7) − (6 + 12)
    expect(w.find('[data-kpi="new"] [data-kpi-delta]').attributes('data-meaning')).toBe('neutral')
    expect(w.find('[data-like-for-like]').text()).toContain('2 个单位')
    expect(w.find('[data-kpi-legend]').text()).toContain('向好')
  })

  it('a unit-kind filter is answered by SQL (the summary is district-wide)', async () => {
    const { w } = await mountOverview('?kind=街道&year=2021')
    expect(w.find('[data-kpi="new"]').exists()).toBe(false) // no summary numbers for a narrowed view
    await useDbStore().start()
    await vi.waitFor(() => expect(w.find('[data-kpi="new"]').exists()).toBe(true), { timeout: 5000 })
    expect(kpi(w, 'new')).toBe('12')
    expect(kpi(w, 'granted_share')).toBe('66.7%') // 8 of 12 decided
  })

  it('lists what needs attention in the year, each linked to its view', { timeout: 15_000 }, async () => {
    const { w } = await mountOverview('?year=2021')
    await useDbStore().start()
    // 乙'街道 2020 was not collected; in 2021 both 甲镇 and 乙'街道 reported — nothing missing.
    await vi.waitFor(() => expect(w.find('[data-attention="not_collected"] h3').text()).toContain('· 0'), { timeout: 5000 })
    const { w: w2 } = await mountOverview('?year=2020')
    await useDbStore().start()
    await vi.waitFor(() => expect(w2.find('[data-attention="not_collected"] a').exists()).toBe(true), { timeout: 5000 })
    const link = w2.find('[data-attention="not_collected"] a')
    expect(link.text()).toBe("乙'街道")
    expect(link.attributes('href')).toContain('/unit/')
    expect(link.attributes('href')).toContain('year=2020')
  })

  it('clicking a year in the trend sets the crossfilter year in the URL, clicking again clears it', async () => {
    const { w, router } = await mountOverview()
    await w.find('[data-chart-stub="overview-trend"]').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(router.currentRoute.value.query.x_year).toBe('2021'))
    expect(w.find('[data-crossfilter]').text()).toContain('2021')
    await w.find('[data-chart-stub="overview-trend"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.query.x_year).toBeUndefined())
  })
})
