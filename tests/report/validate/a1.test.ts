import { describe, expect, it } from 'vitest'
import { validateReport } from '~/report/validate'
import { makeCells, makeMeta } from './make-record'

const rules = (cells: Record<string, number | null>, format: 'gov2021' | 'gov2019' = 'gov2021') =>
  validateReport({ meta: makeMeta(format), cells }).filter((f) => f.rule === 'A1')

describe('A1 一+二 = 三(七)+四 per column', () => {
  it('passes on a consistent record of both formats', () => {
    expect(rules(makeCells('gov2021', { seed: 7 }))).toEqual([])
    expect(rules(makeCells('gov2019', { seed: 7 }), 'gov2019')).toEqual([])
  })

  it('flags the broken column with both sides and the printed labels', () => {
    const cells = makeCells('gov2021', { seed: 7 })
    cells['apply.new.natural_person'] = (cells['apply.new.natural_person'] as number) + 1
    cells['apply.new.total'] = (cells['apply.new.total'] as number) + 1
    const found = rules(cells)
    expect(found.map((f) => f.cells[0])).toEqual(['apply.new.natural_person', 'apply.new.total'])
    const f = found[0]!
    expect(f.level).toBe('error')
    expect(f.expected).toBe(f.actual as number + 1)
    expect(f.message).toMatch(/^三、收到和处理政府信息公开申请情况 · 自然人列：一\+二=\d+，三\(七\)\+四=\d+（A1）$/)
    expect(f.message_en).toContain('Natural persons')
    expect(f.assumed_zero).toBe(false)
  })

  it('counts a blank as 0 and says so', () => {
    const cells = makeCells('gov2021')
    cells['apply.new.legal.research'] = null
    cells['apply.carried_over.legal.research'] = 2
    const [f] = rules(cells).filter((x) => x.cells[0] === 'apply.new.legal.research')
    expect(f).toMatchObject({ assumed_zero: true, expected: 2, actual: 0 })
    expect(f!.message).toContain('空白单元格按0计')
  })

  it('skips a column whose cells were not located and never changes values', () => {
    const cells = makeCells('gov2021', { seed: 2 })
    cells['apply.new.total'] = 999
    delete cells['apply.carry_forward.total']
    const before = JSON.stringify(cells)
    expect(rules(cells).some((f) => f.cells.includes('apply.new.total'))).toBe(false)
    expect(JSON.stringify(cells)).toBe(before)
  })
})
