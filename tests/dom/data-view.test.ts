import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { NodeConnector } from '~/db/node'
import { i18n } from '~/i18n'
import { setEngineFactory, useDbStore } from '~/stores/db'
import DataView from '~/views/DataView.vue'
import { openStaffFixture } from '../db/staff-views-fixture'

let db: NodeConnector
beforeAll(async () => { db = await openStaffFixture() })
afterAll(() => db.close())
afterEach(() => vi.unstubAllGlobals())

const SHA = 'b'.repeat(64)
const PACKAGE = {
  title: '政府信息公开工作年度报告数据', created: '2026-01-01', licenses: [{ name: 'CC-BY-4.0' }], sources: [{ title: 'http://hulan.gov.cn', path: 'http://hulan.gov.cn' }],
  resources: [
    { name: 'cells', path: 'open/cells.csv', title: '单元格 / Cells', format: 'csv', bytes: 123456, hash: `sha256:${SHA}` },
    { name: 'db', path: 'gov.duckdb', title: 'DuckDB', format: 'duckdb', bytes: 5_000_000, hash: `sha256:${SHA}` },
  ],
}

async function waitFor(check: () => void) {
  await vi.waitFor(check, { timeout: 5000, interval: 20 })
  await flushPromises()
}

async function mountData(pkg: unknown = PACKAGE, status = 200) {
  vi.stubGlobal('fetch', vi.fn(async (url: string) => (url === 'data/datapackage.json' ? new Response(JSON.stringify(pkg), { status }) : new Response('', { status: 404 }))))
  const pinia = createPinia()
  setActivePinia(pinia)
  setEngineFactory(async () => db)
  await useDbStore().start()
  const w = mount(DataView, { global: { plugins: [pinia, i18n] } })
  await waitFor(() => expect(w.find('[data-downloads] table, [data-downloads] [data-error-panel]').exists()).toBe(true))
  return w
}

describe('DataView', () => {
  it('lists every file of datapackage.json with size and digest, and the license and sources', async () => {
    const w = await mountData()
    const rows = w.findAll('[data-downloads] tbody tr')
    expect(rows.map((r) => r.attributes('data-file'))).toEqual(['open/cells.csv', 'gov.duckdb'])
    expect(rows[0]!.find('a').attributes('href')).toBe('data/open/cells.csv')
    expect(rows[0]!.text()).toContain('121 KB')
    expect(rows[1]!.text()).toContain('4.8 MB')
    expect(rows[0]!.find('[title]').attributes('title')).toBe(SHA)
    expect(w.find('[data-links]').text()).toContain('CC-BY-4.0')
    expect(w.find('[data-links] a').attributes('href')).toBe('http://hulan.gov.cn')
  })

  it('says why when datapackage.json cannot be loaded', async () => {
    const w = await mountData({}, 404)
    expect(w.find('[data-downloads] [data-error-panel]').text()).toContain('HTTP 404')
  })

  it('runs a console query on the engine and shows the rows', async () => {
    const w = await mountData()
    await w.find('[data-sql-input]').setValue("SELECT unit, year FROM reports WHERE district = 'testdist' ORDER BY report_id")
    await w.find('[data-run]').trigger('click')
    await waitFor(() => expect(w.find('[data-table="sql-result"]').exists()).toBe(true))
    expect(w.find('[data-table="sql-result"]').text()).toContain('6 行')
    expect(w.find('[data-table="sql-result"]').text()).toContain('乙街道')
  })

  it('refuses a writing statement and shows engine errors with their SQL', async () => {
    const w = await mountData()
    await w.find('[data-sql-input]').setValue('DROP TABLE cells')
    await w.find('[data-run]').trigger('click')
    expect(w.find('[data-sql-error]').text()).toContain('只读')
    await w.find('[data-sql-input]').setValue('SELECT no_such_column FROM cells')
    await w.find('[data-run]').trigger('click')
    await waitFor(() => expect(w.find('[data-sql-error]').text()).toContain('no_such_column'))
    await w.find('[data-sql-error] button').trigger('click')
    expect(w.find('[data-sql-error] pre').text()).toContain('SELECT no_such_column FROM cells')
  })

  it('shows the data dictionary: tables with row counts, cell keys with search, rules', async () => {
    const w = await mountData()
    await waitFor(() => expect(w.find('[data-dict-table="reports"] h4').text()).toContain('7 行'))
    await w.find('[data-dict-tab="cells"]').trigger('click')
    await w.find('[data-dict-search]').setValue('国家秘密')
    expect(w.find('[data-table="dict-cells"]').text()).toContain('apply.result.withheld.state_secret.total')
    expect(w.find('[data-table="dict-cells"] h3').text()).toContain('(7)')
    await w.find('[data-dict-tab="rules"]').trigger('click')
    expect(w.find('[data-table="dict-rules"]').text()).toContain('勾稽关系')
  })
})
