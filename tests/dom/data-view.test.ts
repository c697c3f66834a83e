import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import SqlConsole from '~/components/data/SqlConsole.vue'
import { consoleState } from '~/components/data/console-state'
import { setConsoleEngineFactory } from '~/db/console-factory'
import { consoleSetupSql } from '~/db/console-settings'
import { ConsoleStopped, type ConsoleEngine } from '~/db/console-types'
import { openNodeConnector, type NodeConnector } from '~/db/node'
import { i18n } from '~/i18n'
import { setEngineFactory, useDbStore } from '~/stores/db'
import { useFiltersStore } from '~/stores/filters'
import DataView from '~/views/DataView.vue'
import { writeFixtureDb } from '../db/fixture-db'
import { openStaffFixture } from '../db/staff-views-fixture'

let db: NodeConnector
/** The console's database: the fixture file behind the console's own lockdown settings. */
let consoleDb: NodeConnector
let cleanup: () => void
const consoleSql: string[] = []
beforeAll(async () => {
  db = await openStaffFixture()
  const fixture = await writeFixtureDb()
  cleanup = fixture.cleanup
  consoleDb = await openNodeConnector()
  for (const sql of consoleSetupSql(fixture.file, 'gov')) await consoleDb.exec(sql)
})
afterAll(() => {
  db.close()
  consoleDb.close()
  cleanup()
})
afterEach(() => {
  vi.unstubAllGlobals()
  consoleState.running.value = null
  consoleState.result.value = null
  consoleState.error.value = null
  consoleSql.length = 0
})

/** The console engine over native DuckDB (the WASM twin is tested in Chromium). */
const nodeConsole: ConsoleEngine = {
  async run(sql) {
    consoleSql.push(sql)
    const rows = await consoleDb.query<Record<string, never>>(sql)
    return { columns: Object.keys(rows[0] ?? {}).map((name) => ({ name, type: '' })), rows }
  },
  prepare() {},
  cancel() {},
  async close() {},
}

const SHA = 'b'.repeat(64)
const PACKAGE = {
  title: '政府信息公开工作年度报告数据 / Government information disclosure annual reports', created: '2026-01-01T06:30:00.000Z', version: '2026.01.01+abcdef12',
  licenses: [{ name: 'CC-BY-4.0' }], sources: [{ title: 'http://hulan.gov.cn', path: 'http://hulan.gov.cn' }],
  districts: [
    { id: 'hulan', name: '呼兰区', license: 'CC-BY-4.0', license_note: 'CC-BY-4.0 covers this compilation only.', synthetic: false },
    { id: 'demo', name: '示例区', license: 'CC0-1.0', license_note: '', synthetic: true },
  ],
  resources: [
    { name: 'cells', path: 'open/cells.csv', title: '单元格 / Cells', format: 'csv', bytes: 123456, hash: `sha256:${SHA}` },
    { name: 'db', path: 'gov.duckdb', title: 'DuckDB', format: 'duckdb', bytes: 5_000_000, hash: `sha256:${SHA}` },
    { name: 'hulan-cells', path: 'open/hulan/cells.csv', title: '呼兰区 · 单元格', format: 'csv', bytes: 100, hash: `sha256:${SHA}`, licenses: [{ name: 'CC-BY-4.0' }] },
    { name: 'demo-cells', path: 'open/demo/cells.csv', title: '示例区 · 单元格', format: 'csv', bytes: 100, hash: `sha256:${SHA}`, licenses: [{ name: 'CC0-1.0' }] },
  ],
}
const CHANGELOG = {
  builds: [
    { version: '2026.01.01+abcdef12', created: '2026-01-01T06:30:00.000Z', changes: [{ zh: '呼兰区：报告 1 → 2', en: 'hulan: reports 1 → 2' }] },
    { version: '2025.12.01+12345678', created: '2025-12-01T00:00:00.000Z', changes: [{ zh: '首次发布', en: 'First release' }] },
  ],
}

async function waitFor(check: () => void) {
  await vi.waitFor(check, { timeout: 5000, interval: 20 })
  await flushPromises()
}

async function mountData(pkg: unknown = PACKAGE, status = 200, before: () => void = () => {}) {
  const pinia = await setup(pkg, status)
  before()
  const w = mount(DataView, { global: { plugins: [pinia, i18n] } })
  await waitFor(() => expect(w.find('[data-downloads] table, [data-downloads] [data-error-panel]').exists()).toBe(true))
  return w
}

