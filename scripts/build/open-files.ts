import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { openTable, openTableSelect } from '~/db/open-tables'
import type { FieldDef, TableDef } from '~/db/schema'
import { str as sqlString } from '~/db/sql/literal'
import type { OutputFile } from './datapackage'
import { StepTimes } from './step-times'

/**
 * The open-data files, written by DuckDB from the finished database files:
 * - open/<district>/<table>.{csv,parquet} from the district's own database (db/<district>.duckdb),
 *   and open/<district>/<year>/cells.parquet, the district's cells of one report year;
 * - open/<table>.parquet of every table for all districts, open/<table>.csv of every table but
 *   `cells`, and open/<table>.json of the small tables ({@link ALL_DISTRICT_JSON}), from gov.duckdb.
 * The all-district cells exist only as Parquet: as CSV or JSON they grow by about 25 kB (CSV) and
 * 50 kB (JSON) per report — tens of GB for a province — while per district and year they stay
 * small enough to open anywhere. The tables are the published ones of src/db/open-tables.ts
 * (cells with label_zh and provenance).
 *
 * CSV is what people open in a spreadsheet, so it is written for that:
 * - a text cell starting with = + - @, a tab or a carriage return gets a leading apostrophe, so
 *   Excel, WPS or LibreOffice never run report text as a formula (=HYPERLINK(…), +cmd|…, @SUM(…));
 *   numbers are never changed. Parquet and JSON keep the text exactly (typed formats, no formulas).
 * - numbers that are whole print as integers (5, not 5.0); others as DuckDB prints a DOUBLE.
 * - UTF-8 with a byte-order mark, which Excel on Chinese Windows needs to read UTF-8.
 * The same rules are stated in the data dictionary (docs/data-dictionary.md, and on the 开放数据 page).
 */

/** All-district tables also written as JSON: the small ones (one row per district or registry unit). */
export const ALL_DISTRICT_JSON: readonly TableDef['name'][] = ['units', 'districts']

/** All-district tables written as Parquet only (by row count the large ones; per district they have CSV too). */
export const ALL_DISTRICT_PARQUET_ONLY: readonly TableDef['name'][] = ['cells']

