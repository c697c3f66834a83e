import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { createTableSql, tableDef } from '~/db/schema'
import { lit } from '~/db/sql/literal'
import { countedReportIdsSql, type Scope } from '~/db/sql/scope'

// Which report counts is decided by the build (tests/build/counted-reports.test.ts); SQL only reads the flag.
/** reports: id, district, unit, unit_kind, year, counted */
const REPORTS: [number, string, string, string, number, boolean][] = [
  [1, 'd', '甲镇', '镇', 2021, false],
  [2, 'd', '甲镇', '镇', 2021, true],
  [3, 'd', '乙街道', '街道', 2021, true],
  [4, 'd', '乙街道', '街道', 2020, true],
  [5, 'd', '丙局', '部门', 2020, false],
  [6, 'other', '甲镇', '镇', 2021, true],
]

async function pick(scope: Scope): Promise<number[]> {
  const db = await (await DuckDBInstance.create(':memory:')).connect()
  await db.run(createTableSql(tableDef('reports')))
  const values = REPORTS.map(([id, district, unit, kind, year, counted]) => `(${[id, district, unit, kind, year, `${year}/${unit}-${id}.txt`, counted].map(lit).join(', ')})`)
  await db.run(`INSERT INTO reports (report_id, district, unit, unit_kind, "year", file, counted) VALUES ${values.join(', ')}`)
  const rows = (await db.runAndReadAll(`${countedReportIdsSql(scope)} ORDER BY report_id`)).getRows()
  db.closeSync()
  return rows.map((r) => Number(r[0]))
}

describe('countedReportIdsSql', () => {
  it('returns exactly the counted reports of the district', async () => {
    expect(await pick({ district: 'd' })).toEqual([2, 3, 4])
  })

  it('narrows the counted reports to the scope’s years, kinds and units', async () => {
    expect(await pick({ district: 'd', years: [2021, 2021] })).toEqual([2, 3])
    expect(await pick({ district: 'd', kinds: ['街道'] })).toEqual([3, 4])
    expect(await pick({ district: 'd', units: ['甲镇'], years: [2020, 2022] })).toEqual([2])
  })
})
