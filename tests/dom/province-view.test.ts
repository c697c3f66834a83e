import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { i18n } from '~/i18n'
import { useDbStore } from '~/stores/db'
import { bindFiltersToRouter } from '~/stores/filters'
import { metricDef } from '~/report/metrics'
import ProvinceView from '~/views/ProvinceView.vue'
import { EVIL_NAME, fixtureNationalIndex } from '../build/national-fixture'

afterEach(() => vi.unstubAllGlobals())

const requested: string[] = []
function stubFetch(status = 200) {
  requested.length = 0
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url)
    if (url === 'data/national.json' && status === 200) return new Response(JSON.stringify(fixtureNationalIndex()))
    return new Response('', { status: 404 })
  })
}

async function mountAt(path: string, status = 200): Promise<{ w: ReturnType<typeof mount>; router: Router }> {
  const pinia = createPinia()
  setActivePinia(pinia)
  stubFetch(status)
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { name: 'overview', path: '/', component: { render: () => null } },
    { name: 'province', path: '/province/:province?', component: ProvinceView },
  ] })
  await router.push(path)
  bindFiltersToRouter(router)
  const w = mount(ProvinceView, { global: { plugins: [pinia, router, i18n], stubs: { EChart: true } } })
  await flushPromises()
  return { w, router }
}

const cell = (w: ReturnType<typeof mount>, key: string, metric: string) => w.find(`[data-row-key="${key}"] [data-metric="${metric}"]`).text()

describe('ProvinceView', () => {
  it('lists provinces with their totals from national.json alone, the synthetic one labelled, no engine', async () => {
    const { w } = await mountAt('/province?year=2021')
    expect(requested).toEqual(['data/national.json'])
    expect(useDbStore().status).toBe('idle')
    expect(cell(w, '福建省', 'reports')).toBe('4/5')
    expect(cell(w, '福建省', 'new')).toBe('19')
    expect(cell(w, '福建省', 'granted_share')).toMatch(/^\d+(\.\d)?% n=17$/)
    expect(w.find('[data-row-key="黑龙江省"]').attributes('data-low')).toBe('1')
    expect(cell(w, '黑龙江省', 'reports')).toBe('1/3 基于 1/3 份报告')
    expect(w.find('[data-row-key="示例省（虚构）·示例"] [data-open]').text()).toBe('示例省（虚构） · 示例数据')
    // the national total leaves the synthetic province out: 4/5 + 1/3
    expect(w.find('[data-row="total"] [data-metric="reports"]').text()).toBe('5/8')
    expect(w.find('[data-kpi="new"] [data-kpi-value]').text()).toBe('20')
    expect(w.find('[data-chart-stub], [data-card="province-ranking"]').exists()).toBe(true)
    expect(w.find('[data-card="province-coverage"]').exists()).toBe(true)
  })

  it('opens a province on a click, compares its districts and greys the one below the threshold', async () => {
    const { w, router } = await mountAt('/province?year=2022')
    await w.find('[data-row-key="福建省"] [data-open]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.params.province).toBe('福建省')
    expect(router.currentRoute.value.query.year).toBe('2022')
    expect(w.find('[data-province="福建省"]').exists()).toBe(true)
    expect(cell(w, 'pt', 'reports')).toBe('1/2')
    expect(w.find('[data-row-key="gl"]').attributes('data-low')).toBe('1')
    expect(cell(w, 'gl', 'reports')).toBe('1/3 基于 1/3 份报告')
    // the HTML-looking name is text
    expect(w.find('[data-row-key="gl"] [data-open]').text()).toBe(EVIL_NAME)
    expect(w.find('[data-row-key="gl"] img').exists()).toBe(false)
    // 合计 over both districts (marked: 2 of 5 reports), median over the one at the threshold
    expect(w.find('[data-row="total"] [data-metric="reports"]').text()).toBe('2/5 基于 2/5 份报告')
    expect(w.find('[data-row="median"] [data-metric="new"]').text()).toBe('7')
    expect(w.find('[data-area-low]').text()).toContain('基于 2/5 份报告')
    expect(w.find('[data-card="province-coverage"]').exists()).toBe(true)
  })

  it('sorts the table by a column, both ways', async () => {
    const { w } = await mountAt('/province/%E7%A6%8F%E5%BB%BA%E7%9C%81?year=2021')
    const order = () => w.findAll('tbody tr').map((r) => r.attributes('data-row-key'))
    expect(order()).toEqual(['pt', 'gl'])
    await w.find('[data-sort="new"]').trigger('click')
    expect(order()).toEqual(['pt', 'gl'])
    await w.find('[data-sort="new"]').trigger('click')
    expect(order()).toEqual(['gl', 'pt'])
  })

  it('a district click opens its 总览 with the header district switched and the year kept', async () => {
    const { w, router } = await mountAt('/province/%E9%BB%91%E9%BE%99%E6%B1%9F%E7%9C%81?year=2021&pmetric=decided&district=pt')
    await w.find('[data-row-key="hl"] [data-open]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('overview')
    expect(router.currentRoute.value.query).toEqual({ district: 'hl', year: '2021' })
  })

  it('names and defines the report metrics as every other page does (src/report/metrics.ts)', async () => {
    const { w } = await mountAt('/province?year=2021')
    expect(w.find('[data-kpi="granted_share"] [data-kpi-definition]').text()).toBe(metricDef('granted_share')!.definition.zh)
    expect(w.find('[data-kpi="granted_share"] .kpi__label').text()).toBe('公开率')
    const options = w.findAll('[data-province-metric] option').map((o) => o.text())
    expect(options).toEqual(expect.arrayContaining([metricDef('new')!.label.zh, metricDef('correction_rate')!.label.zh, '收录率（收到÷应报）', '错误']))
  })

  it('says when national.json cannot be loaded, or the province is unknown', async () => {
    const { w } = await mountAt('/province', 404)
    expect(w.find('[data-error-panel]').text()).toContain('data/national.json')
    const other = await mountAt('/province/%E6%97%A0')
    expect(other.w.find('[data-province-unknown]').text()).toContain('无')
  })
})

describe('ProvinceView CSV', () => {
  it('downloads every row and the total with every metric, shares with their n', async () => {
    const { w } = await mountAt('/province/%E7%A6%8F%E5%BB%BA%E7%9C%81?year=2022')
    let saved = ''
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => (void b.text().then((x) => (saved = x)), 'blob:x'), revokeObjectURL: () => {} }))
    await w.find('[data-csv="province-districts"]').trigger('click')
    await vi.waitFor(() => expect(saved).not.toBe(''))
    const lines = saved.replace(/^\uFEFF/, '').trim().split(/\r\n/)
    expect(lines[0]).toContain('公开率（予以公开+部分公开÷办结） n')
    expect(lines).toHaveLength(4) // header, 平潭, the HTML-named district, 合计
    expect(lines[1]!.startsWith('平潭,,1,2,1,0,0.5,2,7,6,0.5,6,')).toBe(true)
    expect(lines[3]!.startsWith('合计,,2,5,2,1,0.4,5,16,15,0.8,15,')).toBe(true)
  })
})
