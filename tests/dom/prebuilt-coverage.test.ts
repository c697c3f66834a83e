/**
 * The prebuilt states must cover what the views really ask: each view (and its components) is
 * mounted in the states the data build prebuilds — the default, a year, a kind, a year and a kind
 * — on an engine that records every SQL text, and each text must be one src/db/prebuilt-states.ts
 * lists for that state. A view that changes its queries (a new chart, another scope) fails here
 * instead of silently waiting for the engine again on first paint.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type Component } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { NodeConnector } from '~/db/node'
import { DEFAULT_STATE, moreStates, resolvedYear, unitPageBaseSql, unitPageYearSql, viewSql, type HeaderState } from '~/db/prebuilt-states'
import { unitReportsSql, type UnitReportRow } from '~/db/sql/unit'
import { i18n } from '~/i18n'
import { setEngineFactory, useDbStore } from '~/stores/db'
import { bindFiltersToRouter } from '~/stores/filters'
import { useSummaryStore } from '~/stores/summary'
import ActiveView from '~/views/ActiveView.vue'
import AppealView from '~/views/AppealView.vue'
import CompareView from '~/views/CompareView.vue'
import CoverageView from '~/views/CoverageView.vue'
import OutcomesView from '~/views/OutcomesView.vue'
import OverviewView from '~/views/OverviewView.vue'
import UnitsView from '~/views/UnitsView.vue'
import UnitView from '~/views/UnitView.vue'
import { fixtureSummary, openFixtureDb } from '../db/fixture-db'

let db: NodeConnector
let close: () => void
beforeAll(async () => {
  ;({ db, close } = await openFixtureDb())
})
afterAll(() => close())
afterEach(() => vi.unstubAllGlobals())

const summary = fixtureSummary()
const EChartStub = defineComponent({ props: ['id', 'option', 'height'], setup: () => () => h('div') })

/** Mount `view` at `path` with the header state in the URL; the SQL texts it asked the engine. */
async function askedSql(view: Component, path: string, state: HeaderState): Promise<string[]> {
  const pinia = createPinia()
  setActivePinia(pinia)
  vi.stubGlobal('fetch', async (url: string) => {
    if (url === 'data/index.json') return new Response(JSON.stringify({ districts: [{ id: 'demo', name: '示例区', synthetic: true, summary: 'summary/demo.json' }] }))
    if (url === 'data/summary/demo.json') return new Response(JSON.stringify(summary))
    return new Response('', { status: 404 })
  })
  const asked: string[] = []
  setEngineFactory(async () => ({ query: <T,>(sql: string) => (asked.push(sql), db.query<T>(sql)), exec: (sql: string) => db.exec(sql) }))
  const stub = { render: () => null }
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/', component: view }, { path: '/unit/:unit', name: 'unit', component: view, props: true },
    ...['coverage', 'briefing', 'card', 'compare'].map((name) => ({ name, path: `/${name}-stub`, component: stub })),
  ] })
  const query = new URLSearchParams()
  if (state.year !== null) query.set('year', String(state.year))
  if (state.kinds.length) query.set('kind', state.kinds.join(','))
  await router.push(`${path}${query.size ? `?${query}` : ''}`)
  bindFiltersToRouter(router)
  await useSummaryStore().load(null)
  const w = mount({ render: () => h(router.currentRoute.value.matched[0]!.components!.default as Component, router.currentRoute.value.params) }, {
    global: { plugins: [pinia, router, i18n], stubs: { EChart: EChartStub } },
  })
  await useDbStore().start()
  for (let i = 0; i < 10; i++) await flushPromises()
  w.unmount()
  return [...new Set(asked)]
}

/** States checked per view: the default, a year, a kind the district has, both. */
function states(): HeaderState[] {
  const more = moreStates(summary)
  const kind = summary.units[0]!.unit_kind
  return [DEFAULT_STATE, more.find((s) => s.year === summary.years[0] && !s.kinds.length)!, { year: null, kinds: [kind] }, { year: summary.years[0]!, kinds: [kind] }]
}

const VIEWS: [name: Exclude<Parameters<typeof viewSql>[0], never>, Component][] = [
  ['overview', OverviewView], ['compare', CompareView], ['outcomes', OutcomesView], ['appeal', AppealView],
  ['active', ActiveView], ['coverage', CoverageView], ['units', UnitsView],
]

describe('the prebuilt states cover what each view asks', () => {
  for (const [name, view] of VIEWS) {
    it(`${name}: every SQL the view runs in each prebuilt state is prebuilt for that state`, async () => {
      for (const state of states()) {
        const asked = await askedSql(view, '/', state)
        expect(asked.length, `${name} asked nothing`).toBeGreaterThan(0)
        const listed = new Set(viewSql(name, summary, state))
        expect(asked.filter((sql) => !listed.has(sql)), `${name} in ${JSON.stringify(state)}`).toEqual([])
      }
    }, 120_000)
  }

  it('unit page: every SQL for a unit at its default year and at another year is prebuilt', async () => {
    const unit = summary.units[0]!.unit
    const reports = await db.query<UnitReportRow>(unitReportsSql(summary.district, unit))
    for (const year of [null, summary.years[0]!]) {
      const asked = await askedSql(UnitView, `/unit/${encodeURIComponent(unit)}`, { year, kinds: [] })
      const listed = new Set([...unitPageBaseSql(summary.district, unit), ...unitPageYearSql(summary.district, unit, resolvedYear(summary, year)!, reports)])
      expect(asked.length).toBeGreaterThan(0)
      expect(asked.filter((sql) => !listed.has(sql)), `unit page, year ${year}`).toEqual([])
    }
  }, 120_000)
})
