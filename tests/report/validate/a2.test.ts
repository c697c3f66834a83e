import { describe, expect, it } from 'vitest'
import { validateReport } from '~/report/validate'
import { makeCells, makeMeta } from './make-record'

const a2 = (cells: Record<string, number | null>, format: 'gov2021' | 'gov2019') =>
  validateReport({ meta: makeMeta(format), cells }).filter((f) => f.rule === 'A2')

describe('A2 （七）总计 = sum of outcomes', () => {
  it.each(['gov2021', 'gov2019'] as const)('passes on a consistent %s record', (format) => {
    expect(a2(makeCells(format, { seed: 11 }), format)).toEqual([])
  })

  it('uses the three （六） sub-rows in gov2021', () => {
    const cells = makeCells('gov2021')
    cells['apply.result.other.unpaid_fee.legal.commercial'] = 3
    const [f] = a2(cells, 'gov2021')
    expect(f).toMatchObject({ level: 'error', expected: 3, actual: 0 })
    expect(f!.cells).toContain('apply.result.other.unpaid_fee.legal.commercial')
    expect(f!.message).toContain('商业企业列')
  })

  it('uses the single （六）其他处理 row in gov2019', () => {
    const cells = makeCells('gov2019')
    cells['apply.result.other.subtotal.natural_person'] = 2
    const [f] = a2(cells, 'gov2019')
    expect(f).toMatchObject({ expected: 2, actual: 0 })
    expect(f!.cells).toContain('apply.result.other.subtotal.natural_person')
    expect(f!.cells).not.toContain('apply.result.other.misc.natural_person')
  })
})
