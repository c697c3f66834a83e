import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { openNodeConnector, type NodeConnector } from '~/db/node'
import { TABLES, createTableSql, type TableDef } from '~/db/schema'
import { lit } from '~/db/sql/literal'
import type { DistrictSummary } from '~/db/summary'
import { evaluateMetric, METRICS } from '~/report/metrics'
import { countableOf, countedFlags } from './counted-fixture'

/**
 * A small, hand-checked DuckDB file with the tables of src/db/schema.ts, for SQL, store and
 * engine tests before (and independent of) the real data build.
 *
 * District `demo`, years 2020–2022, three units:
 * - 甲镇 (镇): reports 2020 (gov2019), 2021, 2022
 * - 乙'街道 (街道, a quote in the name on purpose): reports 2021, 2022; 2020 not collected
 * - 丙局 (部门): report 2022 only; not expected before 2022
 */
export const FIXTURE_UNITS = [
  { unit: '甲镇', unit_code: '230111100', unit_kind: '镇' },
  { unit: "乙'街道", unit_code: '230111001', unit_kind: '街道' },
  { unit: '丙局', unit_code: null, unit_kind: '部门' },
] as const

type Cells = Record<string, number | null>

/** Cells of each received report: unit → year → cells (blank = null). */
export const FIXTURE_CELLS: Record<string, Record<number, Cells>> = {
  甲镇: {
    2020: {
      'apply.new.natural_person': 4, 'apply.new.legal.commercial': 1, 'apply.new.total': 5,
      'apply.carried_over.total': 0, 'apply.result.granted.total': 3, 'apply.result.other.subtotal.total': 1,
      'apply.result.total.total': 4, 'apply.carry_forward.total': 1, 'review.total': 1, 'review.maintained': 1,
    },
    2021: {
      'apply.new.natural_person': 6, 'apply.new.total': 6, 'apply.carried_over.total': 1,
      'apply.result.granted.total': 2, 'apply.result.partial.total': 1, 'apply.result.withheld.state_secret.total': 1,
      'apply.result.unable.not_held.total': 2, 'apply.result.total.total': 6, 'apply.carry_forward.total': 1,
      'review.total': 2, 'review.corrected': 1, 'review.pending': 1, 'litigation.direct.total': 1, 'litigation.direct.maintained': 1,
    },
    2022: {
      'apply.new.natural_person': 3, 'apply.new.legal.research': 2, 'apply.new.total': 5, 'apply.carried_over.total': 1,
      'apply.result.granted.total': 4, 'apply.result.not_processed.repeat.total': 1, 'apply.result.total.total': 5,
      'apply.carry_forward.total': 1, 'review.total': 0,
    },
  },
  "乙'街道": {
    2021: {
      'apply.new.natural_person': 10, 'apply.new.legal.commercial': 2, 'apply.new.total': 12, 'apply.carried_over.total': null,
      'apply.result.granted.total': 8, 'apply.result.withheld.third_party.total': 2, 'apply.result.other.misc.total': 2,
      'apply.result.total.total': 12, 'apply.carry_forward.total': 0,
      'litigation.after_review.total': 1, 'litigation.after_review.corrected': 1,
    },
    2022: {
      'apply.new.natural_person': 7, 'apply.new.total': 7, 'apply.carried_over.total': 0,
      'apply.result.granted.total': 5, 'apply.result.partial.total': 2, 'apply.result.total.total': 7, 'apply.carry_forward.total': 0,
    },
  },
  丙局: {
    2022: {
      'apply.new.legal.law_service': 1, 'apply.new.total': 1, 'apply.carried_over.total': 0,
      'apply.result.unable.needs_creation.total': 1, 'apply.result.total.total': 1, 'apply.carry_forward.total': 0,
    },
  },
}

/**
 * A second report the same unit published for the same year (coverage `duplicate`). It is
 * inserted first (lowest report_id) and has an error finding, so only the summary build's rule
 * (fewest errors, then most cells, then file) picks the report in FIXTURE_CELLS as the primary.
 */
export const FIXTURE_DUPLICATES: { unit: string; year: number; cells: Cells }[] = [
  { unit: '丙局', year: 2022, cells: { 'apply.new.legal.law_service': 50, 'apply.new.total': 50, 'apply.result.total.total': 50 } },
]

/** Coverage grid: unit → year → status. */
export const FIXTURE_COVERAGE: Record<string, Record<number, string>> = {
  甲镇: { 2020: 'received', 2021: 'received', 2022: 'received' },
  "乙'街道": { 2020: 'not_collected', 2021: 'received', 2022: 'received' },
  丙局: { 2020: 'not_expected', 2021: 'not_expected', 2022: 'duplicate' },
}

function insertSql(t: TableDef, rows: Record<string, string | number | boolean | null>[]): string {
  const cols = t.fields.map((f) => f.name)
  const values = rows.map((r) => `(${cols.map((c) => lit(r[c] ?? null)).join(', ')})`)
  return `INSERT INTO ${t.name} VALUES ${values.join(',\n')}`
}

