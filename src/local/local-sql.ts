import type { Row } from '~/build/rows'
import { DB_ALIAS } from '~/db/data-files'
import { TABLES, type TableDef } from '~/db/schema'
import { str } from '~/db/sql/literal'
import { createViewsSql } from '~/db/views'

/** The in-memory schema holding the local district's tables (the published file stays read-only). */
export const LOCAL_SCHEMA = 'local_district'

/** Rows per INSERT statement: one string literal each, a few MB at most. */
const BATCH = 5000

// Rows travel as one string literal per batch, split in SQL: DuckDB binds a VALUES list literal by
// literal (≈ 4 s for the 20 000 cells of 100 reports on this machine), but splits a string in
// milliseconds. Control characters that never occur in report text separate records and fields.
const RECORD = '\u001e'
const FIELD = '\u001f'
const NULL = '\u001d'
const SEPARATORS = /[\u001d\u001e\u001f]/g

function field(v: Row[string] | undefined): string {
  if (v === null || v === undefined) return NULL
  // A separator inside report text would break the row apart; it carries no meaning, so it becomes a space.
  return typeof v === 'string' ? v.replace(SEPARATORS, ' ') : String(v)
}

function insertSql(t: TableDef, rows: readonly Row[]): string {
  const text = rows.map((r) => t.fields.map((f) => field(r[f.name])).join(FIELD)).join(RECORD)
  const columns = t.fields.map((f, i) => `CAST(NULLIF(f[${i + 1}], ${str(NULL)}) AS ${f.sql})`).join(', ')
  return `INSERT INTO ${LOCAL_SCHEMA}.${t.name} SELECT ${columns} FROM (SELECT string_split(line, ${str(FIELD)}) AS f FROM (SELECT unnest(string_split(${str(text)}, ${str(RECORD)})) AS line))`
}

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
    for (let i = 0; i < rows.length; i += BATCH) out.push(insertSql(t, rows.slice(i, i + BATCH)))
  }
  // BY NAME: the published file's column order never has to match ours.
  for (const t of TABLES) out.push(`CREATE OR REPLACE VIEW ${t.name} AS SELECT * FROM "${DB_ALIAS}".${t.name} UNION ALL BY NAME SELECT * FROM ${LOCAL_SCHEMA}.${t.name}`)
  return out
}

/** Statements that take the local district out again: views back to the published tables alone, its tables dropped. */
export function removeLocalSql(): string[] {
  return [...createViewsSql(), `DROP SCHEMA IF EXISTS ${LOCAL_SCHEMA} CASCADE`]
}
