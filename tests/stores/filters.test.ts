import { beforeEach, describe, expect, it } from 'vitest'
import type { Router } from 'vue-router'
import { useFiltersStore } from '~/stores/filters'
import { boundRouter } from './bound-router'

let router: Router
let settle: () => Promise<void>

beforeEach(async () => {
  ;({ router, settle } = await boundRouter('/compare?year=2021&kind=镇&unit=甲镇&unit=乙街道&sort=desc'))
})

describe('filters ⇄ URL', () => {
  it('reads the state from the URL (a reload or shared link shows the same view)', () => {
    const f = useFiltersStore()
    expect(f.state).toMatchObject({ year: 2021, kinds: ['镇'], units: ['甲镇', '乙街道'] })
    expect(f.param('sort')).toBe('desc')
  })
  it('writes state changes into the URL of the current route, in one replace', async () => {
    const f = useFiltersStore()
    f.set({ xYear: 2020, xUnit: '甲镇' })
    f.state.metric = 'new'
    await settle()
    const q = router.currentRoute.value.query
    expect(router.currentRoute.value.path).toBe('/compare')
    expect(q).toMatchObject({ year: '2021', x_year: '2020', x_unit: '甲镇', metric: 'new', sort: 'desc' })
    expect(q.unit).toEqual(['甲镇', '乙街道'])
  })
  it('follows navigation (back button, pasted link)', async () => {
    const f = useFiltersStore()
    await router.push('/?year=2019')
    await settle()
    expect(f.state.year).toBe(2019)
    expect(f.state.kinds).toEqual([])
    expect(f.param('sort')).toBeNull()
  })
  it('setParam and clearCrossfilter remove keys from the URL', async () => {
    const f = useFiltersStore()
    f.set({ xYear: 2020 })
    f.setParam('sort', null)
    await settle()
    f.clearCrossfilter()
    await settle()
    expect(router.currentRoute.value.query.sort).toBeUndefined()
    expect(router.currentRoute.value.query.x_year).toBeUndefined()
  })
})
