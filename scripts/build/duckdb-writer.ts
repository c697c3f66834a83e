import { createReadStream, createWriteStream, rmSync } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api'
import { createTableSql, TABLES, type FieldDef, type TableDef } from '~/db/schema'
import type { Value } from './rows'

/** The tables in output order; each is written to the database file and to open/<name>.{parquet,csv,json}. */
export type TableName = TableDef['name']

/** The storage version duckdb-wasm 1.32 (DuckDB v1.4.3) can open (stack-notes.md). */
const STORAGE_VERSION = 'v1.4.0'

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`

/**
 * Note on reproducibility: the Parquet/CSV/JSON files are byte-identical for the same input, the
 * DuckDB file is not — DuckDB stamps a random database identifier into its header and leaves
 * uninitialised bytes in block padding (measured with @duckdb/node-api 1.5.6). Its table contents
 * are identical; tests compare them by query.
 *
 * Writes the open-data tables: rows are streamed into a DuckDB database file through appenders
 * (bulk, not row-by-row INSERT), then each table is copied out as zstd Parquet, CSV and JSON by
 * DuckDB itself, in insertion order (so the caller's row order is the file order).
 */
export class DatabaseWriter {
  private constructor(private readonly con: DuckDBConnection, private readonly appenders: Map<TableName, DuckDBAppender>, private readonly instanceClose: () => void) {}

  /** Create `dbPath` (replacing any old file) with the empty tables of src/db/schema.ts. */
  static async create(dbPath: string): Promise<DatabaseWriter> {
    rmSync(dbPath, { force: true })
    rmSync(`${dbPath}.wal`, { force: true })
    const instance = await DuckDBInstance.create(':memory:')
    const con = await instance.connect()
    await con.run(`ATTACH ${sqlString(dbPath)} AS gov (STORAGE_VERSION '${STORAGE_VERSION}')`)
    await con.run('USE gov')
    const appenders = new Map<TableName, DuckDBAppender>()
    for (const t of TABLES) {
      await con.run(createTableSql(t))
      appenders.set(t.name, await con.createAppender(t.name, 'main', 'gov'))
    }
    return new DatabaseWriter(con, appenders, () => {
      con.closeSync()
      instance.closeSync()
    })
  }

  /** Append rows (values in the TableDef's field order). */
  append(table: TableName, rows: Iterable<Value[]>): void {
    const fields = TABLES.find((t) => t.name === table)!.fields
    const a = this.appenders.get(table)!
    for (const row of rows) {
      if (row.length !== fields.length) throw new Error(`${table}: row has ${row.length} values, the table has ${fields.length} fields`)
      for (let i = 0; i < fields.length; i++) appendValue(a, fields[i]!, row[i]!, table)
      a.endRow()
    }
  }

  /** Flush the appenders; call once after the last append. */
  async finishTables(): Promise<void> {
    for (const a of this.appenders.values()) a.closeSync()
    await this.con.run('CHECKPOINT gov')
  }

  /** Copy a table out as zstd Parquet, CSV (UTF-8 with BOM, header row) and a JSON array. */
  async exportTable(table: TableName, base: string): Promise<void> {
    await this.con.run(`COPY gov.main.${table} TO ${sqlString(`${base}.parquet`)} (FORMAT parquet, COMPRESSION zstd)`)
    const tmp = `${base}.csv.tmp`
    await this.con.run(`COPY gov.main.${table} TO ${sqlString(tmp)} (FORMAT csv, HEADER true)`)
    await prependBom(tmp, `${base}.csv`)
    await this.con.run(`COPY gov.main.${table} TO ${sqlString(`${base}.json`)} (FORMAT json, ARRAY true)`)
  }

  /** Detach (writes the database file completely) and close. */
  async close(): Promise<void> {
    await this.con.run('USE memory')
    await this.con.run('DETACH gov')
    this.instanceClose()
  }
}

function appendValue(a: DuckDBAppender, f: FieldDef, v: Value, table: string): void {
  if (v === null || v === undefined) return a.appendNull()
  switch (f.sql) {
    case 'VARCHAR':
      // The CSV cannot tell '' from NULL (missingValues [""]): store NULL so every format agrees.
      return v === '' ? a.appendNull() : a.appendVarchar(String(v))
    case 'INTEGER':
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`${table}.${f.name}: ${JSON.stringify(v)} is not an integer`)
      return a.appendInteger(v)
    case 'DOUBLE':
      if (typeof v !== 'number') throw new Error(`${table}.${f.name}: ${JSON.stringify(v)} is not a number`)
      return a.appendDouble(v)
    case 'BOOLEAN':
      return a.appendBoolean(v === true)
  }
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; DuckDB does not write one. */
async function prependBom(from: string, to: string): Promise<void> {
  const out = createWriteStream(to)
  out.write('\uFEFF')
  await pipeline(createReadStream(from), out)
  rmSync(from)
}
