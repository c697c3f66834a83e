import { describe, expect, it } from 'vitest'
import { validateDistrict } from '~/report/validate'
import { makeCells } from './make-record'

const series = (values: (number | null)[]) =>
  values.map((v, i) => ({ unit: '甲镇', year: 2019 + i, cells: { ...makeCells('gov2021'), 'apply.new.total': v }, file: `${2019 + i}.txt` }))
const x2 = (values: (number | null)[]) => validateDistrict(series(values)).filter((f) => f.finding.rule === 'X2')

describe('X2 spike in new applications', () => {
  it('is silent for steady values and below the floor of 20', () => {
    expect(x2([10, 12, 9, 15])).toEqual([])
    expect(x2([0, 1, 0, 19])).toEqual([])
    expect(x2([30])).toEqual([])
  })

  it('warns when a year reaches max(20, 5 × median of the other years)', () => {
    const found = x2([4, 6, 30, 5])
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ unit: '甲镇', year: 2021, file: '2021.txt', finding: { level: 'warn', actual: 30, expected: '< 25' } })
    expect(x2([0, 0, 20])).toHaveLength(1)
  })

  it('ignores blank years', () => {
    expect(x2([null, 25])).toEqual([])
  })
})
