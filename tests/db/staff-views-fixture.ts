import { openNodeConnector, type NodeConnector } from '~/db/node'
import { TABLES, createTableSql, tableDef, type TableDef } from '~/db/schema'
import { lit } from '~/db/sql/literal'
import { countableOf, countedFlags } from './counted-fixture'

/**
 * In-memory DuckDB (through the real Node Connector) with the open-data tables of src/db/schema.ts
 * and hand-checked rows for the 单位 / 收录与异常 / 开放数据 SQL tests. Unit names include quotes
 * and a semicolon on purpose: they are untrusted text.
 */

type Row = Record<string, string | number | boolean | null>

async function insert(db: NodeConnector, name: TableDef['name'], rows: Row[]): Promise<void> {
  if (!rows.length) return
  const fields = tableDef(name).fields.map((f) => f.name)
  const values = rows.map((r) => `(${fields.map((f) => lit(r[f] ?? null)).join(', ')})`)
  await db.exec(`INSERT INTO ${name} (${fields.map((f) => `"${f}"`).join(', ')}) VALUES ${values.join(',\n')}`)
}

/** A unit whose name would break naive string concatenation. */
export const TRICKY_UNIT = `O'Brien"; DROP TABLE cells; --镇`

const D = 'testdist'
const unitsRows: Row[] = [
  { district: D, unit: '甲镇', unit_code: '001', unit_kind: '镇' },
  { district: D, unit: '乙街道', unit_code: '002', unit_kind: '街道' },
  { district: D, unit: TRICKY_UNIT, unit_code: '003', unit_kind: '镇' },
  { district: 'other', unit: '甲镇', unit_code: '901', unit_kind: '镇' },
]

interface R { id: number; unit: string; year: number; district?: string; newTotal: number | null; granted: number; decided: number }
const reports: R[] = [
  { id: 1, unit: '甲镇', year: 2020, newTotal: 4, granted: 2, decided: 4 },
  { id: 2, unit: '甲镇', year: 2021, newTotal: 10, granted: 5, decided: 10 },
  { id: 3, unit: '乙街道', year: 2020, newTotal: 2, granted: 2, decided: 2 },
  { id: 4, unit: '乙街道', year: 2021, newTotal: 6, granted: 6, decided: 6 },
  { id: 5, unit: TRICKY_UNIT, year: 2021, newTotal: 2, granted: 0, decided: 2 },
  { id: 6, unit: TRICKY_UNIT, year: 2021, newTotal: 100, granted: 100, decided: 100 },
  { id: 7, unit: '甲镇', year: 2021, district: 'other', newTotal: 999, granted: 0, decided: 999 },
]

function reportRow(r: R): Row {
  return {
    report_id: r.id, district: r.district ?? D, unit: r.unit, unit_kind: '镇', year: r.year, file: `${r.year}/${r.unit}.txt`,
    sha256: `sha-${r.id}`, provenance: r.id === 2 ? 'published' : 'synthetic', format: 'gov2021', format_claimed: r.id === 2 ? 'gov2019' : 'gov2021',
    rendering: 'docx-text', status: 'ok', n_cells: 200, n_errors: 0, n_warnings: 0, overview: `总体情况 ${r.id}`,
  }
}

function cellRows(r: R): Row[] {
  const base = { district: r.district ?? D, unit: r.unit, unit_kind: '镇', year: r.year, report_id: r.id, format: 'gov2021', section: 'apply' }
  return [
    { ...base, key: 'apply.new.total', value: r.newTotal, flag: r.newTotal === null ? 'blank' : 'ok' },
    { ...base, key: 'apply.result.granted.total', value: r.granted, flag: 'ok' },
    { ...base, key: 'apply.result.total.total', value: r.decided, flag: 'ok' },
    { ...base, key: 'apply.carry_forward.total', value: null, flag: 'blank' },
    { ...base, section: 'active', key: 'active.fee.amount_wan', value: 0, flag: 'zero_text', raw: '无' },
  ]
}

const coverageRows: Row[] = [
  ...['甲镇', '乙街道', TRICKY_UNIT].flatMap((unit, i) => [2019, 2020, 2021].map((year) => ({
    district: D, unit, unit_code: `00${i + 1}`, unit_kind: i === 1 ? '街道' : '镇', year,
    status: year === 2019 ? (i === 2 ? 'not_expected' : i === 0 ? 'not_published' : 'not_collected') : unit === TRICKY_UNIT ? (year === 2021 ? 'duplicate' : 'not_collected') : 'received',
    n_reports: year === 2019 ? 0 : unit === TRICKY_UNIT ? (year === 2021 ? 2 : 0) : 1,
  }))),
  { district: 'other', unit: '甲镇', unit_code: '901', unit_kind: '镇', year: 2021, status: 'not_collected', n_reports: 0 },
]

const findingRows: Row[] = [
  { district: D, unit: '甲镇', year: 2021, report_id: 2, file: '2021/甲镇.txt', rule: 'A1', level: 'error', cells: 'apply.new.total|apply.carry_forward.total', expected: '10', actual: '12', assumed_zero: true, message: '勾稽不平', message_en: 'Balance broken' },
  { district: D, unit: '甲镇', year: 2021, report_id: 2, file: '2021/甲镇.txt', rule: 'A9', level: 'info', cells: 'active.normative.in_force', message: '提示', message_en: 'Hint' },
  { district: D, unit: '甲镇', year: 2021, report_id: null, file: null, rule: 'C1', level: 'warn', cells: 'apply.carried_over.total', expected: '0', actual: '3', message: '结转不衔接', message_en: 'Carry-over break' },
  { district: D, unit: '甲镇', year: 2020, report_id: null, file: null, rule: 'C5', level: 'info', cells: '', message: '其他年度', message_en: 'Other year' },
  { district: D, unit: TRICKY_UNIT, year: 2021, report_id: 5, file: 'x', rule: 'A3', level: 'error', cells: 'apply.new.total', message: '合计不符', message_en: 'Sum' },
  { district: D, unit: '乙街道', year: 2021, report_id: 4, file: 'y', rule: 'F2', level: 'info', cells: '', message: '格式', message_en: 'Format' },
  { district: 'other', unit: '甲镇', year: 2021, report_id: 7, file: 'z', rule: 'A1', level: 'error', cells: '', message: '别区', message_en: 'Other district' },
]

/** Opens the fixture database; close it with `db.close()`. */
export async function openStaffFixture(): Promise<NodeConnector> {
  const db = await openNodeConnector()
  for (const t of TABLES) await db.exec(createTableSql(t))
  await insert(db, 'districts', [{ district: D, name: '测试区', synthetic: true }, { district: 'other', name: '别区', synthetic: true }])
  await insert(db, 'units', unitsRows)
  const reportRows = reports.map(reportRow)
  const notExpected = (district: string, unit: string, year: number) =>
    coverageRows.some((c) => c.district === district && c.unit === unit && c.year === year && c.status === 'not_expected')
  const counted = countedFlags(reportRows.map(countableOf), notExpected)
  await insert(db, 'reports', reportRows.map((r, i) => ({ ...r, counted: counted[i]! })))
  await insert(db, 'cells', reports.flatMap(cellRows))
  await insert(db, 'coverage', coverageRows)
  await insert(db, 'findings', findingRows)
  return db
}

export const FIXTURE_DISTRICT = D
