import { cellDef, keysOf } from '~/report/model'
import type { CoverageRow } from './coverage'
import type { CrossFinding } from './cross-checks'
import { reportDaysLate } from './timeliness'
import type { BuiltReport, DistrictInput, Finding, UnitRecord } from './types'

/** A cell value of an open-data table, in the column order of its src/db/schema.ts TableDef. */
export type Value = string | number | boolean | null

const orNull = (s: string | null | undefined): string | null => (s === undefined || s === null || s === '' ? null : s)

/** districts: one row. */
export function districtRow(input: DistrictInput): Value[] {
  const i = input.info
  return [input.id, i.name, orNull(i.city), orNull(i.province), orNull(i.publisher), orNull(i.license), orNull(i.contact), i.synthetic]
}

/** units: registry order. */
export function unitRows(input: DistrictInput): Value[][] {
  return input.units.map((u) => [input.id, u.name, u.code, u.kind, orNull(u.aliases.join('|')), u.valid_from, u.valid_to])
}

/** reports: one row per report file; `counted` says whether it is the one of `countedReports` (summary.ts) for its unit × year. */
export function reportRow(r: BuiltReport, counted: boolean): Value[] {
  const p = r.report
  const m = p?.meta
  return [
    r.reportId, r.district, r.unitName, r.unit?.code ?? null, r.unit?.kind ?? null, r.year, r.file, orNull(r.sha256), r.provenance,
    m?.format ?? null, m?.format_claimed ?? null, m?.format_sections.active ?? null, m?.format_sections.apply ?? null,
    m?.rendering ?? null, orNull(m?.encoding), r.status, counted,
    p ? Object.keys(p.cells).length : 0,
    r.findings.filter((f) => f.level === 'error').length,
    r.findings.filter((f) => f.level === 'warn').length,
    m?.unit ?? null, orNull(p?.prose.overview), orNull(p?.prose.problems), orNull(p?.prose.other),
    orNull(m?.source_url ?? r.url), orNull(m?.published_at), reportDaysLate(r),
  ]
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
export function* cellRows(r: BuiltReport): Generator<Value[]> {
  const p = r.report
  if (!p) return
  for (const key of orderedCellKeys(r)) {
    const value = p.cells[key] ?? null
    const note = p.cell_notes[key]
    const flag = note?.flag ?? (value === null ? 'blank' : 'ok')
    yield [r.district, r.unitName, r.unit?.code ?? null, r.unit?.kind ?? null, r.year, r.reportId, p.meta.format, cellDef(key)?.section ?? null, key, value, flag, orNull(note?.raw)]
  }
}

const show = (v: Finding['expected']): string | null => (v === undefined || v === null ? null : String(v))

/**
 * findings: one row; report-level findings carry their report, cross-year ones may not. A finding
 * about no unit (district-wide) names the district in `unit`, a required field.
 */
export function findingRow(district: string, districtName: string, f: Finding, at: { unit: string | null; unit_code: string | null; year: number | null; report_id: number | null; file: string | null }): Value[] {
  return [district, at.unit ?? districtName, at.unit_code, at.year, at.report_id, at.file, f.rule, f.level, orNull(f.cells.join('|')), show(f.expected), show(f.actual), f.assumed_zero ?? false, f.message, f.message_en]
}

/** findings of one report. */
export function reportFindingRows(r: BuiltReport, districtName: string): Value[][] {
  return r.findings.map((f) => findingRow(r.district, districtName, f, { unit: r.unitName, unit_code: r.unit?.code ?? null, year: r.year, report_id: r.reportId, file: r.file }))
}

/** findings of the cross-year and cross-unit validators, tied back to their report when they name one. */
export function crossFindingRows(district: string, districtName: string, list: readonly CrossFinding[], units: readonly UnitRecord[]): Value[][] {
  return list.map((c) => {
    const unit = c.report?.unit ?? units.find((u) => u.name === c.unit) ?? null
    return findingRow(district, districtName, c.finding, { unit: c.unit, unit_code: unit?.code ?? null, year: c.year, report_id: c.report?.reportId ?? null, file: c.report?.file ?? null })
  })
}

/** coverage rows. */
export function coverageRows(district: string, rows: readonly CoverageRow[]): Value[][] {
  return rows.map((c) => [district, c.unit.name, c.unit.code, c.unit.kind, c.year, c.status, c.n_reports])
}
