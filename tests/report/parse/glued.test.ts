import { describe, expect, it } from 'vitest'
import { solveGluedApply, type RowValues } from '~/report/parse/glued-apply'
import { summedSplits, uniqueSplit } from '~/report/parse/glued-split'

describe('glued digit splits', () => {
  it('finds every split whose last number is the sum of the others', () => {
    // 11|0|0|0|0|0|11 and 1|10|0|0|0|0|11 both satisfy A3.
    expect(summedSplits('110000011', 1, 7)).toEqual([
      [1, 10, 0, 0, 0, 0, 11],
      [11, 0, 0, 0, 0, 0, 11],
    ])
    // A3 alone leaves three readings of the glued fixture's row 一; A1 decides (see layouts test).
    expect(summedSplits('123121120', 1, 7)).toEqual([
      [1, 2, 3, 1, 2, 11, 20],
      [1, 2, 3, 12, 1, 1, 20],
      [12, 3, 1, 2, 1, 1, 20],
    ])
    expect(summedSplits('1234567', 1, 7)).toEqual([])
  })

  it('splits section 四 by its three group totals', () => {
    // review 10+1+0+1=12, direct 2+0+0+0=2, after review 0+1+0+0=1
    const splits = summedSplits('10101122000201001', 3, 5)
    // 1+0+10+1 = 12 fits as well: two splits, so the parser must not pick one.
    expect(splits).toEqual([
      [1, 0, 10, 1, 12, 2, 0, 0, 0, 2, 0, 1, 0, 0, 1],
      [10, 1, 0, 1, 12, 2, 0, 0, 0, 2, 0, 1, 0, 0, 1],
    ])
  })

  it('takes one digit per cell only when the count matches, or the whole number for one cell', () => {
    expect(uniqueSplit('000', 3)).toEqual([0, 0, 0])
    expect(uniqueSplit('3112', 3)).toBeNull()
    expect(uniqueSplit('45', 1)).toEqual([45])
    expect(uniqueSplit('1.5', 1)).toEqual([1.5])
  })
})

describe('solveGluedApply', () => {
  const zeros = (): RowValues => ({ kind: 'fixed', values: [0, 0, 0, 0, 0, 0, 0] })

  it('leaves a row ambiguous when A3 allows two splits and nothing else decides', () => {
    const rows = new Map<string, RowValues>([['new', { kind: 'glued', digits: '110000011' }]])
    expect(solveGluedApply(rows, 'gov2021')).toEqual({ recovered: new Map(), ambiguous: ['new'] })
  })

  it('decides between A3 splits with A1 across rows', () => {
    const rows = new Map<string, RowValues>([
      ['new', { kind: 'glued', digits: '110000011' }],
      ['carried_over', zeros()],
      ['result.total', { kind: 'fixed', values: [1, 10, 0, 0, 0, 0, 11] }],
      ['carry_forward', zeros()],
    ])
    const solved = solveGluedApply(rows, 'gov2021')
    expect(solved.ambiguous).toEqual([])
    expect(solved.recovered.get('new')).toEqual([1, 10, 0, 0, 0, 0, 11])
  })

  it('skips a constraint whose rows are blank instead of assuming zero', () => {
    const rows = new Map<string, RowValues>([
      ['new', { kind: 'glued', digits: '110000011' }],
      ['carried_over', zeros()],
      ['result.total', { kind: 'fixed', values: [null, null, null, null, null, null, null] }],
      ['carry_forward', zeros()],
    ])
    expect(solveGluedApply(rows, 'gov2021').ambiguous).toEqual(['new'])
  })

  it('never recovers a row whose digits fit no split', () => {
    const rows = new Map<string, RowValues>([['new', { kind: 'glued', digits: '12345678' }]])
    expect(solveGluedApply(rows, 'gov2021').ambiguous).toEqual(['new'])
  })
})
