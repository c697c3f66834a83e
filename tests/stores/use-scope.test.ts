import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useScope } from '~/composables/useScope'
import type { DistrictSummary } from '~/db/summary'
import { useFiltersStore } from '~/stores/filters'
import { useSummaryStore } from '~/stores/summary'

function summaryWith(received: Record<number, number>): DistrictSummary {
  const years = Object.keys(received).map(Number)
  return {
    district: 'hulan', name: '呼兰区', city: '哈尔滨市', province: '黑龙江省', synthetic: false, years, units: [],
    by_year: years.map((year) => ({ year, expected: 28, received: received[year]!, metrics: {} })),
    by_unit_year: [], findings: { error: 0, warn: 0, info: 0 },
  }
}

describe('useScope: the year a view opens on', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('is the latest year with a report received, not a later year of zeros', () => {
    useSummaryStore().summary = summaryWith({ 2019: 0, 2020: 0, 2021: 1, 2022: 0, 2023: 0 })
    useFiltersStore().state.district = 'hulan'
    expect(useScope().year.value).toBe(2021)
  })

  it('is the year in the URL when the data has it, and the last year when nothing was received', () => {
    useSummaryStore().summary = summaryWith({ 2021: 1, 2022: 0 })
    const filters = useFiltersStore()
    filters.state.district = 'hulan'
    filters.state.year = 2022
    expect(useScope().year.value).toBe(2022)
    useSummaryStore().summary = summaryWith({ 2021: 0, 2022: 0 })
    filters.state.year = null
    expect(useScope().year.value).toBe(2022)
  })
})
