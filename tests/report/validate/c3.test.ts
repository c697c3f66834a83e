import { describe, expect, it } from 'vitest'
import { validateSeries } from '~/report/validate'
import { yearReport } from './series-helpers'

const c3 = (reports: Parameters<typeof validateSeries>[0]) => validateSeries(reports).filter((f) => f.finding.rule === 'C3')

describe('C3 in force chain, gov2021 → gov2021', () => {
  it('passes when in force(Y) = in force(Y−1) + issued − repealed', () => {
    expect(c3([
      yearReport(2021, 'gov2021', { 'active.normative.in_force': 10 }),
      yearReport(2022, 'gov2021', { 'active.normative.issued': 3, 'active.normative.repealed': 1, 'active.normative.in_force': 12 }),
    ])).toEqual([])
  })

  it('warns when the chain breaks', () => {
    const [f] = c3([
      yearReport(2021, 'gov2021', { 'active.normative.in_force': 10 }),
      yearReport(2022, 'gov2021', { 'active.normative.issued': 3, 'active.normative.in_force': 9 }),
    ])
    expect(f).toMatchObject({ year: 2022, finding: { level: 'warn', expected: 13, actual: 9 } })
  })

  it('is never applied from a gov2019 year', () => {
    expect(c3([
      yearReport(2020, 'gov2019', { 'active.normative.total_published': 10 }),
      yearReport(2021, 'gov2021', { 'active.normative.in_force': 2 }),
    ])).toEqual([])
  })
})
