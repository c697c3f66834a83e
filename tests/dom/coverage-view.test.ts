import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { NodeConnector } from '~/db/node'
import type { DistrictSummary } from '~/db/summary'
import { i18n } from '~/i18n'
import { setEngineFactory, useDbStore } from '~/stores/db'
import { useFiltersStore } from '~/stores/filters'
import { useSummaryStore } from '~/stores/summary'
import CoverageView from '~/views/CoverageView.vue'
import { FIXTURE_DISTRICT, TRICKY_UNIT, openStaffFixture } from '../db/staff-views-fixture'

let db: NodeConnector
beforeAll(async () => { db = await openStaffFixture() })
afterAll(() => db.close())

const EChartStub = defineComponent({ props: ['id', 'option', 'height'], setup: (p) => () => h('div', { 'data-chart-stub': p.id }) })
const Blank = defineComponent({ render: () => h('div') })

const SUMMARY: DistrictSummary = {
  district: FIXTURE_DISTRICT, name: '测试区', city: '', province: '', synthetic: true, years: [2019, 2020, 2021],
  units: [], by_year: [], by_unit_year: [], findings: { error: 2, warn: 1, info: 3 },
}

async function waitFor(check: () => void) {
  await vi.waitFor(check, { timeout: 5000, interval: 20 })
  await flushPromises()
}

async function mountCoverage() {
  const pinia = createPinia()
  setActivePinia(pinia)
  setEngineFactory(async () => db)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ name: 'coverage', path: '/coverage', component: CoverageView }, { name: 'unit', path: '/unit/:unit', component: Blank, props: true }],
  })
  await router.push('/coverage')
  useFiltersStore().set({ district: FIXTURE_DISTRICT })
  useSummaryStore().summary = SUMMARY
  await useDbStore().start()
  const w = mount(CoverageView, { global: { plugins: [pinia, router, i18n], stubs: { EChart: EChartStub } } })
  await waitFor(() => expect(w.findAll('[data-findings-panel] .el-table__row').length).toBeGreaterThan(0))
  return { w, router }
}

describe('CoverageView', { timeout: 20_000 }, () => {
  it('draws the unit × year status grid with a legend of counts', async () => {
    const { w } = await mountCoverage()
    // Filtered in code: the tricky unit name is not a valid CSS attribute selector value.
    const cell = (unit: string, year: number) => w.findAll('[data-coverage-grid] td[data-year]').find((td) => td.attributes('data-unit') === unit && td.attributes('data-year') === String(year))!
    expect(w.findAll('[data-coverage-grid] tbody tr')).toHaveLength(3)
    expect(cell('甲镇', 2019).attributes('data-status')).toBe('not_published')
    expect(cell('乙街道', 2019).attributes('data-status')).toBe('not_collected')
    expect(cell('甲镇', 2019).attributes('title')).toContain('未发布')
    expect(cell('乙街道', 2019).attributes('title')).toContain('未收录')
    expect(cell(TRICKY_UNIT, 2021).attributes('data-status')).toBe('duplicate')
    expect(cell(TRICKY_UNIT, 2021).text()).toBe('×2')
    expect(w.find('[data-coverage-legend] [data-status="not_published"]').text()).toBe('未发布 1')
    expect(w.find('[data-coverage-legend] [data-status="not_collected"]').text()).toBe('未收录 2')
    expect(w.find('[data-coverage-note]').text()).toContain('不是单位的过失')
    // 4 received + 1 duplicate of 8 expected unit-years.
    await waitFor(() => expect(w.find('[data-coverage-progress]').text()).toBe('收录进度 5/8'))
    expect(cell('甲镇', 2020).find('a').attributes('href')).toContain('/unit/%E7%94%B2%E9%95%87')
    await waitFor(() => expect(w.find('[data-chart-stub="coverage-by-year"]').exists()).toBe(true))
  })

  it('lists findings, filters them by level through the URL state, and opens the unit page on a row', async () => {
    const { w, router } = await mountCoverage()
    expect(w.findAll('[data-findings-panel] .el-table__row')).toHaveLength(6)
    await w.find('[data-filter-level="error"]').setValue(true)
    expect(useFiltersStore().param('level')).toBe('error')
    await waitFor(() => expect(w.findAll('[data-findings-panel] .el-table__row')).toHaveLength(2))
    expect(w.find('[data-findings-panel]').text()).toContain('勾稽关系')
    await w.find('[data-findings-panel] .el-table__row').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('unit')
    expect(router.currentRoute.value.query.year).toBeDefined()
  })
})
