import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { toPlain, type Connector } from './connector'
import { asDbError } from './errors'
import { OFFLINE_SETTINGS_SQL, createViewsSql } from './views'
import { DB_ALIAS } from './data-files'
import { str } from './sql/literal'

/** A Connector over native DuckDB (@duckdb/node-api), for tests and Node scripts. */
export interface NodeConnector extends Connector {
  /** Close the connection and the instance. */
  close(): void
}

/**
 * Open an in-memory DuckDB, apply the offline settings, and — when `dbFile` is given — attach it
 * read-only and create the same views the browser creates, so SQL builders run unchanged.
 */
export async function openNodeConnector(dbFile?: string): Promise<NodeConnector> {
  const instance = await DuckDBInstance.create(':memory:')
  const conn: DuckDBConnection = await instance.connect()
  const connector: NodeConnector = {
    async query<T>(sql: string): Promise<T[]> {
      try {
        const reader = await conn.runAndReadAll(sql)
        return reader.getRowObjectsJS().map((row) => toPlain(row) as T)
      } catch (err) {
        throw asDbError(err, sql)
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await conn.run(sql)
      } catch (err) {
        throw asDbError(err, sql)
      }
    },
    close() {
      conn.closeSync()
      instance.closeSync()
    },
  }
  for (const sql of OFFLINE_SETTINGS_SQL) await connector.exec(sql)
  if (dbFile) {
    await connector.exec(`ATTACH ${str(dbFile)} AS "${DB_ALIAS}" (READ_ONLY)`)
    for (const sql of createViewsSql()) await connector.exec(sql)
  }
  return connector
}
