import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import type { DistrictEntry } from '~/db/data-files'
import type { DistrictSummary } from '~/db/summary'
import { useFiltersStore } from '~/stores/filters'
import { checkParams } from '~/stores/param-check'
import { emptyFilters, type FilterState } from '~/stores/url-state'

const DISTRICTS: DistrictEntry[] = [
  { id: 'pingtan', name: '平潭综合实验区', synthetic: false, summary: 'summary/pingtan.json' },
  { id: 'demo', name: '示例区', synthetic: true, summary: 'summary/demo.json' },
]
const SUMMARY: DistrictSummary = {
  district: 'demo', name: '示例区', city: '', province: '', synthetic: true, years: [2021, 2022, 2023],
  units: [{ unit: '青山镇', unit_code: '1', unit_kind: '镇' }, { unit: '南关街道', unit_code: '2', unit_kind: '街道' }],
  by_year: [2021, 2022, 2023].map((year) => ({ year, expected: 2, received: year === 2023 ? 0 : 2, metrics: {} })),
  by_unit_year: [], findings: { error: 0, warn: 0, info: 0 },
}
const state = (patch: Partial<FilterState>): FilterState => ({ ...emptyFilters(), ...patch })

describe('checkParams: URL parameters that do not fit the data are corrected with a notice', () => {
  it('an unknown district falls back to the first listed and drops its years and units', () => {
    const r = checkParams(state({ district: 'nowhere', year: 2023, units: ['青山镇'] }), DISTRICTS, SUMMARY)
    expect(r.notices).toEqual([{ param: 'district', given: 'nowhere', now: '平潭综合实验区' }])
    expect(r.patch).toMatchObject({ district: null, year: null, units: [] })
  })

  it('a year outside the grid is dropped and the notice names the year shown instead (latest with reports)', () => {
    const r = checkParams(state({ district: 'demo', year: 2030, from: 1999 }), DISTRICTS, SUMMARY)
    expect(r.notices).toEqual([{ param: 'year', given: '2030', now: '2022' }, { param: 'from', given: '1999', now: null }])
    expect(r.patch).toEqual({ year: null, from: null })
  })

  it('an unknown metric and units the district lacks are dropped', () => {
    const r = checkParams(state({ district: 'demo', metric: 'bogus', units: ['青山镇', '火星镇'], xUnit: '火星镇' }), DISTRICTS, SUMMARY)
    expect(r.notices.map((n) => `${n.param}:${n.given}`)).toEqual(['metric:bogus', 'unit:火星镇', 'unit:火星镇'])
    expect(r.patch).toEqual({ metric: null, units: ['青山镇'], xUnit: null })
  })

  it('an unknown province-view metric (pmetric) is dropped with a notice, other extras kept; a known one passes', () => {
    const r = checkParams(state({ district: 'demo', extra: { pmetric: 'bogus', lang: 'en' } }), DISTRICTS, SUMMARY)
    expect(r.notices).toEqual([{ param: 'metric', given: 'bogus', now: null }])
    expect(r.patch).toEqual({ extra: { lang: 'en' } })
    expect(checkParams(state({ district: 'demo', extra: { pmetric: 'decided' } }), DISTRICTS, SUMMARY).notices).toEqual([])
  })

  it('accepts valid parameters, cell-key metrics, and does not judge years against another district’s summary', () => {
    expect(checkParams(state({ district: 'demo', year: 2022, metric: 'apply.new.total', units: ['南关街道'] }), DISTRICTS, SUMMARY).notices).toEqual([])
    expect(checkParams(state({ district: 'pingtan', year: 2019 }), DISTRICTS, SUMMARY).notices).toEqual([])
    expect(checkParams(state({ district: null, year: 2030 }), DISTRICTS, SUMMARY).notices).toEqual([])
  })
})

describe('switchDistrict', () => {
  it('drops the previous district’s year, range, units, crossfilter and unit-naming parameters', () => {
    setActivePinia(createPinia())
    const f = useFiltersStore()
    f.set({ district: 'demo', year: 2022, from: 2021, units: ['青山镇'], xUnit: '青山镇', xYear: 2022, metric: 'decided', extra: { pick: '青山镇|南关街道', report: '3', lang: 'en', f_unit: '青山镇' } })
    f.switchDistrict('pingtan')
    expect(f.state).toMatchObject({ district: 'pingtan', year: null, from: null, units: [], xUnit: null, xYear: null, metric: 'decided', extra: { lang: 'en' } })
  })
})
