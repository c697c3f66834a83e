import { describe, expect, it } from 'vitest'
import { validateSeries } from '~/report/validate'
import { yearReport } from './series-helpers'

describe('C2 carried over = carried forward, per applicant column', () => {
  it('passes when every column chains', () => {
    const reports = [yearReport(2021, 'gov2021', { 'apply.carry_forward.legal.commercial': 2 }), yearReport(2022, 'gov2021', { 'apply.carried_over.legal.commercial': 2 })]
    expect(validateSeries(reports).filter((f) => f.finding.rule === 'C2')).toEqual([])
  })

  it('warns for the column that breaks, counting a blank as 0', () => {
    const reports = [yearReport(2021, 'gov2021', { 'apply.carry_forward.legal.commercial': 2 }), yearReport(2022, 'gov2021', { 'apply.carried_over.legal.commercial': null })]
    const found = validateSeries(reports).filter((f) => f.finding.rule === 'C2')
    expect(found).toHaveLength(1)
    expect(found[0]!.finding).toMatchObject({ level: 'warn', expected: 2, actual: 0, assumed_zero: true, cells: ['apply.carried_over.legal.commercial', 'apply.carry_forward.legal.commercial'] })
    expect(found[0]!.finding.message).toContain('商业企业列')
  })
})
