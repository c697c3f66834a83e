import { rmSync } from 'node:fs'
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api'
import { createTableSql, TABLES, type FieldDef, type TableDef } from '~/db/schema'
import { str as sqlString } from '~/db/sql/literal'
import type { Row, Value } from '~/build/rows'

/** The tables in output order; each is written to the database file and to open/<name>.{parquet,csv,json}. */
export type TableName = TableDef['name']

/** The storage version duckdb-wasm 1.32 (DuckDB v1.4.3) can open (docs/stack-notes.md, "Database file"). */
const STORAGE_VERSION = 'v1.4.0'


/** DuckDB's memory while writing a database file: rows beyond it are written out, not held. */
const MEMORY_LIMIT = '512MB'

/** The smallest block DuckDB writes (and duckdb-wasm 1.32 reads, tests/build/wasm-open.test.ts): for the small per-district files. */
export const SMALL_BLOCK_SIZE = 16384

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

  /**
   * Create `dbPath` (replacing any old file) with the empty tables of src/db/schema.ts. `blockSize`
   * (bytes, a power of two from 16384 to 262144, DuckDB's default): a district's own file uses
   * {@link SMALL_BLOCK_SIZE}, because every table takes at least one block — with the default a
   * district of 150 reports is 2.1 MB of which most is empty blocks, with 16 kB blocks about a fifth.
   */
  static async create(dbPath: string, opts: { blockSize?: number } = {}): Promise<DatabaseWriter> {
    rmSync(dbPath, { force: true })
    rmSync(`${dbPath}.wal`, { force: true })
    const instance = await DuckDBInstance.create(':memory:')
    const con = await instance.connect()
    // A bound on memory (DuckDB's default is 80 % of the machine's): gov.duckdb gathers every district, and a province's must not grow the build's RSS.
    await con.run(`SET memory_limit = '${MEMORY_LIMIT}'`)
    const block = opts.blockSize ? `, BLOCK_SIZE ${opts.blockSize}` : ''
    await con.run(`ATTACH ${sqlString(dbPath)} AS gov (STORAGE_VERSION '${STORAGE_VERSION}'${block})`)
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

  /**
   * Append rows keyed by column name. Throws, naming the table and the column, when a row lacks a
   * column of the TableDef, has a column the table does not, or holds a value of the wrong type or
   * outside the column's enumeration: a value written under the wrong name fails here instead of
   * landing silently in the open data.
   */
  append(table: TableName, rows: Iterable<Row>): void {
    const fields = TABLES.find((t) => t.name === table)!.fields
    const a = this.appenders.get(table)!
    for (const row of rows) {
      // The whole row is checked before its first value is appended: a bad row never leaves the appender mid-row.
      checkColumns(table, fields, row)
      for (const f of fields) checkValue(f, row[f.name]!, table)
      for (const f of fields) appendValue(a, f, row[f.name]!)
      a.endRow()
    }
  }

  /**
   * Append every table of another database file of the same schema (a district's own file), in its
   * row order: DuckDB copies it table by table, so the rows never pass through JavaScript memory.
   * `reportIdShift` is added to every report id (cells and findings too; a NULL id stays NULL).
   * Call before {@link finishTables}, with no rows appended by hand.
   */
  async appendDatabase(file: string, opts: { reportIdShift?: number } = {}): Promise<void> {
    await this.con.run(`ATTACH ${sqlString(file)} AS part (READ_ONLY)`)
    try {
      const shift = opts.reportIdShift ?? 0
      for (const t of TABLES) {
        // A merge renumbers a part's reports (ids count from 1 in each build): every report_id column moves by the same amount.
        const select = shift !== 0 && t.fields.some((f) => f.name === 'report_id') ? `* REPLACE (report_id + ${shift} AS report_id)` : '*'
        await this.con.run(`INSERT INTO gov.main.${t.name} SELECT ${select} FROM part.main.${t.name}`)
      }
    } finally {
      await this.con.run('DETACH part')
    }
  }

  /** Flush the appenders; call once after the last append. */
  async finishTables(): Promise<void> {
    for (const a of this.appenders.values()) a.closeSync()
    await this.con.run('CHECKPOINT gov')
  }

  /** Detach (writes the database file completely) and close. */
  async close(): Promise<void> {
    await this.con.run('USE memory')
    await this.con.run('DETACH gov')
    this.instanceClose()
  }
}

/** Every column of the table present in the row, and no other. */
function checkColumns(table: string, fields: readonly FieldDef[], row: Row): void {
  let n = 0
  for (const f of fields) {
    if (!(f.name in row)) throw new Error(`${table}: the row has no column "${f.name}" (columns: ${fields.map((x) => x.name).join(', ')})`)
    n++
  }
  if (Object.keys(row).length !== n) {
    const known = new Set(fields.map((f) => f.name))
    const extra = Object.keys(row).filter((k) => !known.has(k))
    throw new Error(`${table}: the row has column${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')} the table does not have`)
  }
}

const enums = new WeakMap<FieldDef, ReadonlySet<string>>()
const enumOf = (f: FieldDef): ReadonlySet<string> | undefined => {
  if (!f.enum) return undefined
  let set = enums.get(f)
  if (!set) enums.set(f, (set = new Set(f.enum)))
  return set
}

/** Throws, naming table and column, when `v` does not fit the column's type, enumeration or requiredness. */
function checkValue(f: FieldDef, v: Value, table: string): void {
  // No closure here: this runs for every value of every cell, and tsx names each closure it creates (Object.defineProperty), which cost more than the checks.
  if (v === null || v === undefined || v === '') {
    if (f.required) throw new Error(`${table}.${f.name}: a value is required, the row has ${v === '' ? 'an empty string' : 'none'}`)
    if (v === '' && f.sql !== 'VARCHAR') throw badValue(f, v, table, f.sql === 'BOOLEAN' ? 'true or false' : 'a number')
    return
  }
  switch (f.sql) {
    case 'VARCHAR': {
      if (typeof v !== 'string') throw badValue(f, v, table, 'a string')
      const allowed = enumOf(f)
      if (allowed && !allowed.has(v)) throw badValue(f, v, table, `one of ${[...allowed].join(', ')}`)
      return
    }
    case 'INTEGER':
      if (typeof v !== 'number' || !Number.isInteger(v)) throw badValue(f, v, table, 'an integer')
      return
    case 'DOUBLE':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw badValue(f, v, table, 'a finite number')
      return
    case 'BOOLEAN':
      if (typeof v !== 'boolean') throw badValue(f, v, table, 'true or false')
  }
}

function badValue(f: FieldDef, v: Value, table: string, what: string): Error {
  return new Error(`${table}.${f.name}: ${JSON.stringify(v)} is not ${what}`)
}

/** Append a value checked by checkValue. */
function appendValue(a: DuckDBAppender, f: FieldDef, v: Value): void {
  // The CSV cannot tell '' from NULL (missingValues [""]): store NULL so every format agrees.
  if (v === null || v === undefined || v === '') return a.appendNull()
  switch (f.sql) {
    case 'VARCHAR':
      return a.appendVarchar(v as string)
    case 'INTEGER':
      return a.appendInteger(v as number)
    case 'DOUBLE':
      return a.appendDouble(v as number)
    case 'BOOLEAN':
      return a.appendBoolean(v as boolean)
  }
}
