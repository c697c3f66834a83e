/**
 * Where the dashboard finds the data the build writes into `public/data/` (served at `data/`).
 * Paths are relative to the page so the site works from any base path.
 */

/** The district list: `{ districts: DistrictEntry[] }`. */
export const INDEX_JSON = 'data/index.json'

/**
 * The DuckDB database of every district (the tables of src/db/schema.ts): the SQL console's data
 * (queries across districts) and a download. The dashboard never reads it: it attaches one
 * district's own file (`DistrictEntry.db`, written as `db/<district>.duckdb`).
 */
export const DB_FILE = 'data/gov.duckdb'

/** The name the all-district database file is registered under inside DuckDB-WASM's virtual file system. */
export const DB_FILE_NAME = 'gov.duckdb'

/** The schema name a database file is attached as (a district's, or the console's all-district file); views in `main` point at its tables. */
export const DB_ALIAS = 'gov'

/** A district's own database file, relative to the data folder (same tables, that district's rows only). */
export function districtDbPath(id: string): string {
  return `db/${id}.duckdb`
}

/** One district as listed in index.json. */
export interface DistrictEntry {
  id: string
  name: string
  /** True when the district's reports are generated demo data. */
  synthetic: boolean
  /** Path of the district summary JSON, relative to the data folder (e.g. `summary/hulan.json`). */
  summary: string
  /**
   * Path of the district's own DuckDB file, relative to the data folder (`db/hulan.duckdb`); absent
   * for a district kept in this browser only (src/local), whose rows live in the engine's memory.
   */
  db?: string
}

/** URL of an all-district table the data build also writes as JSON (open/units.json, open/districts.json: one row per unit or district). */
export function openJsonUrl(table: 'units' | 'districts'): string {
  return `data/open/${table}.json`
}

/** URL (relative to the page) of a data-folder path from index.json. */
export function dataUrl(path: string): string {
  return `data/${path.replace(/^\/+/, '').replace(/^data\//, '')}`
}

/** URL of a district summary JSON, from its index entry. */
export function summaryUrl(entry: DistrictEntry): string {
  return `data/${entry.summary.replace(/^\/+/, '').replace(/^data\//, '')}`
}
