import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { i18n } from '~/i18n'
import KpiCard from '~/components/common/KpiCard.vue'
import DataDictionary from '~/components/data/DataDictionary.vue'
import { buildKpis } from '~/charts/options/overview-kpis'
import { metricDef } from '~/report/metrics'

/** Issue 10 item 14: a KPI card carries its metric's definition behind a keyboard-reachable "?" button. */
describe('KPI card definition', () => {
  const definition = metricDef('granted_share')!.definition.zh
  const mountCard = () => mount(KpiCard, { props: { id: 'granted_share', label: '公开率', value: '80%', definition }, global: { plugins: [i18n] }, attachTo: document.body })

  it('is a named button that opens and closes the definition (click, Escape)', async () => {
    const w = mountCard()
    const btn = w.get('[data-kpi-definition-toggle]')
    expect(btn.element.tagName).toBe('BUTTON')
    expect(btn.attributes('aria-label')).toBe('公开率的定义')
    expect(btn.attributes('aria-expanded')).toBe('false')
    const pop = w.get('[data-kpi-definition]')
    expect(pop.attributes('role')).toBe('tooltip')
    expect(btn.attributes('aria-controls')).toBe(pop.attributes('id'))
    expect((pop.element as HTMLElement).style.display).toBe('none')
    await btn.trigger('click')
    expect(btn.attributes('aria-expanded')).toBe('true')
    expect((pop.element as HTMLElement).style.display).toBe('')
    expect(pop.text()).toBe(definition)
    await btn.trigger('keydown', { key: 'Escape' })
    expect(btn.attributes('aria-expanded')).toBe('false')
    w.unmount()
  })

  it('has no button when the metric has no definition', () => {
    const w = mount(KpiCard, { props: { id: 'x', label: 'x', value: '1' }, global: { plugins: [i18n] } })
    expect(w.find('[data-kpi-definition-toggle]').exists()).toBe(false)
  })

  it('every overview KPI carries its metric definition from src/report/metrics.ts, in the UI language', () => {
    const years = [{ year: 2022, received: 2, expected: 2, metrics: {} }]
    for (const lang of ['zh', 'en'] as const) {
      for (const k of buildKpis(years, 2022, lang)) expect(k.definition, k.key).toBe(metricDef(k.key)!.definition[lang])
    }
  })

  it('the open-data dictionary lists each derived metric with its definition', async () => {
    const TableStub = { props: ['rows', 'columns'], template: '<div data-stub-table><span v-for="c in columns" :key="c.prop" :data-col="c.prop">{{ c.label }}</span><p v-for="r in rows" :key="r.key" :data-row="r.key">{{ r.definition_zh }}</p></div>' }
    const w = mount(DataDictionary, { global: { plugins: [i18n, createPinia()], stubs: { TableCard: TableStub } } })
    await w.get('[data-dict-tab="metrics"]').trigger('click')
    expect(w.get('[data-col="definition_zh"]').text()).toBe('定义')
    expect(w.get('[data-row="granted_share"]').text()).toBe(definition)
  })
})
