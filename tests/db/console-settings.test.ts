import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consoleSetupSql } from '~/db/console-settings'
import { openNodeConnector, type NodeConnector } from '~/db/node'
import { openTable } from '~/db/open-tables'
import { TABLES } from '~/db/schema'
import { cappedSql, checkConsoleSql, exampleQueries } from '~/db/sql/data'
import { writeFixtureDb } from './fixture-db'

/**
 * The console's DuckDB lockdown, on native DuckDB with the same statements the browser runs
 * (the browser itself is proven in tests/e2e/console-security.test.ts). A TCP listener stands in
 * for "another host": any request the engine tried would be counted there.
 */
let db: NodeConnector
let cleanup: () => void
let server: Server
let hits = 0
let port = 0

beforeAll(async () => {
  const fixture = await writeFixtureDb()
  cleanup = fixture.cleanup
  db = await openNodeConnector()
  for (const sql of consoleSetupSql(fixture.file, 'gov')) await db.exec(sql)
  server = createServer((s) => {
    hits++
    s.destroy()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  port = (server.address() as { port: number }).port
})
afterAll(async () => {
  db?.close()
  cleanup?.()
  await new Promise((r) => server.close(r))
})

const refused = async (sql: string) => {
  await expect(db.exec(sql), sql).rejects.toThrow()
}

describe('SQL console lockdown (DuckDB settings, not text checks)', () => {
  it('queries the data through views that carry the download columns', async () => {
    const rows = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM reports')
    expect(rows[0]!.n).toBe(7)
    const cols = (await db.query<{ column_name: string }>('DESCRIBE cells')).map((r) => r.column_name)
    expect(cols).toEqual(openTable('cells').fields.map((f) => f.name))
    const [c] = await db.query<{ label_zh: string; provenance: string }>("SELECT label_zh, provenance FROM cells WHERE key = 'apply.new.total' LIMIT 1")
    expect(c!.label_zh).toContain('本年新收政府信息公开申请数量')
    expect(c!.provenance).toMatch(/published|synthetic/)
  })

  it('refuses files, URLs, extensions and configuration changes', async () => {
    for (const sql of [
      "COPY (SELECT 1) TO '/tmp/console-leak.csv'",
      `SELECT * FROM read_csv('http://127.0.0.1:${port}/x.csv')`,
      `SELECT * FROM read_csv('https://127.0.0.1:${port}/x.csv')`,
      `SELECT * FROM read_parquet('http://127.0.0.1:${port}/x.parquet')`,
      `ATTACH 'http://127.0.0.1:${port}/x.duckdb' AS x`,
      "ATTACH '/tmp/console-other.duckdb' AS x",
      'INSTALL httpfs',
      "SELECT * FROM glob('/etc/*')",
      'SET lock_configuration=false',
      'RESET lock_configuration',
      'SET enable_external_access=true',
      'SET autoload_known_extensions=true',
      `SET custom_extension_repository='http://127.0.0.1:${port}'`,
    ]) await refused(sql)
    expect(hits).toBe(0)
  })

  it('EXPLAIN ANALYZE CREATE … only touches the console’s own catalog, never the data file', async () => {
    await db.exec('EXPLAIN ANALYZE CREATE TABLE scratch AS SELECT 1 AS x')
    await refused('CREATE TABLE gov.main.injected AS SELECT 1')
    await refused('DELETE FROM gov.main.cells')
  })

  it.each(TABLES.map((t) => [t.name]))('table %s is queryable under its plain name', async (name) => {
    await expect(db.query(`SELECT * FROM ${name} LIMIT 1`)).resolves.toBeInstanceOf(Array)
  })

  it('every example query runs for the district, counts each unit-year once and stays in the district', async () => {
    const examples = exampleQueries('demo')
    for (const q of examples) {
      const check = checkConsoleSql(q.sql)
      expect(check.ok, q.title.en).toBe(true)
      if (check.ok) await expect(db.query(cappedSql(check, 100)), q.title.en).resolves.toBeInstanceOf(Array)
    }
    // Other districts' rows never enter a district's example.
    expect(await db.query(exampleQueries('elsewhere')[0]!.sql)).toEqual([])
    // The fixture has a duplicate report: the sum counts the counted one only.
    const perYear = await db.query<{ year: number; new_applications: number }>(examples[0]!.sql)
    const expected = await db.query<{ year: number; n: number }>(
      "SELECT c.year, SUM(c.value) AS n FROM gov.main.cells c JOIN gov.main.reports r USING (report_id) WHERE r.counted AND c.key = 'apply.new.total' GROUP BY c.year ORDER BY c.year",
    )
    expect(perYear.map((r) => [r.year, r.new_applications])).toEqual(expected.map((r) => [r.year, r.n]))
    const all = await db.query<{ n: number }>("SELECT SUM(value) AS n FROM cells WHERE key = 'apply.new.total'")
    expect(all[0]!.n).toBeGreaterThan(perYear.reduce((s, r) => s + r.new_applications, 0))
  })
})
