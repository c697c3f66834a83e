import type { Row } from '../../scripts/build/rows'
import { DB_ALIAS } from '~/db/data-files'
import { TABLES, type TableDef } from '~/db/schema'
import { lit } from '~/db/sql/literal'
import { createViewsSql } from '~/db/views'

/** The in-memory schema holding the local district's tables (the published file stays read-only). */
export const LOCAL_SCHEMA = 'local_district'

/** Rows per INSERT statement: large enough to be quick, small enough for the parser to stay light. */
const BATCH = 1000

/**
 * Statements that load the local district into DuckDB: its tables (the published tables' columns,
 * in memory), its rows, and every view (`cells`, `reports` …) redefined as the published rows
 * followed by the local ones — so every query of every page sees the local district like any other,
 * selected by its district id.
 */
export function loadLocalSql(tables: Record<TableDef['name'], readonly Row[]>): string[] {
  const out = [`CREATE SCHEMA IF NOT EXISTS ${LOCAL_SCHEMA}`]
  for (const t of TABLES) {
    out.push(`CREATE OR REPLACE TABLE ${LOCAL_SCHEMA}.${t.name} (${t.fields.map((f) => `"${f.name}" ${f.sql}`).join(', ')})`)
    const rows = tables[t.name]
    for (let i = 0; i < rows.length; i += BATCH) {
      const values = rows.slice(i, i + BATCH).map((r) => `(${t.fields.map((f) => lit(r[f.name] ?? null)).join(', ')})`)
      out.push(`INSERT INTO ${LOCAL_SCHEMA}.${t.name} VALUES ${values.join(', ')}`)
    }
  }
  // BY NAME: the published file's column order never has to match ours.
  for (const t of TABLES) out.push(`CREATE OR REPLACE VIEW ${t.name} AS SELECT * FROM "${DB_ALIAS}".${t.name} UNION ALL BY NAME SELECT * FROM ${LOCAL_SCHEMA}.${t.name}`)
  return out
}

/** Statements that take the local district out again: views back to the published tables alone, its tables dropped. */
export function removeLocalSql(): string[] {
  return [...createViewsSql(), `DROP SCHEMA IF EXISTS ${LOCAL_SCHEMA} CASCADE`]
}
