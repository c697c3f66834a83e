import { describe, expect, it } from 'vitest'
import { validateSeries } from '~/report/validate'
import { yearReport } from './series-helpers'

const c5 = (reports: Parameters<typeof validateSeries>[0]) => validateSeries(reports).filter((f) => f.finding.rule === 'C5')

describe('C5 gap years and duplicates', () => {
  it('is silent for an unbroken series', () => {
    expect(c5([yearReport(2021, 'gov2021'), yearReport(2022, 'gov2021'), yearReport(2023, 'gov2021')])).toEqual([])
  })

  it('flags a year missing between two published years', () => {
    const found = c5([yearReport(2021, 'gov2021'), yearReport(2023, 'gov2021')])
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ year: 2022, finding: { level: 'info' } })
    expect(found[0]!.file).toBeUndefined()
  })

  it('flags each of two reports for the same year', () => {
    const a = { ...yearReport(2022, 'gov2021'), file: 'a.txt' }
    const b = { ...yearReport(2022, 'gov2021'), file: 'b.txt' }
    const found = c5([a, b])
    expect(found.map((f) => [f.year, f.file])).toEqual([[2022, 'a.txt'], [2022, 'b.txt']])
    expect(found[0]!.finding.message).toContain('b.txt')
  })
})
