import { describe, expect, it } from 'vitest'
import { validateReport } from '~/report/validate'
import { makeCells, makeMeta } from './make-record'
import type { ReportMeta } from '~/report/types'

const run = (format: 'gov2021' | 'gov2019', meta: Partial<ReportMeta>, rule: string) =>
  validateReport({ meta: makeMeta(format, meta), cells: makeCells(format) }).filter((f) => f.rule === rule)

describe('F1 format vs year', () => {
  it('passes for 2021+ gov2021 and 2019/2020 gov2019', () => {
    expect(run('gov2021', { year: 2023, period_year: 2023 }, 'F1')).toEqual([])
    expect(run('gov2019', { year: 2019, period_year: 2019 }, 'F1')).toEqual([])
  })
  it('warns for a 2021 report in the 2019 tables and a 2020 report in the 2021 tables', () => {
    expect(run('gov2019', { year: 2021, period_year: 2021 }, 'F1')[0]).toMatchObject({ level: 'warn', expected: 'gov2021', actual: 'gov2019' })
    expect(run('gov2021', { year: 2020, period_year: 2020 }, 'F1')[0]).toMatchObject({ expected: 'gov2019', actual: 'gov2021' })
  })
})
