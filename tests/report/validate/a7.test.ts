import { describe, expect, it } from 'vitest'
import { validateReport } from '~/report/validate'
import { makeCells, makeMeta } from './make-record'

const a7 = (cells: Record<string, number | null>, format: 'gov2021' | 'gov2019') =>
  validateReport({ meta: makeMeta(format), cells }).filter((f) => f.rule === 'A7')

describe('A7 value range by cell type', () => {
  it('accepts negative 本年增/减, decimal amounts and blanks', () => {
    const cells = makeCells('gov2019')
    cells['active.license.delta'] = -8
    cells['active.procurement.amount'] = 2510.5
    cells['active.penalty.decisions'] = null
    expect(a7(cells, 'gov2019')).toEqual([])
    const c21 = makeCells('gov2021')
    c21['active.fee.amount_wan'] = 0.35
    expect(a7(c21, 'gov2021')).toEqual([])
  })

  it('flags negative counts, fractional counts and negative amounts', () => {
    const cells = makeCells('gov2021')
    cells['active.normative.issued'] = -1
    cells['review.maintained'] = 1.5
    cells['active.fee.amount_wan'] = -2
    const found = a7(cells, 'gov2021')
    expect(found.map((f) => f.cells[0]).sort()).toEqual(['active.fee.amount_wan', 'active.normative.issued', 'review.maintained'])
    expect(found.every((f) => f.level === 'error')).toBe(true)
    const issued = found.find((f) => f.cells[0] === 'active.normative.issued')!
    expect(issued.message).toBe('二、主动公开政府信息情况 · 行政规范性文件 · 本年制发件数：-1 不是非负整数（A7）')
    expect(issued.section).toBe('active')
  })
})
