import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeConnector } from '~/db/node'
import { E2E_DIST, startE2E, type E2E, type TrackedPage } from './harness'

/**
 * The SQL console cannot be turned against the page or other hosts, proven in Chromium on the
 * built site: statements the old text guard let through (EXPLAIN ANALYZE …) and URL reads are
 * refused or stay inside the console's own DuckDB; afterwards the unit page shows the numbers of
 * the database file; no request leaves the site. A TCP listener on another port stands in for
 * "another host" (requests from workers are counted there even if the browser's routing missed them).
 */
let e2e: E2E
let evil: Server
let hits = 0
let port = 0

beforeAll(async () => {
  e2e = await startE2E()
  evil = createServer((s) => {
    hits++
    s.destroy()
  })
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r))
  port = (evil.address() as { port: number }).port
})
afterAll(async () => {
  await e2e?.close()
  await new Promise((r) => evil?.close(r))
})

/** Type a statement into the console, run it, and return the result table's or error's text. */
async function runSql(p: TrackedPage, sql: string): Promise<{ ok: boolean; text: string }> {
  await p.page.locator('[data-sql-input]').fill(sql)
  await p.page.locator('[data-run]').click()
  await p.page.waitForSelector('[data-sql-error], [data-table="sql-result"]')
  await p.page.waitForFunction(() => !document.querySelector('[data-cancel]'))
  const err = p.page.locator('[data-sql-error]')
  if (await err.count()) return { ok: false, text: (await err.textContent()) ?? '' }
  return { ok: true, text: (await p.page.locator('[data-table="sql-result"]').textContent()) ?? '' }
}

const UNIT = '河滨街道'
const YEAR = 2022

describe('SQL console security in Chromium', () => {
  it('refuses or contains every bypass; the unit page still shows the real numbers; nothing leaves the site', async () => {
    const file = await openNodeConnector(join(E2E_DIST, 'data', 'gov.duckdb'))
    const [truth] = await file.query<{ value: number }>(
      `SELECT c.value FROM cells c JOIN reports r USING (report_id) WHERE c.district = 'demo' AND c.unit = '${UNIT}' AND c.year = ${YEAR} AND r.counted AND c.key = 'apply.new.total'`,
    )
    file.close()
    expect(truth).toBeDefined()

    const p = await e2e.open('#/data?district=demo')
    await p.waitForEngine()
    const url = `http://127.0.0.1:${port}`
    // Succeeds, but only in the console's own instance: its `cells` now multiplies every value by 100.
    const replaced = await runSql(p, "EXPLAIN ANALYZE CREATE OR REPLACE VIEW cells AS SELECT * REPLACE (value * 100 AS value) FROM gov.main.cells")
    expect(replaced.ok, replaced.text).toBe(true)
    const inConsole = await runSql(p, `SELECT value FROM cells WHERE district = 'demo' AND unit = '${UNIT}' AND year = ${YEAR} AND key = 'apply.new.total'`)
    expect(inConsole.text).toContain(String(truth!.value * 100))
    for (const sql of [
      "EXPLAIN ANALYZE COPY (SELECT 1) TO 'leak.csv'",
      `SELECT * FROM read_csv('${url}/x.csv')`,
      `FROM read_csv('https://127.0.0.1:${port}/x.csv')`,
      `SELECT * FROM read_parquet('${url}/x.parquet')`,
      `WITH x AS (SELECT 1) SELECT * FROM read_json_auto('${url}/x.json')`,
      `EXPLAIN ANALYZE ATTACH '${url}/x.duckdb' AS x`,
      "EXPLAIN ANALYZE ATTACH 'other.duckdb' AS x",
      'EXPLAIN ANALYZE LOAD httpfs',
      'EXPLAIN ANALYZE SET lock_configuration=false',
      'EXPLAIN ANALYZE SET enable_external_access=true',
      "SELECT * FROM glob('*')",
      "DROP VIEW cells",
      "ATTACH 'x' AS y",
    ]) {
      const r = await runSql(p, sql)
      expect(r.ok, `${sql} → ${r.text}`).toBe(false)
    }
    // INSTALL only records the wish in DuckDB-WASM (extensions are fetched on LOAD): allowed to
    // succeed, never to fetch; the LOAD above was refused.
    await runSql(p, 'EXPLAIN ANALYZE INSTALL httpfs')
    expect((await runSql(p, 'EXPLAIN ANALYZE LOAD httpfs')).ok).toBe(false)
    // The settings are still locked after all of it.
    const locked = await runSql(p, "SELECT current_setting('enable_external_access') AS ext, current_setting('lock_configuration') AS locked")
    expect(locked.text).toMatch(/false\s*true/)

    await p.page.evaluate((path) => (location.hash = path), `#/unit/${encodeURIComponent(UNIT)}?district=demo&year=${YEAR}`)
    await p.page.waitForSelector('td[data-key="apply.new.total"]')
    await p.page.waitForFunction(() => document.querySelector('td[data-key="apply.new.total"]')?.textContent?.trim() !== '')
    expect(await p.page.locator('td[data-key="apply.new.total"]').textContent()).toBe(String(truth!.value))
    expect(hits).toBe(0)
    p.expectClean()
    await p.page.close()
  })

  it('a long cross join can be cancelled, and the charts keep answering while it runs', async () => {
    const p = await e2e.open('#/data?district=demo')
    await p.waitForEngine()
    await p.page.locator('[data-sql-input]').fill('SELECT COUNT(*) FROM cells a, cells b, cells c WHERE a.value + b.value = c.value')
    await p.page.locator('[data-run]').click()
    await p.page.waitForSelector('[data-cancel]')
    // While the console's worker is busy, the dashboard's engine draws another view.
    await p.page.evaluate(() => (location.hash = '#/compare?district=demo&year=2021'))
    await p.waitForCharts(undefined, 30_000)
    await p.page.evaluate(() => (location.hash = '#/data?district=demo'))
    await p.page.waitForSelector('[data-cancel]') // still running, shown on return
    await p.page.locator('[data-cancel]').click()
    await p.page.waitForSelector('[data-sql-error]', { timeout: 10_000 })
    expect(await p.page.locator('[data-sql-error]').textContent()).toContain('查询已取消')
    // The console answers again after the cancel.
    const after = await runSql(p, 'SELECT 40 + 2 AS answer')
    expect(after.text).toContain('42')
    p.expectClean()
    await p.page.close()
  })
})
