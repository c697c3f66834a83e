import { cellDef, keysOf } from '~/report/model'
import type { CoverageRow } from './coverage'
import type { CrossFinding } from './cross-checks'
import { reportDaysLate } from './timeliness'
import type { BuiltReport, DistrictData, Finding, UnitRecord } from './types'

/** A cell value of an open-data table. */
export type Value = string | number | boolean | null

/**
 * One row of an open-data table, keyed by the column names of its src/db/schema.ts TableDef.
 * Rows are written by name, never by position: DatabaseWriter.append fails naming the table and
 * column when a row lacks a column, has one the table does not, or holds a value of the wrong type,
 * so two values swapped by mistake cannot land silently in each other's columns.
 */
export type Row = Readonly<Record<string, Value>>

const orNull = (s: string | null | undefined): string | null => (s === undefined || s === null || s === '' ? null : s)

/** districts: one row. */
export function districtRow(input: DistrictData): Row {
  const i = input.info
  return {
    district: input.id, name: i.name, city: orNull(i.city), province: orNull(i.province),
    publisher: orNull(i.publisher), license: orNull(i.license), contact: orNull(i.contact), synthetic: i.synthetic,
  }
}

/** units: registry order. */
export function unitRows(input: DistrictData): Row[] {
  return input.units.map((u) => ({
    district: input.id, unit: u.name, unit_code: u.code, unit_kind: u.kind,
    aliases: orNull(u.aliases.join('|')), valid_from: u.valid_from, valid_to: u.valid_to,
  }))
}

/** reports: one row per report file; `counted` says whether it is the one of `countedReports` (summary.ts) for its unit × year. */
export function reportRow(r: BuiltReport, counted: boolean): Row {
  const p = r.report
  const m = p?.meta
  return {
    report_id: r.reportId, district: r.district, unit: r.unitName, unit_code: r.unit?.code ?? null, unit_kind: r.unit?.kind ?? null,
    year: r.year, file: r.file, sha256: orNull(r.sha256), provenance: r.provenance,
    format: m?.format ?? null, format_claimed: m?.format_claimed ?? null,
    format_active: m?.format_sections.active ?? null, format_apply: m?.format_sections.apply ?? null,
    rendering: m?.rendering ?? null, encoding: orNull(m?.encoding), status: r.status, counted,
    n_cells: p ? Object.keys(p.cells).length : 0,
    n_errors: r.findings.filter((f) => f.level === 'error').length,
    n_warnings: r.findings.filter((f) => f.level === 'warn').length,
    unit_printed: m?.unit ?? null,
    overview: orNull(p?.prose.overview), problems: orNull(p?.prose.problems), other: orNull(p?.prose.other),
    source_url: orNull(m?.source_url ?? r.url), published_at: orNull(m?.published_at), days_late: reportDaysLate(r),
  }
}

/**
 * The report's cell keys in print order of its format, then any key the model does not list
 * (kept, never dropped), in code-point order.
 */
export function orderedCellKeys(r: BuiltReport): string[] {
  const cells = r.report?.cells ?? {}
  const format = r.report?.meta.format
  const known = format === 'gov2021' || format === 'gov2019' ? keysOf(format).filter((k) => k in cells) : []
  const knownSet = new Set(known)
  const rest = Object.keys(cells).filter((k) => !knownSet.has(k)).sort()
  return [...known, ...rest]
}

/** cells: tidy, one row per located cell. */
export function* cellRows(r: BuiltReport): Generator<Row> {
  const p = r.report
  if (!p) return
  for (const key of orderedCellKeys(r)) {
    const value = p.cells[key] ?? null
    const note = p.cell_notes[key]
    const flag = note?.flag ?? (value === null ? 'blank' : 'ok')
    yield {
      district: r.district, unit: r.unitName, unit_code: r.unit?.code ?? null, unit_kind: r.unit?.kind ?? null, year: r.year,
      report_id: r.reportId, format: p.meta.format, section: cellDef(key)?.section ?? null, key, value, flag, raw: orNull(note?.raw),
    }
  }
}

const show = (v: Finding['expected']): string | null => (v === undefined || v === null ? null : String(v))

/**
 * findings: one row; report-level findings carry their report, cross-year ones may not. A finding
 * about no unit (district-wide) names the district in `unit`, a required field.
 */
export function findingRow(district: string, districtName: string, f: Finding, at: { unit: string | null; unit_code: string | null; year: number | null; report_id: number | null; file: string | null }): Row {
  return {
    district, unit: at.unit ?? districtName, unit_code: at.unit_code, year: at.year, report_id: at.report_id, file: at.file,
    rule: f.rule, level: f.level, cells: orNull(f.cells.join('|')), expected: show(f.expected), actual: show(f.actual),
    assumed_zero: f.assumed_zero ?? false, message: f.message, message_en: f.message_en,
  }
}

/** findings of one report. */
export function reportFindingRows(r: BuiltReport, districtName: string): Row[] {
  return r.findings.map((f) => findingRow(r.district, districtName, f, { unit: r.unitName, unit_code: r.unit?.code ?? null, year: r.year, report_id: r.reportId, file: r.file }))
}

/** findings of the cross-year and cross-unit validators, tied back to their report when they name one. */
export function crossFindingRows(district: string, districtName: string, list: readonly CrossFinding[], units: readonly UnitRecord[]): Row[] {
  return list.map((c) => {
    const unit = c.report?.unit ?? units.find((u) => u.name === c.unit) ?? null
    return findingRow(district, districtName, c.finding, { unit: c.unit, unit_code: unit?.code ?? null, year: c.year, report_id: c.report?.reportId ?? null, file: c.report?.file ?? null })
  })
}

/** coverage rows. */
export function coverageRows(district: string, rows: readonly CoverageRow[]): Row[] {
  return rows.map((c) => ({ district, unit: c.unit.name, unit_code: c.unit.code, unit_kind: c.unit.kind, year: c.year, status: c.status, n_reports: c.n_reports }))
}
