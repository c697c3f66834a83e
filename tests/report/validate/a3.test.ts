import { describe, expect, it } from 'vitest'
import { validateReport } from '~/report/validate'
import { makeCells, makeMeta } from './make-record'

const run = (cells: Record<string, number | null>) => validateReport({ meta: makeMeta('gov2019'), cells })

describe('A3 row total = applicant columns', () => {
  it('passes on a consistent record', () => {
    expect(run(makeCells('gov2019', { seed: 5 })).filter((f) => f.rule === 'A3')).toEqual([])
  })

  it('flags the row with its group label', () => {
    const cells = makeCells('gov2019')
    cells['apply.result.withheld.state_secret.total'] = 4
    const found = run(cells).filter((f) => f.rule === 'A3')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ level: 'error', expected: 0, actual: 4 })
    expect(found[0]!.message).toContain('（三）不予公开 1.属于国家秘密 行：总计=4')
  })

  it('skips a blank total and records it once as total_blank when the row has values', () => {
    const cells = makeCells('gov2019')
    // Like 上海 2019: the result rows' 总计 left blank while the applicant cells are filled.
    cells['apply.result.granted.natural_person'] = 5
    cells['apply.result.granted.total'] = null
    cells['apply.result.unable.not_held.legal.other'] = 1
    cells['apply.result.unable.not_held.total'] = null
    cells['apply.carry_forward.total'] = null // all-blank row: nothing to record
    const found = run(cells)
    expect(found.filter((f) => f.rule === 'A3')).toEqual([])
    const blank = found.filter((f) => f.rule === 'total_blank')
    expect(blank).toHaveLength(1)
    expect(blank[0]!.level).toBe('info')
    expect(blank[0]!.cells).toEqual(['apply.result.granted.total', 'apply.result.unable.not_held.total'])
  })
})
