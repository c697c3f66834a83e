import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { NodeConnector } from '~/db/node'
import { i18n } from '~/i18n'
import { setEngineFactory, useDbStore } from '~/stores/db'
import { useFiltersStore } from '~/stores/filters'
import UnitsView from '~/views/UnitsView.vue'
import { FIXTURE_DISTRICT, openStaffFixture, TRICKY_UNIT } from '../db/staff-views-fixture'

let db: NodeConnector
beforeAll(async () => { db = await openStaffFixture() })
afterAll(() => db.close())

describe('UnitsView (单位目录)', () => {
  it('lists every registered unit with its collection progress, filters by name or pinyin initials, and a row opens the unit page', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    setEngineFactory(async () => db)
    const router = createRouter({ history: createMemoryHistory(), routes: [{ name: 'units', path: '/units', component: UnitsView }, { name: 'unit', path: '/unit/:unit', component: { render: () => null } }] })
    await router.push('/units')
    useFiltersStore().set({ district: FIXTURE_DISTRICT })
    await useDbStore().start()
    const w = mount(UnitsView, { global: { plugins: [pinia, router, i18n] } })
    const rowTexts = () => w.findAll('[data-table="units"] .el-table__body .el-table__row').map((r) => r.text())
    await vi.waitFor(() => expect(rowTexts()).toHaveLength(3), { timeout: 5000, interval: 20 })
    // 甲镇: 2019 not published, 2020 and 2021 received.
    const jia = rowTexts().find((t) => t.startsWith('甲镇'))!
    expect(jia).toContain('2/3')
    expect(jia).toContain('2021')
    expect(rowTexts().some((t) => t.includes(TRICKY_UNIT))).toBe(true)
    await w.find('[data-units-filter]').setValue('jz')
    await vi.waitFor(() => expect(rowTexts().map((t) => t.slice(0, 2))).toEqual(['甲镇']), { timeout: 5000, interval: 20 })
    await w.find('[data-table="units"] .el-table__body .el-table__row').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(router.currentRoute.value.params.unit).toBe('甲镇'))
  })
})