/** A district whose rows get their own files, with the license that covers them. */
export interface OpenDistrict {
  id: string
  name: string
  license: string
  /** The district's own database file (absolute path). */
  db: string
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
 * Write every open file into `outDir` (the build's output folder): per district from its own
 * database file (one attached at a time, so memory does not grow with the number of districts),
 * then the all-district files from `dbFile` (gov.duckdb). Returns the files as datapackage
 * resources (all-district files first, then per district) and the per-district counts.
 */
export async function writeOpenFiles(
  dbFile: string,
  outDir: string,
  tables: readonly TableDef['name'][],
  districts: readonly OpenDistrict[],
  times = new StepTimes(),
): Promise<{ files: OutputFile[]; stats: OpenStats[] }> {
  const instance = await DuckDBInstance.create(':memory:')
  const con = await instance.connect()
  const spill = mkdtempSync(join(tmpdir(), 'gov-open-files-'))
  const shared: OutputFile[] = []
  const own: OutputFile[] = []
  const stats: OpenStats[] = []
  try {
    await con.run('SET autoinstall_known_extensions=false')
    await con.run('SET autoload_known_extensions=false')
    // A bound on memory: a sort larger than this spills to a temporary folder instead of growing the build's RSS.
    await con.run(`SET temp_directory = ${sqlString(spill)}`)
    await con.run(`SET memory_limit = '${MEMORY_LIMIT}'`)
    for (const d of districts) {
      await con.run(`ATTACH ${sqlString(d.db)} AS d (READ_ONLY)`)
      try {
        own.push(...(await times.time('open/<district>', () => writeDistrictFiles(con, outDir, tables, d))))
        const n = async (table: string) => Number((await con.runAndReadAll(`SELECT COUNT(*)::INTEGER AS n FROM d.main.${table}`)).getRowObjectsJS()[0]!.n)
        stats.push({ district: d.id, reports: await n('reports'), cells: await n('cells'), findings: await n('findings') })
      } finally {
        await con.run('DETACH d')
      }
    }
    const allStarted = performance.now()
    await con.run(`ATTACH ${sqlString(dbFile)} AS gov (READ_ONLY)`)
    mkdirSync(join(outDir, 'open'), { recursive: true })
    for (const name of tables) {
      const table = openTable(name)
      const title = `${table.title.zh} / ${table.title.en}`
      const base = join(outDir, 'open', name)
      if (!ALL_DISTRICT_PARQUET_ONLY.includes(name)) {
        await copyCsv(con, openTableSelect(name, 'gov.main', { column: csvColumn }), `${base}.csv`)
        shared.push({ path: `open/${name}.csv`, name, format: 'csv', table, title })
      }
      // The districts' own Parquet files one after the other (in district order, the order of gov.duckdb):
      // streamed, where a SELECT … ORDER BY over all districts' cells sorts them all in memory.
      const parts = districts.map((d) => sqlString(join(outDir, 'open', d.id, `${name}.parquet`))).join(', ')
      await con.run(`COPY (SELECT * FROM read_parquet([${parts}])) TO ${sqlString(`${base}.parquet`)} (FORMAT parquet, COMPRESSION zstd)`)
      shared.push({ path: `open/${name}.parquet`, name: `${name}-parquet`, format: 'parquet', table, title })
      if (ALL_DISTRICT_JSON.includes(name)) {
        await con.run(`COPY (${openTableSelect(name, 'gov.main')}) TO ${sqlString(`${base}.json`)} (FORMAT json, ARRAY true)`)
        shared.push({ path: `open/${name}.json`, name: `${name}-json`, format: 'json', table, title })
      }
    }
    times.add('open/<table>', performance.now() - allStarted)
    return { files: [...shared, ...own], stats }
  } finally {
    con.closeSync()
    instance.closeSync()
    rmSync(spill, { recursive: true, force: true })
  }
}

/** DuckDB's memory for writing the open files (its default is 80 % of the machine's memory). */
const MEMORY_LIMIT = '512MB'

/** One district's files from its database attached as `d`: every table as CSV and Parquet, then its cells per report year. */
async function writeDistrictFiles(con: DuckDBConnection, outDir: string, tables: readonly TableDef['name'][], d: OpenDistrict): Promise<OutputFile[]> {
  const files: OutputFile[] = []
  const res = resourceName(d.id)
  const district = { id: d.id, name: d.name, license: d.license }
  mkdirSync(join(outDir, 'open', d.id), { recursive: true })
  for (const name of tables) {
    const table = openTable(name)
    const title = `${d.name} · ${table.title.zh} / ${d.id}: ${table.title.en}`
    const base = join(outDir, 'open', d.id, name)
    await copyCsv(con, openTableSelect(name, 'd.main', { column: csvColumn }), `${base}.csv`)
    await con.run(`COPY (${openTableSelect(name, 'd.main')}) TO ${sqlString(`${base}.parquet`)} (FORMAT parquet, COMPRESSION zstd)`)
    files.push(
      { path: `open/${d.id}/${name}.csv`, name: `${res}-${name}`, format: 'csv', table, title, district },
      { path: `open/${d.id}/${name}.parquet`, name: `${res}-${name}-parquet`, format: 'parquet', table, title, district },
    )
  }
  const cells = openTable('cells')
  const years = (await con.runAndReadAll('SELECT DISTINCT "year" FROM d.main.cells WHERE "year" IS NOT NULL ORDER BY "year"')).getRowObjectsJS().map((r) => Number(r.year))
  for (const year of years) {
    mkdirSync(join(outDir, 'open', d.id, String(year)), { recursive: true })
    const path = `open/${d.id}/${year}/cells.parquet`
    // The filter keeps the stored order of the inner SELECT (same input, same bytes).
    await con.run(`COPY (SELECT * FROM (${openTableSelect('cells', 'd.main')}) WHERE "year" = ${year}) TO ${sqlString(join(outDir, path))} (FORMAT parquet, COMPRESSION zstd)`)
    files.push({
      path, name: `${res}-cells-${year}-parquet`, format: 'parquet', table: cells, district,
      title: `${d.name} · ${cells.title.zh}（${year} 年度）/ ${d.id}: ${cells.title.en} (${year})`,
    })
  }
  return files
}

function resourceName(id: string): string {
  return id.toLowerCase().replace(/[^-a-z0-9._]/g, '-')
}
