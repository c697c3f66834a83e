import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { NodeConnector } from '~/db/node'
import { i18n } from '~/i18n'
import { setEngineFactory, useDbStore } from '~/stores/db'
import { useFiltersStore } from '~/stores/filters'
import UnitView from '~/views/UnitView.vue'
import { FIXTURE_DISTRICT, openStaffFixture } from '../db/staff-views-fixture'

let db: NodeConnector
beforeAll(async () => { db = await openStaffFixture() })
afterAll(() => db.close())

// happy-dom has no canvas: the chart component is stubbed (docs/stack-notes.md).
const EChartStub = defineComponent({ props: ['id', 'option', 'height'], setup: (p) => () => h('div', { 'data-chart-stub': p.id }) })

/** Queries run on a real (native, asynchronous) DuckDB: wait until the page shows `selector`. */
async function until(w: { find: (s: string) => { exists: () => boolean } }, selector: string) {
  await vi.waitFor(() => { if (!w.find(selector).exists()) throw new Error(`waiting for ${selector}`) }, { timeout: 5000, interval: 20 })
  await flushPromises()
}

async function mountUnit(unit: string, year: number | null = null, ready = '[data-findings] [data-rule], [data-findings] li') {
  const pinia = createPinia()
  setActivePinia(pinia)
  setEngineFactory(async () => db)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ name: 'unit', path: '/unit/:unit', component: UnitView, props: true }, { name: 'card', path: '/card/:unit', component: { render: () => null } }] })
  await router.push(`/unit/${encodeURIComponent(unit)}`)
  useFiltersStore().set({ district: FIXTURE_DISTRICT, year })
  await useDbStore().start()
  const wrapper = mount(UnitView, { props: { unit }, global: { plugins: [pinia, router, i18n], stubs: { EChart: EChartStub } } })
  await until(wrapper, ready)
  return wrapper
}

