/**
 * The report card (/card/:unit) and the district briefing (/briefing) mounted with happy-dom over
 * real DuckDB (the hand-checked fixture): numbers, medians with n, gaps, the missing-year state,
 * the original link (only http(s) becomes a link), the print button, zh and en.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ChartOption } from '~/charts/echarts'
import type { NodeConnector } from '~/db/node'
import { i18n } from '~/i18n'
import { setEngineFactory, useDbStore } from '~/stores/db'
import { bindFiltersToRouter } from '~/stores/filters'
import { useSummaryStore } from '~/stores/summary'
import BriefingView from '~/views/BriefingView.vue'
import CardView from '~/views/CardView.vue'
import { openCardFixture } from '../db/card-fixture'
import { fixtureSummary } from '../db/fixture-db'

let db: NodeConnector
let close: () => void
beforeAll(async () => { ({ db, close } = await openCardFixture()) })
afterAll(() => close?.())
afterEach(() => {
  vi.unstubAllGlobals()
  i18n.global.locale.value = 'zh'
})

/** Chart stub (happy-dom has no canvas) keeping the last option per chart id. */
const options: Record<string, ChartOption> = {}
const EChartStub = defineComponent({
  props: ['id', 'option', 'height'],
  setup: (p) => () => {
    if (p.option) options[p.id as string] = p.option as ChartOption
    return h('div', { 'data-chart-stub': p.id })
  },
})

async function mountView(view: 'card' | 'briefing', path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  vi.stubGlobal('fetch', async (url: string) => {
    if (url === 'data/index.json') return new Response(JSON.stringify({ districts: [{ id: 'demo', name: '示例区', synthetic: true, summary: 'summary/demo.json' }] }))
    if (url === 'data/summary/demo.json') return new Response(JSON.stringify(fixtureSummary()))
    return new Response('', { status: 404 })
  })
  setEngineFactory(async () => db)
  const blank = { render: () => null }
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { name: 'card', path: '/card/:unit', component: CardView, props: true },
    { name: 'briefing', path: '/briefing', component: BriefingView },
    { name: 'unit', path: '/unit/:unit', component: blank },
    { name: 'coverage', path: '/coverage', component: blank },
    { name: 'data', path: '/data', component: blank },
  ] })
  await router.push(path)
  bindFiltersToRouter(router)
  await useSummaryStore().load(null)
  await useDbStore().start()
  const props = view === 'card' ? { unit: router.currentRoute.value.params.unit as string } : {}
  const w = mount(view === 'card' ? CardView : BriefingView, { props, global: { plugins: [pinia, router, i18n], stubs: { EChart: EChartStub } } })
  await flushPromises()
  return w
}

async function until(w: ReturnType<typeof mount>, selector: string) {
  await vi.waitFor(() => { if (!w.find(selector).exists()) throw new Error(`waiting for ${selector}`) }, { timeout: 5000, interval: 20 })
  await flushPromises()
}

const cell = (w: ReturnType<typeof mount>, metric: string, col: string) => w.find(`tr[data-metric="${metric}"] [${col}]`).text()

