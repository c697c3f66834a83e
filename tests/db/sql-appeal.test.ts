import type { DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appealResultsSql, correctionRankingSql, type AppealResultRow, type CorrectionRow } from '~/db/sql/appeal'
import type { Scope } from '~/db/sql/scope'
import { openFixtureDb, rows, type FixtureReport } from './sql-views-fixture'

const base = { district: 'hl', unit_kind: '部门', unit_code: null, format: 'gov2021' as const }
const REPORTS: FixtureReport[] = [
  { ...base, report_id: 1, unit: '甲局', year: 2020, cells: {
    'review.maintained': 2, 'review.corrected': 1, 'review.other': 0, 'review.pending': 1, 'review.total': 4,
    'litigation.direct.maintained': 1, 'litigation.direct.corrected': 1, 'litigation.direct.total': 2 } },
  { ...base, report_id: 2, unit: '甲局', year: 2021, cells: {
    'review.maintained': 1, 'review.corrected': 0, 'review.pending': 0, 'review.total': 1,
    'litigation.after_review.corrected': 2, 'litigation.after_review.pending': 1, 'litigation.after_review.total': 3 } },
  { ...base, report_id: 3, unit: '乙局', year: 2021, cells: { 'review.total': 0, 'review.pending': null } },
  { ...base, report_id: 4, unit: '丙局', year: 2021, cells: { 'review.corrected': 1, 'review.total': 1 } },
]

const ALL: Scope = { district: 'hl' }
let con: DuckDBConnection
beforeAll(async () => { con = await openFixtureDb(REPORTS, []) })
afterAll(() => con?.closeSync())

describe('appeal SQL on DuckDB', () => {
  it('sums case results per group by year, without the 总计 column', async () => {
    const r = await rows<AppealResultRow>(con, appealResultsSql(ALL, 'year'))
    const v = (dim: string, g: string, res: string) => r.find((x) => x.dim === dim && x.case_group === g && x.result === res)?.value
    expect(v('2020', 'review', 'maintained')).toBe(2)
    expect(v('2020', 'litigation.direct', 'corrected')).toBe(1)
    expect(v('2021', 'review', 'corrected')).toBe(1)
    expect(v('2021', 'litigation.after_review', 'corrected')).toBe(2)
    expect(r.some((x) => x.result === 'total')).toBe(false)
  })

  it('ranks units by corrected ÷ concluded (total − pending) over all groups', async () => {
    const r = await rows<CorrectionRow>(con, correctionRankingSql(ALL))
    // 丙局 1/1; 甲局 corrected 1+1+2 = 4 of concluded (4-1)+2+(1-0)+(3-1) = 8; 乙局 has nothing concluded.
    expect(r.map((x) => [x.unit, x.corrected, x.concluded, x.rate])).toEqual([
      ['丙局', 1, 1, 1], ['甲局', 4, 8, 0.5], ['乙局', 0, 0, null],
    ])
  })

  it('groups results by unit', async () => {
    const r = await rows<AppealResultRow>(con, appealResultsSql({ ...ALL, units: ['甲局'] }, 'unit'))
    expect(new Set(r.map((x) => x.dim))).toEqual(new Set(['甲局']))
    expect(r.find((x) => x.case_group === 'review' && x.result === 'maintained')!.value).toBe(3)
  })
})
