import { describe, expect, it } from 'vitest'
import type { CellType } from '~/report/model/types'
import { resolveByColumns, type PendingRow } from '~/report/parse/apply-columns'
import { gluedReadings } from '~/report/parse/glued-readings'
import { grammarOf } from '~/report/parse/grammar'
import { appealGroupsAddUp, readRowValues, sumsToLast, type ValueToken } from '~/report/parse/row-values'

const counts = (n: number): CellType[] => Array.from({ length: n }, () => 'count' as const)
const glued = (digits: string, n: number) => gluedReadings([{ raw: digits }], counts(n)) ?? []
const run = (digits: string): ValueToken => ({ k: 'val', raw: digits, bounded: false, glued: true, cell: false })

describe('glued digit splits', () => {
  it('finds every split whose last number is the sum of the others', () => {
    // 11|0|0|0|0|0|11 and 1|10|0|0|0|0|11 both satisfy A3.
    expect(glued('110000011', 7).filter(sumsToLast)).toEqual([
      [1, 10, 0, 0, 0, 0, 11],
      [11, 0, 0, 0, 0, 0, 11],
    ])
    // A3 alone leaves three readings of the glued fixture's row 一; A1 decides (see layouts test).
    expect(glued('123121120', 7).filter(sumsToLast)).toEqual([
      [1, 2, 3, 1, 2, 11, 20],
      [1, 2, 3, 12, 1, 1, 20],
      [12, 3, 1, 2, 1, 1, 20],
    ])
    expect(glued('1234567', 7).filter(sumsToLast)).toEqual([])
  })

  it('splits section 四 by its three group totals', () => {
    // review 10+1+0+1=12, direct 2+0+0+0=2, after review 0+1+0+0=1
    // 1+0+10+1 = 12 fits as well: two splits, so the parser must not pick one.
    expect(glued('10101122000201001', 15).filter(appealGroupsAddUp)).toEqual([
      [1, 0, 10, 1, 12, 2, 0, 0, 0, 2, 0, 1, 0, 0, 1],
      [10, 1, 0, 1, 12, 2, 0, 0, 0, 2, 0, 1, 0, 0, 1],
    ])
    expect(readRowValues([run('10101122000201001')], counts(15), appealGroupsAddUp)).toMatchObject({ kind: 'ambiguous', values: new Array(15).fill(undefined) })
  })

  it('takes one digit per cell only when the count matches, or the whole number for one cell', () => {
    expect(glued('000', 3)).toEqual([[0, 0, 0]])
    expect(glued('3112', 3).length).toBeGreaterThan(1)
    expect(glued('45', 1)).toEqual([[45]])
    expect(gluedReadings([{ raw: '1.5' }], ['decimal'])).toEqual([[1.5]])
  })
})

describe('glued section 三 rows settled by the column arithmetic (resolveByColumns)', () => {
  const grammar = grammarOf('apply', 'gov2021')
  const keysOf = (row: string) => grammar.rows.find((r) => r.keys[0] === `apply.${row}.natural_person`)!.keys
  const put = (cells: Record<string, number | null>, row: string, values: (number | null)[]) => keysOf(row).forEach((k, c) => (cells[k] = values[c]!))
  const pendingNew = (): PendingRow[] => [{ keys: keysOf('new'), readings: glued('110000011', 7).filter(sumsToLast) }]

  it('leaves a row ambiguous when A3 allows two splits and nothing else decides', () => {
    expect(resolveByColumns(grammar, {}, pendingNew())).toEqual([])
  })

  it('decides between A3 splits with A1 across rows', () => {
    const cells: Record<string, number | null> = {}
    put(cells, 'carried_over', [0, 0, 0, 0, 0, 0, 0])
    put(cells, 'result.total', [1, 10, 0, 0, 0, 0, 11])
    put(cells, 'carry_forward', [0, 0, 0, 0, 0, 0, 0])
    const solved = resolveByColumns(grammar, cells, pendingNew())
    expect(solved.map((s) => s.readings[0])).toEqual([[1, 10, 0, 0, 0, 0, 11]])
    expect(keysOf('new').map((k) => cells[k])).toEqual([1, 10, 0, 0, 0, 0, 11])
  })

  it('skips a constraint whose rows are blank instead of assuming zero', () => {
    const cells: Record<string, number | null> = {}
    put(cells, 'carried_over', [0, 0, 0, 0, 0, 0, 0])
    put(cells, 'result.total', [null, null, null, null, null, null, null])
    put(cells, 'carry_forward', [0, 0, 0, 0, 0, 0, 0])
    expect(resolveByColumns(grammar, cells, pendingNew())).toEqual([])
  })

  it('never recovers a row whose digits fit no split', () => {
    expect(readRowValues([run('12345678')], counts(7), sumsToLast)).toMatchObject({ kind: 'ambiguous', reason: 'none_adds_up', values: new Array(7).fill(undefined) })
  })
})
