import { beforeEach, describe, expect, it } from 'vitest'
import { computed } from 'vue'
import type { Router } from 'vue-router'
import { useFiltersStore } from '~/stores/filters'
import { boundRouter } from './bound-router'

let router: Router
let settle: () => Promise<void>

beforeEach(async () => {
  ;({ router, settle } = await boundRouter('/?year=2021&kind=镇&x_year=2020'))
})

/** A computed over some fields, counting how often it re-evaluates (a chart option would redraw). */
function counted<T>(read: () => T) {
  let runs = 0
  const c = computed(() => {
    runs++
    return read()
  })
  return { value: () => c.value, runs: () => runs }
}

describe('filters store: only changed fields notify', () => {
  it('a URL change of the year leaves computeds over kinds and the crossfilter alone', async () => {
    const f = useFiltersStore()
    const kinds = counted(() => [...f.state.kinds])
    const xYear = counted(() => f.state.xYear)
    const year = counted(() => f.state.year)
    expect([kinds.value(), xYear.value(), year.value()]).toEqual([['镇'], 2020, 2021])
    await router.push('/?year=2019&kind=镇&x_year=2020')
    await settle()
    expect([kinds.value(), xYear.value(), year.value()]).toEqual([['镇'], 2020, 2019])
    expect(kinds.runs()).toBe(1)
    expect(xYear.runs()).toBe(1)
    expect(year.runs()).toBe(2)
  })

  it('set() with equal lists keeps the list; a different list notifies and reaches the URL', async () => {
    const f = useFiltersStore()
    const kinds = counted(() => f.state.kinds.join(','))
    kinds.value()
    f.set({ kinds: ['镇'], year: 2022 })
    expect(kinds.value()).toBe('镇')
    expect(kinds.runs()).toBe(1)
    f.set({ kinds: ['镇', '街道'] })
    expect(kinds.value()).toBe('镇,街道')
    expect(kinds.runs()).toBe(2)
    await settle()
    expect(router.currentRoute.value.query).toMatchObject({ year: '2022', kind: ['镇', '街道'] })
  })

  it('a removed extra parameter is noticed', async () => {
    const f = useFiltersStore()
    f.setParam('sort', 'desc')
    const sort = counted(() => f.param('sort'))
    expect(sort.value()).toBe('desc')
    f.setParam('sort', null)
    expect(sort.value()).toBeNull()
    await settle()
    expect(router.currentRoute.value.query.sort).toBeUndefined()
  })
})
