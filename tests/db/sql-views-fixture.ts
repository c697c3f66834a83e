import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { TABLES, createTableSql } from '~/db/schema'
import { lit } from '~/db/sql/literal'
import { countedFlags } from './counted-fixture'

/**
 * In-memory DuckDB with the open-data tables (DDL from src/db/schema.ts) and a few hand-made
 * reports, for the SQL tests of the Compare/Outcomes/Appeal/Active views.
 */

type Cells = Record<string, number | null>

export interface FixtureReport {
  report_id: number
  district: string
  unit: string
  unit_code: string | null
  unit_kind: string
  year: number
  format: 'gov2021' | 'gov2019'
  cells: Cells
}

export interface FixtureCoverage {
  district: string
  unit: string
  unit_code: string | null
  unit_kind: string
  year: number
  status: 'received' | 'not_collected' | 'not_published' | 'duplicate' | 'not_expected'
}


function sectionOf(key: string): string {
  if (key.startsWith('active.')) return 'active'
  if (key.startsWith('apply.')) return 'apply'
  return 'appeal'
}

/** The DDL and INSERT statements creating the open-data tables with the given reports and coverage. */
export function fixtureStatements(reports: FixtureReport[], coverage: FixtureCoverage[]): string[] {
  const out = TABLES.map(createTableSql)
  const cellRows = reports.flatMap((r) =>
    Object.entries(r.cells).map(([key, value]) =>
      `(${[r.district, r.unit, r.unit_code, r.unit_kind, r.year, r.report_id, r.format, sectionOf(key), key, value, value === null ? 'blank' : 'ok', null].map(lit).join(', ')})`,
    ),
  )
  if (cellRows.length > 0) {
    out.push(`INSERT INTO cells (district, unit, unit_code, unit_kind, "year", report_id, format, section, "key", value, flag, raw) VALUES ${cellRows.join(',\n')}`)
  }
  const files = reports.map((r) => `${r.year}/${r.unit}-${r.report_id}.txt`)
  const notExpected = (district: string, unit: string, year: number) =>
    coverage.some((c) => c.district === district && c.unit === unit && c.year === year && c.status === 'not_expected')
  const counted = countedFlags(reports.map((r, i) => ({ ...r, n_errors: 0, n_cells: Object.keys(r.cells).length, file: files[i]! })), notExpected)
  const reportRows = reports.map((r, i) =>
    `(${[r.report_id, r.district, r.unit, r.unit_code, r.unit_kind, r.year, files[i]!, r.format, 'ok', counted[i]!, Object.keys(r.cells).length, 0, 0].map(lit).join(', ')})`,
  )
  if (reportRows.length > 0) {
    out.push(`INSERT INTO reports (report_id, district, unit, unit_code, unit_kind, "year", file, format, status, counted, n_cells, n_errors, n_warnings) VALUES ${reportRows.join(',\n')}`)
  }
  const coverageRows = coverage.map((c) => `(${[c.district, c.unit, c.unit_code, c.unit_kind, c.year, c.status, c.status === 'not_collected' || c.status === 'not_published' ? 0 : 1].map(lit).join(', ')})`)
  if (coverageRows.length > 0) {
    out.push(`INSERT INTO coverage (district, unit, unit_code, unit_kind, "year", status, n_reports) VALUES ${coverageRows.join(',\n')}`)
  }
  return out
}

/** Opens a fresh in-memory database holding the given reports and coverage grid. */
export async function openFixtureDb(reports: FixtureReport[], coverage: FixtureCoverage[]): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:')
  const con = await instance.connect()
  for (const sql of fixtureStatements(reports, coverage)) await con.run(sql)
  return con
}

/** Runs a query and returns plain JSON-ish rows (numbers as numbers). */
export async function rows<T = Record<string, unknown>>(con: DuckDBConnection, sql: string): Promise<T[]> {
  const reader = await con.runAndReadAll(sql)
  return reader.getRowObjectsJson() as unknown as T[]
}
