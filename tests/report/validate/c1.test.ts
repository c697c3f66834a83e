import { describe, expect, it } from 'vitest'
import { validateSeries } from '~/report/validate'
import { yearReport } from './series-helpers'

const c1 = (...args: Parameters<typeof validateSeries>) => validateSeries(...args).filter((f) => f.finding.rule === 'C1')

describe('C1 carried over (Y) = carried forward (Y−1), total', () => {
  it('passes across the 2020→2021 format boundary when the totals chain', () => {
    const reports = [yearReport(2020, 'gov2019', { 'apply.carry_forward.total': 4 }), yearReport(2021, 'gov2021', { 'apply.carried_over.total': 4 })]
    expect(c1(reports)).toEqual([])
  })

  it('warns on the later year, and is an ERROR in strict mode', () => {
    const reports = [yearReport(2021, 'gov2021', { 'apply.carry_forward.total': 4 }), yearReport(2022, 'gov2021', { 'apply.carried_over.total': 1 })]
    const [w] = c1(reports)
    expect(w).toMatchObject({ year: 2022, file: 'unit-2022.txt', finding: { level: 'warn', expected: 4, actual: 1 } })
    expect(w!.finding.message).toContain('2022年“二、上年结转”总计=1，但2021年“四、结转下年度继续办理”总计=4')
    expect(c1(reports, { strict: true })[0]!.finding.level).toBe('error')
  })

  it('does not compare years that are not consecutive', () => {
    const reports = [yearReport(2019, 'gov2019', { 'apply.carry_forward.total': 4 }), yearReport(2021, 'gov2021')]
    expect(c1(reports)).toEqual([])
  })
})
