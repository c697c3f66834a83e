/**
 * Access for everyone, mounted: the chart card's text alternative and "show as table" view (rows
 * filter like clicks on the chart, from the keyboard), table rows that open something are buttons,
 * and document.title names the view in the UI language.
 */
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { beforeEach, describe, expect, it } from 'vitest'
import { i18n } from '~/i18n'
import ChartCard from '~/components/common/ChartCard.vue'
import TableCard from '~/components/common/TableCard.vue'
import { trendOption } from '~/charts/options/overview-trend'
import { useViewTitle } from '~/composables/useViewTitle'
import type { OverviewYear } from '~/charts/options/overview-data'

// happy-dom has no canvas: the chart itself is a stub that shows the label it was given.
const global = { plugins: [i18n], stubs: { EChart: { props: ['id', 'label'], template: '<div :data-chart-stub="id" role="img" :aria-label="label" />' } } }
beforeEach(() => setActivePinia(createPinia()))

const years: OverviewYear[] = [
  { year: 2020, expected: 3, received: 3, metrics: { 'new.natural_person': 9, 'new.legal.commercial': 2 } },
  { year: 2021, expected: 3, received: 2, metrics: { 'new.natural_person': 4 } },
]

describe('ChartCard', () => {
  it('labels the chart with a summary of its data and swaps it for a table on demand', async () => {
    const w = mount(ChartCard, { props: { id: 'trend', title: '新收申请', option: trendOption(years, 'zh', null) }, global })
    const label = w.find('[data-chart-stub]').attributes('aria-label')!
    expect(label).toContain('图表：新收申请')
    expect(label).toContain('最大值 9（2020 · 自然人）')
    expect(w.find('h2').text()).toBe('新收申请')
    const toggle = w.find('[data-table-toggle="trend"]')
    expect(toggle.attributes('aria-pressed')).toBe('false')
    await toggle.trigger('click')
    expect(w.find('[data-chart-stub]').exists()).toBe(false)
    expect(toggle.attributes('aria-pressed')).toBe('true')
    const table = w.find('[data-chart-table="trend"] table')
    expect(table.find('caption').text()).toContain('新收申请')
    expect(table.findAll('tbody tr').map((r) => r.find('th').text())).toEqual(['2020', '2021'])
    expect(table.find('tbody tr td').text()).toBe('9')
    // Nobody listens for clicks here: the rows are plain text, not buttons that do nothing.
    expect(table.find('button').exists()).toBe(false)
    await toggle.trigger('click')
    expect(w.find('[data-chart-stub]').exists()).toBe(true)
  })

  it('makes each row a button that emits the chart click of its category when the chart filters', async () => {
    const clicks: Record<string, unknown>[] = []
    const w = mount(ChartCard, { props: { id: 'trend', title: '新收申请', option: trendOption(years, 'zh', null), onClick: (p: Record<string, unknown>) => clicks.push(p) }, global })
    await w.find('[data-table-toggle="trend"]').trigger('click')
    const row = w.find('[data-chart-row="2021"]')
    expect(row.element.tagName).toBe('BUTTON')
    await row.trigger('click')
    expect(clicks).toHaveLength(1)
    expect(clicks[0]).toMatchObject({ name: '2021', componentType: 'series' })
  })

  it('offers no table and no save button before the chart has an option', () => {
    const w = mount(ChartCard, { props: { id: 'x', title: 'x', option: null, status: 'loading' }, global })
    expect(w.find('[data-table-toggle]').exists()).toBe(false)
    expect(w.find('[data-save]').exists()).toBe(false)
  })
})

describe('TableCard rows that open something', () => {
  it('are buttons in their first cell (Tab, Enter), emitting the row once', async () => {
    const opened: unknown[] = []
    const w = mount(TableCard, {
      props: { id: 't', title: '单位', rows: [{ unit: '甲镇', n: 1 }], columns: [{ prop: 'unit', label: '单位' }, { prop: 'n', label: '数' }], onRowClick: (r: unknown) => opened.push(r) },
      global,
    })
    await flushPromises()
    const open = w.find('[data-row-open]')
    expect(open.element.tagName).toBe('BUTTON')
    expect(open.text()).toBe('甲镇')
    await open.trigger('click')
    expect(opened).toEqual([{ unit: '甲镇', n: 1 }])
  })
  it('stay plain text when a row opens nothing', async () => {
    const w = mount(TableCard, { props: { id: 't', title: '单位', rows: [{ unit: '甲镇' }], columns: [{ prop: 'unit', label: '单位' }] }, global })
    await flushPromises()
    expect(w.find('[data-row-open]').exists()).toBe(false)
  })
})

describe('useViewTitle', () => {
  it('names the view in document.title, in the UI language, and a unit page by its unit', async () => {
    const pages = [{ name: 'overview', label: 'common.nav.overview' }, { name: 'compare', label: 'common.nav.compare' }, { name: 'unit', label: 'common.nav.unit' }]
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ name: 'overview', path: '/', component: { render: () => null } }, { name: 'compare', path: '/compare', component: { render: () => null } }, { name: 'unit', path: '/unit/:unit', component: { render: () => null } }],
    })
    const Shell = defineComponent({ setup: () => { const { viewName } = useViewTitle(pages); return () => h('h1', viewName.value) } })
    await router.push('/compare')
    const w = mount(Shell, { global: { plugins: [i18n, router] } })
    await flushPromises()
    expect(document.title).toBe('单位对比 · 政务公开年报看板')
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(document.title).toBe('Compare · Government Disclosure Annual Reports')
    i18n.global.locale.value = 'zh'
    await router.push(`/unit/${encodeURIComponent('甲镇')}`)
    await flushPromises()
    expect(document.title).toBe('甲镇 · 政务公开年报看板')
    expect(w.text()).toBe('甲镇')
  })
})
