import { describe, expect, it } from 'vitest'
import { validateReport } from '~/report/validate'
import { makeCells, makeMeta } from './make-record'
import type { ReportMeta } from '~/report/types'

const run = (format: 'gov2021' | 'gov2019', meta: Partial<ReportMeta>, rule: string) =>
  validateReport({ meta: makeMeta(format, meta), cells: makeCells(format) }).filter((f) => f.rule === rule)

describe('F3 title year vs 统计期限', () => {
  it('passes when they agree or the period is not stated', () => {
    expect(run('gov2021', {}, 'F3')).toEqual([])
    expect(run('gov2021', { period_year: null }, 'F3')).toEqual([])
  })
  it('warns when they differ', () => {
    expect(run('gov2021', { period_year: 2020 }, 'F3')[0]).toMatchObject({ level: 'warn', expected: 2021, actual: 2020, section: 'meta' })
  })
})