function fixtureRows(): Record<TableDef['name'], Record<string, string | number | boolean | null>[]> {
  const unitOf = (name: string) => FIXTURE_UNITS.find((u) => u.unit === name)!
  const reports: Record<string, string | number | boolean | null>[] = []
  const cells: Record<string, string | number | boolean | null>[] = []
  let id = 0
  const all = [
    ...FIXTURE_DUPLICATES.map((d) => ({ unit: d.unit, year: d.year, values: d.cells, errors: 1 })),
    ...Object.entries(FIXTURE_CELLS).flatMap(([unit, years]) => Object.entries(years).map(([y, values]) => ({ unit, year: Number(y), values, errors: 0 }))),
  ]
  {
    for (const { unit, year, values, errors } of all) {
      const u = unitOf(unit)
      const format = year < 2021 ? 'gov2019' : 'gov2021'
      id += 1
      reports.push({ report_id: id, district: 'demo', ...u, year, file: `${year}/${unit}${errors ? '-copy' : ''}.txt`, provenance: 'synthetic', format, status: errors ? 'error' : 'ok', n_cells: Object.keys(values).length, n_errors: errors, n_warnings: 0 })
      for (const [key, value] of Object.entries(values)) {
        const section = key.startsWith('apply.') ? 'apply' : key.startsWith('active.') ? 'active' : 'appeal'
        cells.push({ district: 'demo', ...u, year, report_id: id, format, section, key, value, flag: value === null ? 'blank' : 'ok' })
      }
    }
  }
  const coverage = Object.entries(FIXTURE_COVERAGE).flatMap(([unit, years]) =>
    Object.entries(years).map(([year, status]) => ({ district: 'demo', ...unitOf(unit), year: Number(year), status, n_reports: status === 'received' ? 1 : status === 'duplicate' ? 2 : 0 })),
  )
  const counted = countedFlags(reports.map(countableOf), (_d, unit, year) => FIXTURE_COVERAGE[unit]?.[year] === 'not_expected')
  reports.forEach((r, i) => { r.counted = counted[i]! })
  return {
    districts: [{ district: 'demo', name: '示例区', city: '示例市', province: '示例省', synthetic: true }],
    units: FIXTURE_UNITS.map((u) => ({ district: 'demo', ...u })),
    reports,
    cells,
    findings: [{ district: 'demo', unit: '丙局', year: 2022, report_id: 1, file: '2022/丙局-copy.txt', rule: 'A1', level: 'error', message: '示例' }],
    coverage,
  }
}

/** Write the fixture database to a fresh temp folder; returns its path and a cleanup function. */
export async function writeFixtureDb(): Promise<{ file: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'gov-fixture-'))
  const file = join(dir, 'gov.duckdb')
  const instance = await DuckDBInstance.create(file)
  const conn = await instance.connect()
  const rows = fixtureRows()
  for (const t of TABLES) {
    await conn.run(createTableSql(t))
    if (rows[t.name].length) await conn.run(insertSql(t, rows[t.name]))
  }
  conn.closeSync()
  instance.closeSync()
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * The district summary JSON of the fixture, computed like the summary build does (evaluateMetric
 * over the primary reports' pooled cells) — independent of the SQL it is compared with.
 */
export function fixtureSummary(): DistrictSummary {
  const years = [2020, 2021, 2022]
  return {
    district: 'demo', name: '示例区', city: '示例市', province: '示例省', synthetic: true, years,
    units: FIXTURE_UNITS.map((u) => ({ unit: u.unit, unit_code: u.unit_code, unit_kind: u.unit_kind })),
    by_year: years.map((year) => {
      const pooled: Record<string, number> = {}
      for (const byYear of Object.values(FIXTURE_CELLS)) for (const [k, v] of Object.entries(byYear[year] ?? {})) pooled[k] = (pooled[k] ?? 0) + (v ?? 0)
      const cov = Object.values(FIXTURE_COVERAGE).map((c) => c[year]).filter((s) => s && s !== 'not_expected')
      return {
        year,
        expected: cov.length,
        received: cov.filter((s) => s === 'received' || s === 'duplicate').length,
        metrics: Object.fromEntries(METRICS.map((m) => [m.key, evaluateMetric(m, pooled)])),
      }
    }),
    by_unit_year: [],
    findings: { error: 1, warn: 0, info: 0 },
  }
}

/** The fixture database written to a temporary file and opened with the Node connector; `close` also removes it. */
export async function openFixtureDb(): Promise<{ db: NodeConnector; close: () => void }> {
  const { file, cleanup } = await writeFixtureDb()
  const db = await openNodeConnector(file)
  return {
    db,
    close: () => {
      db.close()
      cleanup()
    },
  }
}
