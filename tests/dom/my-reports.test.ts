import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Connector } from '~/db/connector'
import { i18n } from '~/i18n'
import LocalBanner from '~/local/LocalBanner.vue'
import { deriveLocal } from '~/local/derive'
import { useLocalStore } from '~/local/local-store'
import { parseDropped } from '~/local/parse-files'
import { loadDistrict, saveDistrict } from '~/local/persist'
import type { LocalBuild, RegistrySpec } from '~/local/types'
import { createAppRouter } from '~/router'
import { setEngineFactory } from '~/stores/db'
import { useSummaryStore } from '~/stores/summary'
import MyReportsView from '~/views/MyReportsView.vue'

// happy-dom replaces URL, so files are found from the project root.
const read = (p: string) => new Uint8Array(readFileSync(resolve(process.cwd(), p)))
const SPEC: RegistrySpec = { kind: 'csv', fileName: 'units.csv', bytes: read('data/districts/pingtan/units.csv'), name: '平潭综合实验区' }

async function localBuild(): Promise<LocalBuild> {
  const { parsed, skipped } = await parseDropped([
    { name: '2021/c001.txt', bytes: read('tests/corpus/raw/c001.txt') },
    { name: 'hulan-baikui-2021.txt', bytes: read('tests/fixtures/shared/hulan-baikui-2021.txt') },
    { name: '通知.txt', bytes: new TextEncoder().encode('会议通知\n') },
    { name: '.DS_Store', bytes: new Uint8Array([0, 1]) },
  ])
  return deriveLocal(parsed, SPEC, skipped)
}

/** A fake engine that records what it was asked to run. */
function recordingEngine(): string[] {
  const ran: string[] = []
  const connector: Connector = {
    async query<T>() { return [] as T[] },
    async exec(sql: string) { ran.push(sql) },
  }
  setEngineFactory(async () => connector)
  return ran
}

function mountView() {
  const pinia = createPinia()
  setActivePinia(pinia)
  return { pinia, w: mount(MyReportsView, { global: { plugins: [pinia, createAppRouter(createMemoryHistory()), i18n] } }) }
}

beforeEach(() => localStorage.clear())

describe('MyReportsView', () => {
  it('lists every file with what became of it: read, unit not matched, unreadable (with the reason), not taken in', async () => {
    const build = await localBuild()
    const { w } = mountView()
    recordingEngine()
    useLocalStore().build = build
    useLocalStore().status = 'ready'
    await flushPromises()
    expect(w.find('[data-local-reports]').text()).toBe('3')
    const row = (name: string) => w.find(`[data-review-row="${name}"]`)
    expect(row('2021/c001.txt').attributes('data-status')).toMatch(/^(ok|error)$/)
    expect(row('2021/c001.txt').text()).toContain('平潭综合实验区公安局')
    expect(row('hulan-baikui-2021.txt').attributes('data-status')).toBe('unmatched')
    expect(row('hulan-baikui-2021.txt').text()).toContain('单位登记表中没有')
    expect(row('通知.txt').attributes('data-status')).toBe('unreadable')
    expect(row('通知.txt').text()).toContain('通知.txt')
    expect(row('.DS_Store').attributes('data-status')).toBe('skipped')
    expect(row('.DS_Store').text()).toContain('隐藏文件')
    expect(w.find('[data-count="unreadable"]').text()).toContain('1')
  })

  it('removes the local district only when confirmed: engine views restored, picker and storage emptied', async () => {
    const build = await localBuild()
    const { w } = mountView()
    const ran = recordingEngine()
    const local = useLocalStore()
    await saveDistrict(SPEC, build)
    local.build = build
    local.status = 'ready'
    useSummaryStore().setExtra('local', { entry: { id: 'local', name: '我的报告（本地）', synthetic: false, summary: '' }, summary: build.summary })
    await flushPromises()

    // happy-dom has no window.confirm: the test provides the user's answer.
    const confirm = vi.fn(() => false)
    vi.stubGlobal('confirm', confirm)
    await w.find('[data-action="remove"]').trigger('click')
    await flushPromises()
    expect(confirm).toHaveBeenCalledOnce()
    expect(local.status).toBe('ready')
    expect(ran).toEqual([])

    confirm.mockReturnValue(true)
    await w.find('[data-action="remove"]').trigger('click')
    await vi.waitFor(() => expect(local.status).toBe('empty'))
    expect(ran.some((s) => s.startsWith('DROP SCHEMA IF EXISTS local_district'))).toBe(true)
    expect(ran.some((s) => /^CREATE OR REPLACE VIEW cells AS SELECT \* FROM "gov"\.cells$/.test(s))).toBe(true)
    expect(useSummaryStore().districts.some((d) => d.id === 'local')).toBe(false)
    expect(await loadDistrict()).toBeNull()
    expect(w.find('[data-review-row]').exists()).toBe(false)
    vi.unstubAllGlobals()
  })
})

describe('the local district is kept across reloads', () => {
  it('restores the stored rows into the engine before it reports ready, and lists the district', async () => {
    const build = await localBuild()
    await saveDistrict(SPEC, build)
    localStorage.setItem('gov-local-district', '1')
    setActivePinia(createPinia())
    const ran = recordingEngine()
    useLocalStore().install()
    const { useDbStore } = await import('~/stores/db')
    await useDbStore().start()
    expect(ran.filter((s) => s.startsWith('INSERT INTO local_district.reports'))).toHaveLength(1)
    expect(ran.at(-1)).toMatch(/^CREATE OR REPLACE VIEW coverage AS .* UNION ALL BY NAME SELECT \* FROM local_district\.coverage$/)
    expect(useSummaryStore().districts.map((d) => d.id)).toContain('local')
    expect(useLocalStore().status).toBe('ready')
  })
})

describe('LocalBanner', () => {
  it('says the district is local and unpublished, only while it is chosen', () => {
    const router = createAppRouter(createMemoryHistory())
    const on = mount(LocalBanner, { props: { district: 'local' }, global: { plugins: [i18n, router] } })
    expect(on.find('[data-local-banner]').text()).toContain('未发布')
    const off = mount(LocalBanner, { props: { district: 'pingtan' }, global: { plugins: [i18n, router] } })
    expect(off.find('[data-local-banner]').exists()).toBe(false)
  })
})