describe('CardView', () => {
  it('shows the unit’s indicators against the district and peer-kind medians with n, and a sparkline per indicator', async () => {
    const w = await mountView('card', '/card/甲镇?district=demo&year=2021')
    await until(w, 'tr[data-metric="new"]')
    expect(w.find('h2').text()).toBe('甲镇 · 2021 年度报告卡')
    expect(w.find('[data-kind]').text()).toBe('示例区 · 单位类型：镇')
    // 2021: 甲镇 6, 乙'街道 12 → median 9 of 2 units; 镇: 甲镇 alone.
    expect(cell(w, 'new', 'data-value')).toBe('6')
    expect(cell(w, 'new', 'data-district-median')).toBe('9 n=2')
    expect(cell(w, 'new', 'data-peer-median')).toBe('6 n=1')
    expect(cell(w, 'granted_share', 'data-value')).toBe('50%')
    // Under three units no "above/below the median" is claimed.
    expect(w.find('tr[data-metric="new"] [data-versus]').exists()).toBe(false)
    // 甲镇's new applications 2020–2022: 5, 6, 5 — one image with the values as its text.
    const spark = w.find('tr[data-metric="new"] svg[role="img"]')
    expect(spark.attributes('aria-label')).toBe('本年新收申请，2020–2022 年：2020 5，2021 6，2022 5')
    expect(spark.findAll('path')).toHaveLength(1)
    // Only the 2021 report prints a 部分公开 row: 2020 and 2022 are gaps, not 0, and 2021 a lone dot.
    const partial = w.find('tr[data-metric="partial"] svg')
    expect(partial.attributes('aria-label')).toBe('部分公开，2020–2022 年：2020 —，2021 1，2022 —')
    expect(partial.findAll('path')).toHaveLength(0)
  })

  it('lists coverage and timeliness per year; only a web address becomes the original link', async () => {
    const w = await mountView('card', '/card/甲镇?district=demo&year=2021')
    await until(w, '[data-card-years] tr[data-year="2022"]')
    const year = (y: number) => w.find(`[data-card-years] tr[data-year="${y}"]`)
    expect(year(2021).text()).toContain('按期')
    expect(year(2021).find('[data-deadline]').text()).toBe('期限 2022-01-31')
    const link = year(2021).find('a[data-source-link]')
    expect(link.attributes('href')).toBe('https://example.gov.cn/2021.htm')
    expect(link.attributes('rel')).toContain('noopener')
    expect(w.find('[data-card-source] a').text()).toBe('https://example.gov.cn/2021.htm')
    expect(year(2022).text()).toContain('逾期 30 天')
    // 'javascript:alert(1)' from the data is not a link.
    expect(year(2022).find('a').exists()).toBe(false)
    expect(w.html()).not.toContain('javascript:')
  })

  it('shows a year without a report as such, with its coverage status, and its indicators as “—”', async () => {
    const w = await mountView('card', `/card/${encodeURIComponent("乙'街道")}?district=demo&year=2020`)
    await until(w, '[data-missing-year]')
    const missing = w.find('[data-missing-year]')
    expect(missing.attributes('data-status')).toBe('not_collected')
    expect(missing.text()).toContain('2020 年未收到报告')
    expect(missing.text()).toContain('未收录')
    await until(w, 'tr[data-metric="new"]')
    expect(cell(w, 'new', 'data-value')).toBe('—')
    // The district median of 2020 is 甲镇's 5 (1 unit); 街道 peers have none.
    expect(cell(w, 'new', 'data-district-median')).toBe('5 n=1')
    expect(cell(w, 'new', 'data-peer-median')).toBe('— n=0')
    expect(w.find('[data-card-source]').exists()).toBe(false)
  })

  it('names an unknown unit; prints with the browser’s print; speaks English', async () => {
    const unknown = await mountView('card', '/card/无此单位?district=demo&year=2021')
    await until(unknown, '[data-unknown-unit]')
    expect(unknown.find('[data-unknown-unit]').text()).toContain('无此单位')
    const print = vi.fn()
    vi.stubGlobal('print', print)
    const w = await mountView('card', '/card/甲镇?district=demo&year=2022&lang=en')
    i18n.global.locale.value = 'en'
    await until(w, 'tr[data-metric="new"]')
    expect(w.find('h2').text()).toBe('甲镇 · report card 2022')
    // 2022: 甲镇 5, 乙'街道 7, 丙局 1 → median 5 of 3: at the median.
    expect(w.find('tr[data-metric="new"] [data-versus]').text()).toBe('at the district median')
    await w.find('[data-print]').trigger('click')
    expect(print).toHaveBeenCalledOnce()
  })
})

describe('BriefingView', () => {
  it('shows the overview’s key figures with their basis, the top units, the attention list and the source', async () => {
    const print = vi.fn()
    vi.stubGlobal('print', print)
    const w = await mountView('briefing', '/briefing?district=demo&year=2022')
    await until(w, '[data-kpi="new"] [data-kpi-delta]')
    expect(w.find('h2').text()).toBe('示例区 · 2022 年政府信息公开工作简报')
    expect(w.find('[data-briefing-synthetic]').text()).toBe('示例数据')
    expect(w.find('[data-kpi="new"] [data-kpi-value]').text()).toBe('13') // 5 + 7 + 1
    expect(w.find('[data-coverage-line]').text()).toBe('基于 3/3 份报告')
    // Like for like: 甲镇 + 乙'街道 in both years, (5 + 7) − (6 + 12).
    expect(w.find('[data-kpi="new"] [data-kpi-delta]').text()).toBe('较上年 −6')
    expect(w.find('[data-like-for-like]').text()).toContain('2 个单位')
    expect(w.find('[data-attention]').exists()).toBe(true)
    await vi.waitFor(() => expect(options['briefing-top']).toBeDefined(), { timeout: 5000 })
    const top = options['briefing-top'] as { yAxis: { data: unknown[] }; series: { data: { value: number }[] }[] }
    expect(top.yAxis.data).toEqual(["乙'街道", '甲镇', '丙局'])
    expect(top.series[0]!.data.map((d) => d.value)).toEqual([7, 5, 1])
    expect(options['briefing-trend']).toBeDefined()
    expect(options['briefing-outcomes']).toBeDefined()
    await until(w, '[data-briefing-source] [data-data-date]')
    expect(w.find('[data-data-date]').text()).toBe('数据日期：7 份报告，最近发布于 2023-03-02。')
    expect(w.find('[data-open-data]').attributes('href')).toContain('/data')
    await w.find('[data-print]').trigger('click')
    expect(print).toHaveBeenCalledOnce()
  })

  it('does not show district totals of a year with too few reports', async () => {
    // 2020: 甲镇 only of 甲镇 and 乙'街道 expected = 1/2, at the 50 % threshold (shown); the heading says so.
    const w = await mountView('briefing', '/briefing?district=demo&year=2020')
    await until(w, '[data-coverage-line]')
    expect(w.find('[data-coverage-line]').text()).toBe('基于 1/2 份报告')
    expect(w.find('[data-kpi="new"] [data-kpi-value]').text()).toBe('5')
  })
})
