import { describe, expect, it } from 'vitest'
import { validateReport } from '~/report/validate'
import { makeCells, makeMeta } from './make-record'
import type { ReportMeta } from '~/report/types'

const run = (format: 'gov2021' | 'gov2019', meta: Partial<ReportMeta>, rule: string) =>
  validateReport({ meta: makeMeta(format, meta), cells: makeCells(format) }).filter((f) => f.rule === rule)

describe('F2 claimed vs detected format', () => {
  it('passes when the preamble cites the format used, or cites nothing', () => {
    expect(run('gov2021', {}, 'F2')).toEqual([])
    expect(run('gov2021', { format_claimed: null }, 'F2')).toEqual([])
  })
  it('gives INFO when the preamble cites the other 函', () => {
    const [f] = run('gov2021', { format_claimed: 'gov2019' }, 'F2')
    expect(f).toMatchObject({ level: 'info', expected: 'gov2019', actual: 'gov2021' })
    expect(f!.message).toContain('〔2019〕60号')
  })
})
