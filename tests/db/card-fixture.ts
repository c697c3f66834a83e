import { DuckDBInstance } from '@duckdb/node-api'
import { openNodeConnector, type NodeConnector } from '~/db/node'
import { writeFixtureDb } from './fixture-db'

/**
 * The hand-checked fixture (fixture-db.ts) plus the publication data the report card shows:
 * 甲镇 2021 on time with its page address, 甲镇 2022 published 30 days late with a `javascript:`
 * address (report data is untrusted: it must never become a link).
 */
export async function openCardFixture(): Promise<{ db: NodeConnector; close: () => void }> {
  const fixture = await writeFixtureDb()
  const instance = await DuckDBInstance.create(fixture.file)
  const conn = await instance.connect()
  await conn.run(`UPDATE reports SET source_url = 'https://example.gov.cn/2021.htm', published_at = '2022-01-20', days_late = 0 WHERE unit = '甲镇' AND year = 2021`)
  await conn.run(`UPDATE reports SET source_url = 'javascript:alert(1)', published_at = '2023-03-02', days_late = 30 WHERE unit = '甲镇' AND year = 2022`)
  conn.closeSync()
  instance.closeSync()
  const db = await openNodeConnector(fixture.file)
  return { db, close: () => { db.close(); fixture.cleanup() } }
}
