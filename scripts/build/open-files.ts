import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { openTable, openTableSelect } from '~/db/open-tables'
import type { FieldDef, TableDef } from '~/db/schema'
import { str as sqlString } from '~/db/sql/literal'
import type { OutputFile } from './datapackage'

/**
 * The open-data files (open/<table>.{csv,parquet,json} for all districts, open/<district>/<table>.
 * {csv,parquet} for each), written from the finished database file by DuckDB. The tables are the
 * published ones of src/db/open-tables.ts (cells with label_zh and provenance).
 *
 * CSV is what people open in a spreadsheet, so it is written for that:
 * - a text cell starting with = + - @, a tab or a carriage return gets a leading apostrophe, so
 *   Excel, WPS or LibreOffice never run report text as a formula (=HYPERLINK(…), +cmd|…, @SUM(…));
 *   numbers are never changed. Parquet and JSON keep the text exactly (typed formats, no formulas).
 * - numbers that are whole print as integers (5, not 5.0); others as DuckDB prints a DOUBLE.
 * - UTF-8 with a byte-order mark, which Excel on Chinese Windows needs to read UTF-8.
 * The same rules are stated in the data dictionary (docs/data-dictionary.md, and on the 开放数据 page).
 */

/** A district whose rows get their own files, with the license that covers them. */
export interface OpenDistrict {
  id: string
  name: string
  license: string
}

/** Per-district counts, for the changelog. */
export interface OpenStats {
  district: string
  reports: number
  cells: number
  findings: number
}


/** The CSV form of a column: formula-safe text, whole numbers as integers. */
function csvColumn(f: FieldDef, ref: string): string {
  if (f.sql === 'VARCHAR') return `CASE WHEN regexp_matches(${ref}, '^[=+\\-@\\t\\r]') THEN '''' || ${ref} ELSE ${ref} END`
  if (f.sql === 'DOUBLE') {
    return `CASE WHEN ${ref} = trunc(${ref}) AND abs(${ref}) < 1e15 THEN CAST(CAST(${ref} AS BIGINT) AS VARCHAR) ELSE CAST(${ref} AS VARCHAR) END`
  }
  return ref
}

async function copyCsv(con: DuckDBConnection, select: string, file: string): Promise<void> {
  const tmp = `${file}.tmp`
  await con.run(`COPY (${select}) TO ${sqlString(tmp)} (FORMAT csv, HEADER true)`)
  const out = createWriteStream(file)
  out.write('\uFEFF')
  await pipeline(createReadStream(tmp), out)
  rmSync(tmp)
}

/**
 * Write every open file into `outDir` (the build's output folder) from the database at `dbFile`.
 * Returns the files as datapackage resources (all-district files first, then per district) and
 * the per-district counts.
 */
export async function writeOpenFiles(
  dbFile: string,
  outDir: string,
  tables: readonly TableDef['name'][],
  districts: readonly OpenDistrict[],
): Promise<{ files: OutputFile[]; stats: OpenStats[] }> {
  const instance = await DuckDBInstance.create(':memory:')
  const con = await instance.connect()
  const files: OutputFile[] = []
  try {
    await con.run('SET autoinstall_known_extensions=false')
    await con.run('SET autoload_known_extensions=false')
    await con.run(`ATTACH ${sqlString(dbFile)} AS gov (READ_ONLY)`)
    mkdirSync(join(outDir, 'open'), { recursive: true })
    for (const name of tables) {
      const table = openTable(name)
      const title = `${table.title.zh} / ${table.title.en}`
      const base = join(outDir, 'open', name)
      await copyCsv(con, openTableSelect(name, 'gov.main', { column: csvColumn }), `${base}.csv`)
      await con.run(`COPY (${openTableSelect(name, 'gov.main')}) TO ${sqlString(`${base}.parquet`)} (FORMAT parquet, COMPRESSION zstd)`)
      await con.run(`COPY (${openTableSelect(name, 'gov.main')}) TO ${sqlString(`${base}.json`)} (FORMAT json, ARRAY true)`)
      files.push(
        { path: `open/${name}.csv`, name, format: 'csv', table, title },
        { path: `open/${name}.parquet`, name: `${name}-parquet`, format: 'parquet', table, title },
        { path: `open/${name}.json`, name: `${name}-json`, format: 'json', table, title },
      )
    }
    for (const d of districts) {
      mkdirSync(join(outDir, 'open', d.id), { recursive: true })
      for (const name of tables) {
        const table = openTable(name)
        const title = `${d.name} · ${table.title.zh} / ${d.id}: ${table.title.en}`
        const base = join(outDir, 'open', d.id, name)
        await copyCsv(con, openTableSelect(name, 'gov.main', { column: csvColumn, district: d.id }), `${base}.csv`)
        await con.run(`COPY (${openTableSelect(name, 'gov.main', { district: d.id })}) TO ${sqlString(`${base}.parquet`)} (FORMAT parquet, COMPRESSION zstd)`)
        const res = resourceName(d.id)
        const common = { table, title, district: { id: d.id, name: d.name, license: d.license } }
        files.push(
          { path: `open/${d.id}/${name}.csv`, name: `${res}-${name}`, format: 'csv', ...common },
          { path: `open/${d.id}/${name}.parquet`, name: `${res}-${name}-parquet`, format: 'parquet', ...common },
        )
      }
    }
    const count = async (table: string) => {
      const rows = (await con.runAndReadAll(`SELECT district, COUNT(*)::INTEGER AS n FROM gov.main.${table} GROUP BY district`)).getRowObjectsJS()
      return new Map(rows.map((r) => [String(r.district), Number(r.n)]))
    }
    const [reports, cells, findings] = [await count('reports'), await count('cells'), await count('findings')]
    const stats = districts.map((d) => ({ district: d.id, reports: reports.get(d.id) ?? 0, cells: cells.get(d.id) ?? 0, findings: findings.get(d.id) ?? 0 }))
    return { files, stats }
  } finally {
    con.closeSync()
    instance.closeSync()
  }
}

function resourceName(id: string): string {
  return id.toLowerCase().replace(/[^-a-z0-9._]/g, '-')
}
