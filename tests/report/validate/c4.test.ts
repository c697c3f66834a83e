import { describe, expect, it } from 'vitest'
import { validateSeries } from '~/report/validate'
import { yearReport } from './series-helpers'

const c4 = (reports: Parameters<typeof validateSeries>[0]) => validateSeries(reports).filter((f) => f.finding.rule === 'C4')

describe('C4 items chain, gov2019 2019 → 2020', () => {
  it('passes when 上一年项目数量(2020) = 2019 items + 2019 change', () => {
    expect(c4([
      yearReport(2019, 'gov2019', { 'active.license.prev_items': 10, 'active.license.delta': -3 }),
      yearReport(2020, 'gov2019', { 'active.license.prev_items': 7 }),
    ])).toEqual([])
  })

  it('warns per row when it does not', () => {
    const found = c4([
      yearReport(2019, 'gov2019', { 'active.license.prev_items': 10, 'active.license.delta': -3, 'active.fee.prev_items': 2 }),
      yearReport(2020, 'gov2019', { 'active.license.prev_items': 10 }),
    ])
    expect(found.map((f) => [f.finding.cells[0], f.finding.expected, f.finding.actual])).toEqual([
      ['active.license.prev_items', 7, 10],
      ['active.fee.prev_items', 2, 0],
    ])
  })

  it('only runs on 2019 → 2020', () => {
    expect(c4([
      yearReport(2020, 'gov2019', { 'active.license.prev_items': 10 }),
      yearReport(2021, 'gov2019', { 'active.license.prev_items': 1 }),
    ])).toEqual([])
  })
})
