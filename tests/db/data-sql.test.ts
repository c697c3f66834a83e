import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import { TABLES } from '~/db/schema'
import { cappedSql, checkConsoleSql, tableCountsSql, type TableCountRow } from '~/db/sql/data'
import { openStaffFixture } from './staff-views-fixture'

let db: NodeConnector
beforeAll(async () => { db = await openStaffFixture() })
afterAll(() => db.close())

function capped(sql: string, limit: number): string {
  const check = checkConsoleSql(sql)
  if (!check.ok) throw new Error(check.reason.en)
  return cappedSql(check, limit)
}

describe('open-data SQL on DuckDB', () => {
  it('counts the rows of every table in schema order', async () => {
    const rows = await db.query<TableCountRow & { ord: number }>(tableCountsSql())
    expect(rows.map((r) => r.table)).toEqual(TABLES.map((t) => t.name))
    expect(rows.find((r) => r.table === 'reports')!.rows).toBe(7)
  })

  it('accepts one reading statement and rejects writes, several statements and empty input', () => {
    expect(checkConsoleSql('  select 1;  ')).toMatchObject({ ok: true, sql: 'select 1', keyword: 'SELECT' })
    expect(checkConsoleSql("SELECT ';' AS x -- ; comment\n")).toMatchObject({ ok: true })
    expect(checkConsoleSql('(SELECT 1)')).toMatchObject({ ok: true })
    for (const bad of ['DROP TABLE cells', 'SELECT 1; DROP TABLE cells', "COPY cells TO 'x.csv'", "ATTACH 'x'", 'INSTALL httpfs', '', '  -- only a comment']) {
      const check = checkConsoleSql(bad)
      expect(check.ok, bad).toBe(false)
      if (!check.ok) expect(check.reason.zh.length).toBeGreaterThan(0)
    }
  })

  it('caps results at limit + 1 rows, also for DESCRIBE, SHOW and SUMMARIZE, and keeps trailing comments harmless', async () => {
    expect(await db.query(capped('SELECT * FROM range(100)', 10))).toHaveLength(11)
    expect(await db.query(capped('SELECT * FROM range(5) -- five', 10))).toHaveLength(5)
    expect(await db.query(capped('DESCRIBE cells', 3))).toHaveLength(4)
    expect((await db.query(capped('SHOW TABLES', 100))).length).toBeGreaterThanOrEqual(TABLES.length)
    expect(await db.query(capped('SUMMARIZE reports', 2))).toHaveLength(3)
    expect(await db.query(capped('FROM coverage', 1000))).toHaveLength(10)
    expect((await db.query(capped('EXPLAIN SELECT 1', 10))).length).toBeGreaterThan(0)
  })
})
