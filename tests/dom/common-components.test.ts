import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { i18n } from '~/i18n'
import { DbError } from '~/db/errors'
import ErrorPanel from '~/components/common/ErrorPanel.vue'
import TableCard from '~/components/common/TableCard.vue'
import EngineStatus from '~/components/common/EngineStatus.vue'
import SyntheticBanner from '~/components/common/SyntheticBanner.vue'
import ChartCard from '~/components/common/ChartCard.vue'
import { toCsv } from '~/components/common/csv'
import { setEngineFactory, useDbStore } from '~/stores/db'

const global = { plugins: [i18n], stubs: { EChart: { props: ['id'], template: '<div :data-chart-stub="id" />' } } }
beforeEach(() => setActivePinia(createPinia()))

describe('ErrorPanel', () => {
  it('shows the message as text, the SQL on demand, and emits retry', async () => {
    const w = mount(ErrorPanel, { props: { error: new DbError(new Error('<img src=x onerror=alert(1)> Binder Error'), "SELECT '甲'") }, global })
    expect(w.find('img').exists()).toBe(false)
    expect(w.text()).toContain('<img src=x onerror=alert(1)> Binder Error')
    expect(w.find('pre').exists()).toBe(false)
    await w.findAll('button')[0]!.trigger('click')
    expect(w.find('pre').text()).toBe("SELECT '甲'")
    await w.find('[data-retry]').trigger('click')
    expect(w.emitted('retry')).toHaveLength(1)
  })
})

describe('TableCard and CSV', () => {
  const columns = [{ prop: 'unit', label: '单位' }, { prop: 'n', label: '数量', format: (v: unknown) => `${String(v)} 件` }]
  it('renders cells as text with formatting', async () => {
    const w = mount(TableCard, { props: { id: 't', title: '表', rows: [{ unit: '<b>甲镇</b>', n: 3 }], columns }, global })
    await flushPromises()
    expect(w.find('b').exists()).toBe(false)
    expect(w.text()).toContain('<b>甲镇</b>')
    expect(w.text()).toContain('3 件')
  })
  it('CSV has a BOM, raw values, quoting, and defuses formulas', () => {
    const csv = toCsv([{ unit: '=HYPERLINK("x")', n: 3 }, { unit: '乙,街道', n: null }], columns)
    expect(csv.startsWith('\uFEFF单位,数量\r\n')).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""x"")",3`)
    expect(csv).toContain('"乙,街道",')
  })
})

describe('EngineStatus', () => {
  it('shows progress while loading and a retry button on error', async () => {
    let fail = true
    let progress: ((p: { phase: 'engine'; loaded: number; total: number }) => void) | null = null
    let release: () => void = () => {}
    setEngineFactory((onProgress) => {
      progress = onProgress
      return new Promise((res, rej) => (release = () => (fail ? rej(new Error('wasm 404')) : res({ query: async () => [], exec: async () => {} }))))
    })
    const w = mount(EngineStatus, { global })
    const started = useDbStore().start().catch(() => {})
    progress!({ phase: 'engine', loaded: 50, total: 200 })
    await flushPromises()
    expect(w.attributes('data-engine-status')).toBe('loading')
    expect(w.text()).toContain('引擎 25%')
    release()
    await started
    await flushPromises()
    expect(w.attributes('data-engine-status')).toBe('error')
    expect(w.text()).toContain('wasm 404')
    fail = false
    await w.find('[data-engine-retry]').trigger('click')
    release()
    await flushPromises()
    expect(w.attributes('data-engine-status')).toBe('ready')
  })
})

describe('SyntheticBanner and ChartCard', () => {
  it('banner only when synthetic data is in view', () => {
    expect(mount(SyntheticBanner, { props: { show: false }, global }).find('[data-synthetic-banner]').exists()).toBe(false)
    expect(mount(SyntheticBanner, { props: { show: true }, global }).text()).toContain('示例数据')
  })
  it('ChartCard shows waiting, the chart, or the error panel', () => {
    const base = { id: 'c', title: '图' }
    expect(mount(ChartCard, { props: { ...base, option: null, status: 'waiting' as const }, global }).text()).toContain('等待分析引擎')
    expect(mount(ChartCard, { props: { ...base, option: { series: [] }, status: 'ready' as const }, global }).find('[data-chart-stub="c"]').exists()).toBe(true)
    const err = mount(ChartCard, { props: { ...base, option: { series: [] }, status: 'error' as const, error: new DbError(new Error('bad'), 'SELECT 1') }, global })
    expect(err.find('[data-error-panel]').exists()).toBe(true)
    expect(err.find('[data-chart-stub]').exists()).toBe(false)
  })
})
