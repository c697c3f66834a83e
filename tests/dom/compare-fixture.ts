import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import { defineComponent, h, type Component } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { openNodeConnector, type NodeConnector } from '~/db/node'
import type { DistrictSummary } from '~/db/summary'
import { i18n } from '~/i18n'
import { setEngineFactory, useDbStore } from '~/stores/db'
import { bindFiltersToRouter, useFiltersStore } from '~/stores/filters'
import { useSummaryStore } from '~/stores/summary'
import { fixtureStatements, type FixtureCoverage, type FixtureReport } from '../db/sql-views-fixture'

/**
 * A small district for the mounted tests of the Compare / Outcomes / Appeal / Active views: two
 * years across the format boundary (2020 gov2019, 2021 gov2021), a report not collected, a
 * not-expected year and a unit name with markup and a quote in it (untrusted text).
 */
export const DISTRICT = 'f2'
export const TRICKY = `O'Brien<b>镇`

const u = (unit: string, unit_code: string, unit_kind: string) => ({ district: DISTRICT, unit, unit_code, unit_kind })
const JIA = u('甲镇', '001', '镇')
const YI = u('乙街道', '002', '街道')
const TR = u(TRICKY, '003', '镇')

const REPORTS: FixtureReport[] = [
  { ...JIA, report_id: 1, year: 2020, format: 'gov2019', cells: {
    'apply.new.total': 5, 'apply.result.granted.total': 3, 'apply.result.granted.natural_person': 3,
    'apply.result.other.subtotal.total': 1, 'apply.result.other.subtotal.natural_person': 1, 'apply.result.total.total': 4,
    'review.maintained': 1, 'review.total': 1,
    'active.normative.new_made': 2, 'active.license.decisions': 10, 'active.fee.prev_items': 3, 'active.fee.delta': -1 } },
  { ...JIA, report_id: 2, year: 2021, format: 'gov2021', cells: {
    'apply.new.total': 8, 'apply.result.granted.total': 4, 'apply.result.granted.natural_person': 4,
    'apply.result.other.unpaid_fee.total': 2, 'apply.result.other.unpaid_fee.legal.commercial': 2,
    'apply.result.withheld.state_secret.total': 1, 'apply.result.withheld.state_secret.natural_person': 1, 'apply.result.total.total': 7,
    'review.corrected': 1, 'review.pending': 1, 'review.total': 3, 'review.maintained': 1,
    'litigation.direct.maintained': 1, 'litigation.direct.total': 1,
    'active.normative.issued': 1, 'active.normative.in_force': 6, 'active.license.decisions': 12, 'active.fee.amount_wan': 1.5 } },
  { ...YI, report_id: 3, year: 2021, format: 'gov2021', cells: {
    'apply.new.total': 3, 'apply.result.partial.total': 2, 'apply.result.partial.legal.research': 2, 'apply.result.total.total': 2,
    'review.corrected': 2, 'review.total': 2, 'active.license.decisions': 4, 'active.penalty.decisions': 7 } },
  { ...TR, report_id: 4, year: 2021, format: 'gov2021', cells: {
    'apply.new.total': 0, 'apply.result.total.total': 0, 'review.total': 0, 'active.license.decisions': 0 } },
]

const COVERAGE: FixtureCoverage[] = [
  { ...JIA, year: 2020, status: 'received' }, { ...JIA, year: 2021, status: 'received' },
  { ...YI, year: 2020, status: 'not_collected' }, { ...YI, year: 2021, status: 'received' },
  { ...TR, year: 2020, status: 'not_expected' }, { ...TR, year: 2021, status: 'received' },
]

const SUMMARY: DistrictSummary = {
  district: DISTRICT, name: '测试区', city: '', province: '', synthetic: true, years: [2020, 2021],
  units: [JIA, YI, TR].map(({ unit, unit_code, unit_kind }) => ({ unit, unit_code, unit_kind: unit_kind as '镇' })),
  by_year: [], by_unit_year: [], findings: { error: 0, warn: 0, info: 0 },
}

/** Opens the fixture through the real Node Connector (the Connector the browser's twin mirrors). */
export async function openViewsFixture(): Promise<NodeConnector> {
  const db = await openNodeConnector()
  for (const sql of fixtureStatements(REPORTS, COVERAGE)) await db.exec(sql)
  return db
}

/** The chart stub: happy-dom has no canvas. Keeps `id` and `option` for assertions and re-emits clicks. */
export const EChartStub = defineComponent({
  props: ['id', 'option', 'height'],
  emits: ['click'],
  setup: (p) => () => h('div', { 'data-chart-stub': p.id }),
})

/** Mounts a view at `path?query` on the fixture, with the filters bound to the router (so clicks reach the URL). */
export async function mountView(view: Component, path: string, db: NodeConnector): Promise<{ w: VueWrapper; router: Router }> {
  const pinia = createPinia()
  setActivePinia(pinia)
  setEngineFactory(async () => db)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: path.split('?')[0]!, component: view }, { name: 'unit', path: '/unit/:unit', component: { render: () => null } }] })
  bindFiltersToRouter(router, useFiltersStore())
  await router.push(path)
  useSummaryStore().summary = SUMMARY
  await useDbStore().start()
  const w = mount(view, { global: { plugins: [pinia, router, i18n], stubs: { EChart: EChartStub } } })
  return { w, router }
}

/** Waits until `check` passes (queries run on real, asynchronous DuckDB). */
export async function until(check: () => void): Promise<void> {
  await vi.waitFor(check, { timeout: 5000, interval: 20 })
  await flushPromises()
}

/** The option object the stubbed chart `id` received (plain data; functions included). */
export function chartOption(w: VueWrapper, id: string): any {
  const stub = w.findAllComponents(EChartStub).find((c) => c.props('id') === id)
  return stub?.props('option') ?? null
}

/** Simulates an ECharts click on chart `id`. */
export async function clickChart(w: VueWrapper, id: string, params: Record<string, unknown>): Promise<void> {
  const stub = w.findAllComponents(EChartStub).find((c) => c.props('id') === id)
  if (!stub) throw new Error(`no chart ${id}`)
  stub.vm.$emit('click', params)
  await flushPromises()
}
