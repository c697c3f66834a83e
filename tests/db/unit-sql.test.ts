import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import {
  reportCellsSql, reportDetailSql, reportFindingsSql, toTableData, unitReportsSql, unitTrendSql,
  type CellRow, type FindingRow, type ReportDetailRow, type TrendRow, type UnitReportRow,
} from '~/db/sql/unit'
import { FIXTURE_DISTRICT as D, TRICKY_UNIT, openStaffFixture } from './staff-views-fixture'

let db: NodeConnector
beforeAll(async () => { db = await openStaffFixture() })
afterAll(() => db.close())

describe('unit page SQL on DuckDB', () => {
  it('lists a unit\'s reports by year, only in its district', async () => {
    const rows = await db.query<UnitReportRow>(unitReportsSql(D, '甲镇'))
    expect(rows.map((r) => [r.report_id, r.year])).toEqual([[1, 2020], [2, 2021]])
  })

  it('quotes untrusted unit names instead of executing them', async () => {
    const rows = await db.query<UnitReportRow>(unitReportsSql(D, TRICKY_UNIT))
    expect(rows.map((r) => r.report_id)).toEqual([5, 6])
    expect((await db.query(reportCellsSql(5))).length).toBe(5)
  })

  it('reads a report\'s provenance and prose', async () => {
    const [row] = await db.query<ReportDetailRow>(reportDetailSql(2))
    expect(row).toMatchObject({ unit: '甲镇', year: 2021, sha256: 'sha-2', provenance: 'published', format: 'gov2021', format_claimed: 'gov2019', overview: '总体情况 2' })
  })

  it('returns the report\'s findings and the unit\'s cross-year findings of that year, errors first', async () => {
    const rows = await db.query<FindingRow>(reportFindingsSql(2, D, '甲镇', 2021))
    expect(rows.map((r) => r.rule)).toEqual(['A1', 'C1', 'A9'])
  })

  it('turns cell and finding rows into table data: blank, zero text and split cell lists', async () => {
    const cells = await db.query<CellRow>(reportCellsSql(2))
    const findings = await db.query<FindingRow>(reportFindingsSql(2, D, '甲镇', 2021))
    const data = toTableData(cells, findings)
    expect(data.cells['apply.new.total']).toBe(10)
    expect(data.cells['apply.carry_forward.total']).toBeNull()
    expect('review.total' in data.cells).toBe(false)
    expect(data.notes!['active.fee.amount_wan']).toEqual({ raw: '无', flag: 'zero_text' })
    expect(data.findings[0]).toMatchObject({ rule: 'A1', level: 'error', cells: ['apply.new.total', 'apply.carry_forward.total'], expected: '10', actual: '12', assumed_zero: true })
    expect(data.findings.find((f) => f.rule === 'A9')!.assumed_zero).toBeUndefined()
  })

  it('computes the unit trend beside the district median per year, over the counted reports (a duplicate weighs once)', async () => {
    const rows = await db.query<TrendRow>(unitTrendSql(D, '甲镇', 'new'))
    expect(rows).toEqual([
      { year: 2020, unit_value: 4, district_median: 3, n_reports: 2 },
      // 2021: 甲镇 10, 乙街道 6 and the counted one of the tricky unit's two reports (2) — not its 100.
      { year: 2021, unit_value: 10, district_median: 6, n_reports: 3 },
    ])
  })

  it('uses the counted report of a duplicated year and leaves years without a report empty', async () => {
    const rows = await db.query<TrendRow>(unitTrendSql(D, TRICKY_UNIT, 'new'))
    expect(rows.map((r) => r.unit_value)).toEqual([null, 2])
  })

  it('computes ratio metrics per report', async () => {
    const rows = await db.query<TrendRow>(unitTrendSql(D, '甲镇', 'granted_share'))
    expect(rows.map((r) => r.unit_value)).toEqual([0.5, 0.5])
  })
})
