/**
 * Where the dashboard finds the data the build writes into `public/data/` (served at `data/`).
 * Paths are relative to the page so the site works from any base path.
 */

/** The district list: `{ districts: DistrictEntry[] }`. */
export const INDEX_JSON = 'data/index.json'

/** The DuckDB database file with the tables of src/db/schema.ts. */
export const DB_FILE = 'data/gov.duckdb'

/** The name the database file is registered under inside DuckDB-WASM's virtual file system. */
export const DB_FILE_NAME = 'gov.duckdb'

/** The schema name the database is attached as; views in `main` point at its tables. */
export const DB_ALIAS = 'gov'

/** One district as listed in index.json. */
export interface DistrictEntry {
  id: string
  name: string
  /** True when the district's reports are generated demo data. */
  synthetic: boolean
  /** Path of the district summary JSON, relative to the data folder (e.g. `summary/hulan.json`). */
  summary: string
}

/** URL of a district summary JSON, from its index entry. */
export function summaryUrl(entry: DistrictEntry): string {
  return `data/${entry.summary.replace(/^\/+/, '').replace(/^data\//, '')}`
}