describe('UnitView', () => {
  it('redraws the chosen year as the official tables with findings marked on their cells', async () => {
    // The tables, their cells and the findings marked on them come from separate queries: wait for all.
    const w = await mountUnit('甲镇', 2021, 'td[data-key="apply.new.total"][data-level]')
    await until(w, 'td[data-key="active.fee.amount_wan"]')
    expect(w.find('[data-layout="gov2021.apply"]').exists()).toBe(true)
    const newTotal = w.find('td[data-key="apply.new.total"]')
    expect(newTotal.text()).toBe('10')
    expect(newTotal.attributes('data-level')).toBe('error')
    expect(w.find('td[data-key="apply.carry_forward.total"]').attributes('data-presence')).toBe('blank')
    expect(w.find('td[data-key="review.total"]').attributes('data-presence')).toBe('absent')
    expect(w.find('td[data-key="active.fee.amount_wan"]').text()).toBe('0（无）')
  })

  it('lists the findings, shows provenance with the format mismatch, and the prose as text', async () => {
    const w = await mountUnit('甲镇', 2021)
    await until(w, '[data-format-claimed]')
    await until(w, '[data-prose="overview"]')
    expect(w.findAll('[data-findings] [data-rule]').map((li) => li.attributes('data-rule'))).toEqual(['A1', 'C1', 'A9'])
    expect(w.find('[data-findings]').text()).toContain('空白单元格按 0 计算')
    expect(w.find('[data-format-claimed]').text()).toContain('gov2019')
    expect(w.find('[data-prose="overview"]').text()).toContain('总体情况 2')
    await until(w, '[data-chart-stub="unit-trend"]')
  })

  it('marks an incomplete year on the trend with the reports its median is taken over (issue 10 item 5)', async () => {
    const w = await mountUnit('甲镇', 2021)
    const option = () => w.findAllComponents(EChartStub).find((c) => c.props('id') === 'unit-trend')?.props('option') as any
    // 2020: 甲镇 and 乙街道 received, the third unit not collected → 2/3; 2021 complete.
    await vi.waitFor(() => expect(option()?.xAxis.axisLabel?.formatter('2020')).toBe('2020\n2/3'), { timeout: 5000 })
    expect(option().xAxis.axisLabel.formatter('2021')).toBe('2021')
  })

  it('never shows the tables with another query’s findings while the report’s own findings load', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    // The report's findings query answers last: until then the page must not pair report 2's
    // tables with the rows of the earlier (year-only) findings query.
    const slow: NodeConnector = Object.create(db)
    slow.query = async <T,>(sql: string) => {
      if (sql.includes('report_id = 2 OR')) await new Promise((r) => setTimeout(r, 400))
      return db.query<T>(sql)
    }
    setEngineFactory(async () => slow)
    const router = createRouter({ history: createMemoryHistory(), routes: [{ name: 'unit', path: '/unit/:unit', component: UnitView, props: true }, { name: 'card', path: '/card/:unit', component: { render: () => null } }] })
    await router.push('/unit/甲镇')
    useFiltersStore().set({ district: FIXTURE_DISTRICT, year: 2021 })
    await useDbStore().start()
    const w = mount(UnitView, { props: { unit: '甲镇' }, global: { plugins: [pinia, router, i18n], stubs: { EChart: EChartStub } } })
    const rules = () => w.findAll('[data-findings] [data-rule]').map((li) => li.attributes('data-rule'))
    // The first moment the tables are drawn, their findings are the report's own.
    await vi.waitFor(() => { if (!w.find('td[data-key="apply.new.total"]').exists()) throw new Error('waiting for the tables') }, { timeout: 5000, interval: 5 })
    expect(rules()).toEqual(['A1', 'C1', 'A9'])
    expect(w.find('td[data-key="apply.new.total"]').attributes('data-level')).toBe('error')
  })

  it('explains a clicked cell: its label, state and findings', async () => {
    const w = await mountUnit('甲镇', 2021)
    await w.find('td[data-key="apply.new.total"]').trigger('click')
    const explain = w.find('[data-cell-explain]').text()
    expect(explain).toContain('一、本年新收政府信息公开申请数量')
    expect(explain).toContain('勾稽不平')
  })

  it('switches year with the year switcher', async () => {
    const w = await mountUnit('甲镇', 2021)
    expect(w.findAll('[data-year-switcher] button').map((b) => b.text())).toEqual(['2019未发布', '2020', '2021'])
    await w.find('[data-year-switcher] [data-report="1"]').trigger('click')
    await vi.waitFor(() => expect(w.find('td[data-key="apply.new.total"]').text()).toBe('4'), { timeout: 5000, interval: 20 })
    await vi.waitFor(() => expect(w.findAll('[data-findings] [data-rule]').map((li) => li.attributes('data-rule'))).toEqual(['C5']), { timeout: 5000, interval: 20 })
  })

  it('says so when the district has no such unit, and offers a unit search', async () => {
    const w = await mountUnit('不存在的镇', null, '[data-empty]')
    expect(w.find('[data-empty]').text()).toContain('不存在的镇')
    expect(w.find('[data-unknown-unit]').text()).toContain('登记表中没有')
    expect(w.find('[data-unit-search]').exists()).toBe(true)
    expect(w.find('[data-year-switcher]').exists()).toBe(false)
  })

  it('shows the chosen year’s state, never another year’s report, when that year has no report', async () => {
    // 甲镇 has 2020 and 2021 reports; 2019 was looked for and not found (not_published).
    const w = await mountUnit('甲镇', 2019, '[data-missing-year]')
    expect(w.find('[data-report-year]').exists()).toBe(false)
    expect(w.find('td[data-key="apply.new.total"]').exists()).toBe(false)
    const missing = w.find('[data-missing-year]')
    expect(missing.attributes('data-status')).toBe('not_published')
    expect(missing.text()).toContain('2019 年未收到报告')
    expect(missing.text()).toContain('未发布')
    const greyed = w.find('[data-year-switcher] button[data-year="2019"]')
    expect(greyed.classes()).toContain('is-missing')
    expect(greyed.attributes('aria-pressed')).toBe('true')
  })

  it('marks the official tables with the year they show', async () => {
    const w = await mountUnit('甲镇', 2020, '[data-report-year] td[data-key="apply.new.total"]')
    expect(w.find('[data-report-year]').attributes('data-report-year')).toBe('2020')
    expect(w.find('td[data-key="apply.new.total"]').text()).toBe('4')
  })

  it('shows a registered unit without any report: its registry entry and coverage row', async () => {
    await db.exec(`INSERT INTO units (district, unit, unit_code, unit_kind, aliases) VALUES ('${FIXTURE_DISTRICT}', '丙乡', '009', '乡', '丙乡人民政府|丙')`)
    await db.exec(`INSERT INTO coverage (district, unit, unit_code, unit_kind, year, status, n_reports) VALUES
      ('${FIXTURE_DISTRICT}', '丙乡', '009', '乡', 2020, 'not_collected', 0), ('${FIXTURE_DISTRICT}', '丙乡', '009', '乡', 2021, 'not_published', 0)`)
    // Reached by an alias: the page names the registered unit.
    const w = await mountUnit('丙乡人民政府', 2020, '[data-registry]')
    expect(w.find('h2').text()).toBe('丙乡')
    expect(w.find('[data-alias-note]').exists()).toBe(true)
    expect(w.find('[data-empty]').exists()).toBe(false)
    expect(w.find('[data-registry]').text()).toContain('009')
    expect(w.find('[data-registry-progress]').text()).toBe('0/2')
    expect(w.findAll('[data-year-switcher] button').map((b) => [b.attributes('data-year'), b.attributes('data-status')])).toEqual([
      ['2020', 'not_collected'], ['2021', 'not_published'],
    ])
    expect(w.find('[data-missing-year]').attributes('data-status')).toBe('not_collected')
    expect(w.find('[data-missing-year]').text()).toContain('不是单位的过失')
  })
})
