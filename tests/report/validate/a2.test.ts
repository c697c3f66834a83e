import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport } from '~/report/read'
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

describe('A2 with blank outcome cells (blank instead of 0, 上海 2019)', () => {
  const run = (cells: Record<string, number | null>) => validateReport({ meta: makeMeta('gov2019'), cells })
  const outcomeKeys = (col: string) =>
    Object.keys(makeCells('gov2019')).filter((k) => k.startsWith('apply.result.') && !k.startsWith('apply.result.total.') && k.endsWith(`.${col}`))

  it('skips a column whose outcome cells are all blank while （七）总计 is filled, and records it as total_blank', () => {
    const cells = makeCells('gov2019', { seed: 3 })
    // Like 上海 2019: the result rows' 总计 cells are blank, （七）总计 = 805 is printed.
    for (const k of outcomeKeys('total')) cells[k] = null
    expect(cells['apply.result.total.total']).toBeGreaterThan(0)
    const found = run(cells)
    expect(found.filter((f) => f.rule === 'A2')).toEqual([])
    const blank = found.filter((f) => f.rule === 'total_blank')
    expect(blank).toHaveLength(1)
    expect(blank[0]!.level).toBe('info')
    expect(blank[0]!.cells).toContain('apply.result.total.total')
    expect(blank[0]!.message).toContain('总计列')
    expect(blank[0]!.message).toContain('A2')
    expect(blank[0]!.message_en).toContain('column Total')
  })

  it('still checks a column where only some outcome cells are blank, counting blanks as 0', () => {
    const cells = makeCells('gov2019', { seed: 3 })
    const [first, ...rest] = outcomeKeys('natural_person')
    for (const k of rest) cells[k] = null
    cells[first!] = 1
    const [f] = run(cells).filter((x) => x.rule === 'A2')
    expect(f).toMatchObject({ level: 'error', expected: 1, assumed_zero: true })
    expect(f!.message).toContain('自然人列')
  })

  it('records nothing for a column whose outcomes are blank and whose total is 0 or blank (nothing to check)', () => {
    const cells = makeCells('gov2019')
    for (const k of outcomeKeys('legal.research')) cells[k] = null
    cells['apply.result.total.legal.research'] = null
    const found = run(cells)
    expect(found.filter((f) => f.rule === 'A2' || f.rule === 'total_blank')).toEqual([])
  })
})

describe('A2 on the 上海 2019-style page (tests/fixtures/reports/html-2019-blank-totals.html)', () => {
  it('raises no A2 ERROR and names the skipped 总计 column in total_blank', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/reports/html-2019-blank-totals.html', import.meta.url)))
    const outcome = parseReport(bytes, 'html-2019-blank-totals.html')
    if (!outcome.ok) throw new Error(outcome.error)
    const { findings, cells } = outcome.report
    expect(cells['apply.result.total.total']).toBe(805)
    expect(findings.filter((f) => f.level === 'error')).toEqual([])
    const [blank] = findings.filter((f) => f.rule === 'total_blank')
    expect(blank!.cells).toContain('apply.result.total.total')
    expect(blank!.message).toContain('总计列的（一）至（六）各项均为空白')
  })
})
