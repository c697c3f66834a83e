import { describe, expect, it } from 'vitest'
import { sectionKeysOf } from '~/report/model'
import { validateReport } from '~/report/validate'
import { makeCells, makeMeta } from './make-record'

const a8 = (cells: Record<string, number | null>, format: 'gov2021' | 'gov2019') =>
  validateReport({ meta: makeMeta(format), cells }).filter((f) => f.rule === 'A8')

describe('A8 completeness', () => {
  it.each(['gov2021', 'gov2019'] as const)('passes when every %s cell was located', (format) => {
    expect(a8(makeCells(format), format)).toEqual([])
  })

  it('warns about missing cells and lists them all', () => {
    const cells = makeCells('gov2021')
    delete cells['apply.carry_forward.total']
    delete cells['apply.carry_forward.natural_person']
    const [f, ...rest] = a8(cells, 'gov2021')
    expect(rest).toEqual([])
    expect(f).toMatchObject({ level: 'warn', section: 'apply', expected: 175, actual: 173 })
    expect(f!.cells).toEqual(['apply.carry_forward.natural_person', 'apply.carry_forward.total'])
    expect(f!.message).toContain('缺少2/175个单元格')
    expect(f!.message).toContain('四、结转下年度继续办理 · 自然人')
  })

  it('raises an ERROR when a whole table is missing (gov2019 section 二 has 22 cells)', () => {
    const cells = makeCells('gov2019')
    for (const k of sectionKeysOf('gov2019', 'active')) delete cells[k]
    const [f] = a8(cells, 'gov2019')
    expect(f).toMatchObject({ level: 'error', section: 'active', expected: 22, actual: 0 })
    expect(f!.message).toContain('整张表格缺失')
  })

  it('does not run for legacy reports', () => {
    expect(validateReport({ meta: makeMeta('gov2021', { format: 'legacy' }), cells: {} })).toEqual([])
  })
})
