import { describe, expect, it } from 'vitest'
import { validateReport } from '~/report/validate'
import { makeCells, makeMeta } from './make-record'

const withRegulation = () => ({ ...makeCells('gov2021'), 'active.regulation.issued': 1, 'active.regulation.in_force': 1 })

describe('A10 township or street office with 规章 > 0', () => {
  it('stays silent for a department, an unknown kind, or a township without 规章', () => {
    const input = { meta: makeMeta('gov2021'), cells: withRegulation() }
    expect(validateReport(input, { unitKind: '部门' }).filter((f) => f.rule === 'A10')).toEqual([])
    expect(validateReport(input).filter((f) => f.rule === 'A10')).toEqual([])
    expect(validateReport({ meta: makeMeta('gov2021'), cells: makeCells('gov2021') }, { unitKind: '镇' })).toEqual([])
  })

  it.each(['镇', '乡', '街道'] as const)('flags each non-zero 规章 cell of a %s', (unitKind) => {
    const found = validateReport({ meta: makeMeta('gov2021'), cells: withRegulation() }, { unitKind }).filter((f) => f.rule === 'A10')
    expect(found.map((f) => f.cells[0])).toEqual(['active.regulation.issued', 'active.regulation.in_force'])
    expect(found[0]).toMatchObject({ level: 'info', actual: 1, expected: 0 })
    expect(found[0]!.message).toContain(`但${unitKind}无权制定规章`)
  })
})
