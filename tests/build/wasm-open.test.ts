import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking'
import { afterAll, expect, it } from 'vitest'
import { DB_ALIAS, DB_FILE_NAME, districtDbPath } from '~/db/data-files'
import { OFFLINE_SETTINGS_SQL } from '~/db/views'
import { buildInto, FIXTURE_DATA, removeTemps } from './helpers'

afterAll(removeTemps)

const require = createRequire(import.meta.url)
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'))

it('the browser engine (duckdb-wasm 1.32 / DuckDB 1.4.3) opens the built database file and queries it', async () => {
  const { out } = await buildInto(FIXTURE_DATA)
  const db = await createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new VoidLogger(),
    NODE_RUNTIME,
  )
  await db.instantiate()
  db.open({})
  const con = db.connect()
  for (const sql of OFFLINE_SETTINGS_SQL) con.query(sql)
  // As the browser does it: the file's bytes registered in the virtual file system, attached read-only.
  db.registerFileBuffer(DB_FILE_NAME, new Uint8Array(readFileSync(join(out, DB_FILE_NAME))))
  con.query(`ATTACH '${DB_FILE_NAME}' AS ${DB_ALIAS} (READ_ONLY)`)
  const rows = con
    .query(`SELECT status, count(*)::INTEGER AS n FROM ${DB_ALIAS}.coverage WHERE district = 'alpha' GROUP BY status ORDER BY status`)
    .toArray()
    .map((r) => r.toJSON())
  expect(rows).toEqual([
    { status: 'duplicate', n: 1 },
    { status: 'not_collected', n: 2 },
    { status: 'not_expected', n: 1 },
    { status: 'received', n: 5 },
  ])
  const cell = con.query(`SELECT value FROM ${DB_ALIAS}.cells WHERE district = 'beta' AND key = 'apply.new.total'`).toArray()[0]!.toJSON()
  expect(cell.value).toBe(2)
  // A district's own file (16 kB blocks), swapped in under the same alias as the browser does on a district switch.
  con.query(`DETACH ${DB_ALIAS}`)
  db.registerFileBuffer('district-1.duckdb', new Uint8Array(readFileSync(join(out, districtDbPath('beta')))))
  con.query(`ATTACH 'district-1.duckdb' AS ${DB_ALIAS} (READ_ONLY)`)
  const own = con.query(`SELECT district, count(*)::INTEGER AS n FROM ${DB_ALIAS}.cells GROUP BY district`).toArray().map((r) => r.toJSON())
  expect(own.map((r) => r.district)).toEqual(['beta'])
  expect(con.query(`SELECT value FROM ${DB_ALIAS}.cells WHERE key = 'apply.new.total'`).toArray()[0]!.toJSON().value).toBe(2)
  con.close()
})
