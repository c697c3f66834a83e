import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { createTableSql, tableDef } from '~/db/schema'
import { primaryReportIdsSql } from '~/db/sql/scope'

/** reports: id, unit, year, status, n_errors, n_cells, file; coverage: unit, year, status */
async function pick(reports: [number, string | null, number, string, number, number, string][], coverage: [string, number, string][]) {
  const db = await (await DuckDBInstance.create(':memory:')).connect()
  await db.run(createTableSql(tableDef('reports')))
  await db.run(createTableSql(tableDef('coverage')))
  for (const [id, unit, year, status, errors, cells, file] of reports) {
    await db.run(`INSERT INTO reports (report_id, district, unit, year, status, n_errors, n_cells, file) VALUES (${id}, 'd', ${unit === null ? 'NULL' : `'${unit}'`}, ${year}, '${status}', ${errors}, ${cells}, '${file}')`)
  }
  for (const [unit, year, status] of coverage) {
    await db.run(`INSERT INTO coverage (district, unit, year, status) VALUES ('d', '${unit}', ${year}, '${status}')`)
  }
  const rows = (await db.runAndReadAll(`${primaryReportIdsSql({ district: 'd' })} ORDER BY report_id`)).getRows()
  return rows.map((r) => Number(r[0]))
}

describe('primaryReportIdsSql', () => {
  it('keeps one report per unit-year: fewest errors, then most cells, then file', async () => {
    const ids = await pick(
      [
        [1, '甲镇', 2021, 'error', 2, 200, 'a.txt'],
        [2, '甲镇', 2021, 'ok', 0, 150, 'b.txt'],
        [3, '乙镇', 2021, 'ok', 0, 200, 'b.txt'],
        [4, '乙镇', 2021, 'ok', 0, 200, 'a.txt'],
      ],
      [['甲镇', 2021, 'duplicate'], ['乙镇', 2021, 'duplicate']],
    )
    expect(ids).toEqual([2, 4])
  })

  it('leaves out unmatched reports and unit-years the registry does not expect, like the summary', async () => {
    const ids = await pick(
      [
        [1, null, 2021, 'unmatched', 0, 200, 'x.txt'],
        [2, '丙局', 2020, 'ok', 0, 200, 'early.txt'],
        [3, '丙局', 2022, 'ok', 0, 200, 'ok.txt'],
      ],
      [['丙局', 2020, 'not_expected'], ['丙局', 2022, 'received']],
    )
    expect(ids).toEqual([3])
  })
})
