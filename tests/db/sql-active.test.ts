import type { DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTIVE_KEYS, activeCellsSql, type ActiveCellRow } from '~/db/sql/active'
import type { Scope } from '~/db/sql/scope'
import { openFixtureDb, rows, type FixtureReport } from './sql-views-fixture'

const base = { district: 'hl', unit_kind: '镇', unit_code: null }
const REPORTS: FixtureReport[] = [
  { ...base, report_id: 1, unit: '甲镇', year: 2020, format: 'gov2019', cells: {
    'active.normative.new_made': 2, 'active.license.decisions': 10, 'active.fee.prev_items': 3, 'active.fee.delta': -1, 'apply.new.total': 4 } },
  { ...base, report_id: 2, unit: '甲镇', year: 2021, format: 'gov2021', cells: {
    'active.normative.issued': 1, 'active.license.decisions': 5, 'active.fee.amount_wan': 2.25 } },
  { ...base, report_id: 3, unit: '乙镇', year: 2021, format: 'gov2021', cells: {
    'active.license.decisions': 7, 'active.fee.amount_wan': null } },
]

const ALL: Scope = { district: 'hl' }
let con: DuckDBConnection
beforeAll(async () => { con = await openFixtureDb(REPORTS, []) })
afterAll(() => con?.closeSync())

describe('active SQL on DuckDB', () => {
  it('covers the section 二 keys of both formats once each', () => {
    expect(ACTIVE_KEYS).toHaveLength(10 + 22 - 3)
    expect(ACTIVE_KEYS).toContain('active.fee.amount_wan')
    expect(ACTIVE_KEYS).toContain('active.fee.prev_items')
  })

  it('keeps format-specific keys apart and sums the shared decision key by year', async () => {
    const r = await rows<ActiveCellRow>(con, activeCellsSql(ALL, 'year'))
    expect(r.map((x) => [x.dim, x.key, x.value, x.reports])).toEqual([
      ['2020', 'active.fee.delta', -1, 1],
      ['2020', 'active.fee.prev_items', 3, 1],
      ['2020', 'active.license.decisions', 10, 1],
      ['2020', 'active.normative.new_made', 2, 1],
      ['2021', 'active.fee.amount_wan', 2.25, 2],
      ['2021', 'active.license.decisions', 12, 2],
      ['2021', 'active.normative.issued', 1, 1],
    ])
  })

  it('groups by unit and ignores non-active cells', async () => {
    const r = await rows<ActiveCellRow>(con, activeCellsSql(ALL, 'unit'))
    expect(r.filter((x) => x.dim === '乙镇').map((x) => x.key)).toEqual(['active.fee.amount_wan', 'active.license.decisions'])
    expect(r.some((x) => x.key.startsWith('apply.'))).toBe(false)
  })
})
