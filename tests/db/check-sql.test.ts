import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import { namedDistricts } from '~/db/district-route'
import { previousCellsSql, previousYearSql, type PreviousCellRow, type PreviousYearRow } from '~/db/sql/check'
import { openFixtureDb } from './fixture-db'

let db: NodeConnector
let close: () => void
beforeAll(async () => ({ db, close } = await openFixtureDb()))
afterAll(() => close?.())

describe('draft check SQL on DuckDB (fixture district demo, 2020–2022)', () => {
  it('names its district in every query, so the engine attaches that district’s database', () => {
    expect(namedDistricts(previousYearSql('demo', '甲镇', 2021))).toEqual(['demo'])
    expect(namedDistricts(previousCellsSql('demo', 3))).toEqual(['demo'])
  })

  it('reads the counted report of the previous year with its cells', async () => {
    const [row] = await db.query<PreviousYearRow>(previousYearSql('demo', '甲镇', 2021))
    expect(row).toMatchObject({ year: 2021, status: 'received', format: 'gov2021', file: '2021/甲镇.txt' })
    const cells = await db.query<PreviousCellRow>(previousCellsSql('demo', row!.report_id!))
    expect(cells.length).toBeGreaterThan(0)
    expect(await db.query(previousCellsSql('other', row!.report_id!))).toEqual([])
  })

  it('gives the coverage status and no report for a year not received (a quote in the unit name is escaped)', async () => {
    expect(await db.query<PreviousYearRow>(previousYearSql('demo', "乙'街道", 2020))).toEqual([
      { year: 2020, status: 'not_collected', report_id: null, format: null, file: null, source_url: null },
    ])
  })

  it('of a duplicated unit-year, returns the report the build counts', async () => {
    const rows = await db.query<PreviousYearRow>(previousYearSql('demo', '丙局', 2022))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.status).toBe('duplicate')
    const counted = await db.query<{ report_id: number }>(`SELECT report_id FROM reports WHERE unit = '丙局' AND year = 2022 AND counted`)
    expect(rows[0]!.report_id).toBe(counted[0]!.report_id)
  })

  it('returns no row for a year outside the district’s grid', async () => {
    expect(await db.query(previousYearSql('demo', '甲镇', 2019))).toEqual([])
  })
})