/** Fetch stubs, stores and both engines, without mounting. */
async function setup(pkg: unknown = PACKAGE, status = 200) {
  vi.stubGlobal('fetch', vi.fn(async (url: string) =>
    url === 'data/datapackage.json' ? new Response(JSON.stringify(pkg), { status })
      : url === 'data/changelog.json' ? new Response(JSON.stringify(CHANGELOG), { status: 200 })
        : new Response('', { status: 404 })))
  const pinia = createPinia()
  setActivePinia(pinia)
  setEngineFactory(async () => db)
  setConsoleEngineFactory(async () => nodeConsole)
  await useDbStore().start()
  useFiltersStore().set({ district: 'demo' })
  return pinia
}

describe('DataView', { timeout: 30_000 }, () => {
  it('lists the files of all districts, then each district with the license that covers it', async () => {
    const w = await mountData()
    const rows = w.findAll('[data-downloads] tbody tr')
    expect(rows.map((r) => r.attributes('data-file'))).toEqual(['open/cells.csv', 'gov.duckdb', 'open/hulan/cells.csv', 'open/demo/cells.csv'])
    expect(rows[0]!.find('a').attributes('href')).toBe('data/open/cells.csv')
    expect(rows[2]!.find('a').attributes('download')).toBe('hulan-cells.csv')
    expect(rows[0]!.text()).toContain('121 KB')
    expect(rows[1]!.text()).toContain('4.8 MB')
    expect(rows[0]!.find('[title]').attributes('title')).toBe(SHA)
    const hulan = w.find('[data-district-files="hulan"]')
    expect(hulan.find('[data-district-license]').text()).toBe('CC-BY-4.0')
    expect(hulan.find('[data-license-note]').text()).toContain('compilation only')
    expect(w.find('[data-district-files="demo"]').text()).toContain('CC0-1.0')
    expect(w.find('[data-district-files="demo"]').text()).toContain('合成示例数据')
    expect(w.find('[data-links]').text()).toContain('呼兰区：CC-BY-4.0')
    expect(w.find('[data-links] a').attributes('href')).toBe('http://hulan.gov.cn')
  })

  it('shows the version, the generation time in local format, how to cite, and the changelog', async () => {
    const w = await mountData()
    expect(w.find('[data-version]').text()).toBe('2026.01.01+abcdef12')
    const created = w.find('[data-created]').text()
    expect(created).not.toContain('T06:30')
    expect(created).toBe(new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(PACKAGE.created)))
    expect(w.find('[data-created]').attributes('title')).toBe(PACKAGE.created)
    const cite = w.find('[data-cite]').text()
    expect(cite).toContain('《政府信息公开工作年度报告数据》')
    expect(cite).toContain('2026.01.01+abcdef12')
    expect(cite).toContain('呼兰区、示例区')
    await waitFor(() => expect(w.findAll('[data-changelog] [data-build]')).toHaveLength(2))
    expect(w.find('[data-build="2026.01.01+abcdef12"]').text()).toContain('呼兰区：报告 1 → 2')
  })

  it('says why when datapackage.json cannot be loaded', async () => {
    const w = await mountData({}, 404)
    expect(w.find('[data-downloads] [data-error-panel]').text()).toContain('HTTP 404')
  })

  it('runs a console query on the console engine, shows the rows, and puts the query in the URL', async () => {
    const w = await mountData()
    const sql = "SELECT unit, year, key, label_zh FROM cells WHERE district = 'demo' AND key = 'apply.result.withheld.state_secret.total'"
    await w.find('[data-sql-input]').setValue(sql)
    await w.find('[data-run]').trigger('click')
    await waitFor(() => expect(w.find('[data-table="sql-result"]').exists()).toBe(true))
    expect(w.find('[data-table="sql-result"]').text()).toContain('甲镇')
    expect(w.find('[data-table="sql-result"]').text()).toContain('国家秘密')
    expect(useFiltersStore().param('sql')).toBe(sql)
    // Keys are not broken mid-word: the key column is wide enough for the longest key.
    const keyCol = w.findAll('[data-table="sql-result"] col').map((c) => Number.parseInt(c.attributes('width') ?? '0'))
    expect(Math.max(...keyCol)).toBeGreaterThanOrEqual('apply.result.withheld.state_secret.total'.length * 7)
  })

  it('runs the query of a permalink at once', async () => {
    const w = await mountData(PACKAGE, 200, () => useFiltersStore().setParam('sql', 'SELECT 6 * 7 AS answer'))
    await waitFor(() => expect(w.find('[data-table="sql-result"]').text()).toContain('42'))
    expect((w.find('[data-sql-input]').element as HTMLTextAreaElement).value).toBe('SELECT 6 * 7 AS answer')
  })

  it('offers examples for the selected district that count each unit-year once', async () => {
    const w = await mountData()
    const text = (w.find('[data-sql-input]').element as HTMLTextAreaElement).value
    expect(text).toContain("c.district = 'demo'")
    expect(text).toContain('r.counted')
    const options = w.findAll('[data-examples] option')
    expect(options.length).toBeGreaterThan(3)
    await w.find('[data-examples]').setValue('1')
    expect((w.find('[data-sql-input]').element as HTMLTextAreaElement).value).toContain("FROM coverage WHERE district = 'demo'")
  })

  it('downloads every row of the result, not only the rows shown, formula-safe', async () => {
    const blobs: Blob[] = []
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:x'), revokeObjectURL: () => {} }))
    const w = mount(SqlConsole, { props: { rowLimit: 5 }, global: { plugins: [await setup(), i18n] } })
    await w.find('[data-sql-input]').setValue("SELECT range AS n, '=1+' || range AS f FROM range(1500)")
    await w.find('[data-run]').trigger('click')
    await waitFor(() => expect(w.find('[data-truncated]').exists()).toBe(true))
    expect(consoleSql.at(-1)).toContain('LIMIT 6')
    expect(w.findAll('[data-table="sql-result"] tbody tr')).toHaveLength(5)
    await w.find('[data-export-all]').trigger('click')
    await waitFor(() => expect(blobs).toHaveLength(1))
    const csv = await blobs[0]!.text()
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toBe('n,f')
    expect(lines).toHaveLength(1501)
    expect(lines[1500]).toBe("1499,'=1+1499")
  })

  it('says when a query was stopped by the time limit or cancelled', async () => {
    const w = await mountData()
    setConsoleEngineFactory(async () => ({ ...nodeConsole, run: async (_sql, limit) => { throw new ConsoleStopped('timeout', limit) } }))
    await w.find('[data-run]').trigger('click')
    await waitFor(() => expect(w.find('[data-sql-error]').text()).toContain('超过 30 秒的时间限制'))
    setConsoleEngineFactory(async () => ({ ...nodeConsole, run: async (_sql, limit) => { throw new ConsoleStopped('cancelled', limit) } }))
    await w.find('[data-run]').trigger('click')
    await waitFor(() => expect(w.find('[data-sql-error]').text()).toContain('查询已取消'))
  })

  it('refuses a writing statement and shows engine errors with their SQL', async () => {
    const w = await mountData()
    await w.find('[data-sql-input]').setValue('DROP TABLE cells')
    await w.find('[data-run]').trigger('click')
    expect(w.find('[data-sql-error]').text()).toContain('语句须以')
    await w.find('[data-sql-input]').setValue('SELECT no_such_column FROM cells')
    await w.find('[data-run]').trigger('click')
    await waitFor(() => expect(w.find('[data-sql-error]').text()).toContain('no_such_column'))
    await w.find('[data-sql-error] button').trigger('click')
    expect(w.find('[data-sql-error] pre').text()).toContain('SELECT no_such_column FROM cells')
  })

  it('the schema sidebar lists tables and columns with types and Chinese titles, and inserts a name', async () => {
    const w = await mountData()
    const col = w.find('[data-schema-column="cells.label_zh"]')
    expect(col.text()).toContain('VARCHAR')
    expect(col.text()).toContain('印刷标签')
    expect(w.find('[data-schema-column="reports.counted"]').text()).toContain('计入汇总')
    await w.find('[data-sql-input]').setValue('SELECT  FROM cells')
    const el = w.find('[data-sql-input]').element as HTMLTextAreaElement
    el.setSelectionRange(7, 7)
    await col.find('button').trigger('click')
    expect(el.value).toBe('SELECT label_zh FROM cells')
  })

  it('shows the data dictionary: tables with row counts and CSV rules, cell keys with search, metrics, rules; the tab is in the URL', async () => {
    const w = await mountData()
    await waitFor(() => expect(w.find('[data-dict-table="reports"] h3').text()).toContain('7 行'))
    expect(w.find('[data-csv-rules]').text()).toContain("'")
    expect(w.find('[data-dict-table="cells"]').text()).toContain('label_zh')
    await w.find('[data-dict-tab="cells"]').trigger('click')
    expect(useFiltersStore().state.tab).toBe('cells')
    await w.find('[data-dict-search]').setValue('国家秘密')
    expect(w.find('[data-table="dict-cells"]').text()).toContain('apply.result.withheld.state_secret.total')
    expect(w.find('[data-table="dict-cells"] h2').text()).toContain('(7)')
    await w.find('[data-dict-tab="metrics"]').trigger('click')
    const metrics = w.find('[data-table="dict-metrics"]').text()
    expect(metrics).toContain('纠错率')
    expect(metrics).toContain('review.corrected')
    await w.find('[data-dict-tab="rules"]').trigger('click')
    expect(w.find('[data-table="dict-rules"]').text()).toContain('勾稽关系')
    useFiltersStore().set({ tab: 'metrics' })
    await flushPromises()
    expect(w.find('[data-table="dict-metrics"]').exists()).toBe(true)
  })
})
