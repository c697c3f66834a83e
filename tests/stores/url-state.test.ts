import { describe, expect, it } from 'vitest'
import { emptyFilters, parseQuery, stateKey, toQuery } from '~/stores/url-state'

describe('URL state', () => {
  it('round-trips every field through the query', () => {
    const s = { ...emptyFilters(), district: 'hulan', year: 2021, from: 2019, to: 2022, kinds: ['镇', '街道'], units: ["乙'街道", 'a,b'], metric: 'granted_share', tab: 'map', xUnit: '甲镇', xYear: 2020, extra: { sort: 'desc' } }
    const q = toQuery(s)
    const back = parseQuery(q as never)
    expect(back).toEqual(s)
    expect(stateKey(back)).toBe(stateKey(s))
  })
  it('omits unset fields so URLs stay short', () => {
    expect(toQuery({ ...emptyFilters(), year: 2022 })).toEqual({ year: '2022' })
  })
  it('drops values a hand-edited URL cannot mean', () => {
    const s = parseQuery({ year: '20x1', from: '1700', x_year: "2021'; DROP", kind: ['镇', '火星'], unit: ['', ' 甲镇 ', '甲镇'] })
    expect(s.year).toBeNull()
    expect(s.from).toBeNull()
    expect(s.xYear).toBeNull()
    expect(s.kinds).toEqual(['镇'])
    expect(s.units).toEqual(['甲镇'])
  })
})
