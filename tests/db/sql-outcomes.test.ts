import type { DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Scope } from '~/db/sql/scope'
import { OUTCOME_ROWS, applicantOutcomeSql, outcomeRowsSql, type ApplicantOutcomeRow, type OutcomeRow } from '~/db/sql/outcomes'
import { openFixtureDb, rows, type FixtureReport } from './sql-views-fixture'

const base = { district: 'hl', unit_kind: '镇', unit_code: null }
const REPORTS: FixtureReport[] = [
  { ...base, report_id: 1, unit: '甲镇', year: 2020, format: 'gov2019', cells: {
    'apply.result.granted.total': 3, 'apply.result.granted.natural_person': 2, 'apply.result.granted.legal.commercial': 1,
    'apply.result.other.subtotal.total': 2, 'apply.result.other.subtotal.natural_person': 2,
    'apply.result.total.total': 5, 'apply.new.total': 9 } },
  { ...base, report_id: 2, unit: '甲镇', year: 2021, format: 'gov2021', cells: {
    'apply.result.granted.total': 4, 'apply.result.granted.natural_person': 4,
    'apply.result.withheld.state_secret.total': 1, 'apply.result.withheld.state_secret.legal.other': 1,
    'apply.result.other.unpaid_fee.total': 1, 'apply.result.other.unpaid_fee.natural_person': null,
    'apply.result.total.total': 6 } },
  { ...base, report_id: 3, unit: '乙镇', year: 2021, format: 'gov2021', cells: {
    'apply.result.unable.not_held.total': null, 'apply.result.partial.total': 2, 'apply.result.partial.legal.research': 2 } },
]

const ALL: Scope = { district: 'hl' }
let con: DuckDBConnection
beforeAll(async () => { con = await openFixtureDb(REPORTS, []) })
afterAll(() => con?.closeSync())

describe('outcomes SQL on DuckDB', () => {
  it('maps every result row of the model to its outcome group (（七）总计 excluded)', () => {
    expect(OUTCOME_ROWS).toHaveLength(22)
    expect(OUTCOME_ROWS.filter((r) => r.formats.includes('gov2021'))).toHaveLength(21)
    expect(OUTCOME_ROWS.filter((r) => r.formats.includes('gov2019'))).toHaveLength(19)
    expect(OUTCOME_ROWS.map((r) => r.key)).not.toContain('result.total')
  })

  it('sums each reason row by year, keeping the 2019 （六） row apart from the 2021 sub-rows', async () => {
    const r = await rows<OutcomeRow>(con, outcomeRowsSql(ALL, 'year'))
    expect(r.map((x) => [x.dim, x.outcome, x.row, x.value])).toEqual([
      ['2020', 'granted', 'result.granted', 3],
      ['2020', 'other', 'result.other.subtotal', 2],
      ['2021', 'granted', 'result.granted', 4],
      ['2021', 'other', 'result.other.unpaid_fee', 1],
      ['2021', 'partial', 'result.partial', 2],
      ['2021', 'unable', 'result.unable.not_held', 0],
      ['2021', 'withheld', 'result.withheld.state_secret', 1],
    ])
  })

  it('groups by unit', async () => {
    const r = await rows<OutcomeRow>(con, outcomeRowsSql(ALL, 'unit'))
    const granted = r.filter((x) => x.dim === '甲镇' && x.outcome === 'granted')
    expect(granted).toEqual([{ dim: '甲镇', outcome: 'granted', row: 'result.granted', value: 7 }])
    expect(r.filter((x) => x.dim === '乙镇').map((x) => x.outcome).sort()).toEqual(['partial', 'unable'])
  })

  it('builds the applicant × outcome matrix from the applicant columns only', async () => {
    const r = await rows<ApplicantOutcomeRow>(con, applicantOutcomeSql(ALL))
    const v = (a: string, o: string) => r.find((x) => x.applicant === a && x.outcome === o)?.value
    expect(v('natural_person', 'granted')).toBe(6)
    expect(v('legal.commercial', 'granted')).toBe(1)
    expect(v('legal.other', 'withheld')).toBe(1)
    expect(v('natural_person', 'other')).toBe(2)
    expect(v('legal.research', 'partial')).toBe(2)
    expect(r.some((x) => x.applicant === 'total')).toBe(false)
  })
})
