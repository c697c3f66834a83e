import { computeCoverage, gridYears } from '~/build/coverage'
import { crossChecks } from '~/build/cross-checks'
import { gapFindings } from '~/build/gap-findings'
import { flagNotExpected } from '~/build/not-expected'
import { builtReport } from '~/build/report-outcome'
import { cellRows, coverageRows, crossFindingRows, districtRow, reportFindingRows, reportRow, unitRows, type Row } from '~/build/rows'
import { buildSummary, countedReports } from '~/build/summary'
import { flagLate } from '~/build/timeliness'
import type { BuiltReport, DistrictData } from '~/build/types'
import { UnitRegistry } from '~/build/unit-registry'
import type { TableDef } from '~/db/schema'
import { placeFiles } from './place-files'
import { resolveRegistry } from './registry'
import { LOCAL_DISTRICT, LOCAL_REPORT_ID_BASE, type LocalBuild, type ParsedFile, type RegistrySpec, type ReviewRow, type SkippedFile } from './types'

/**
 * Parsed files + a registry → the local district, made by the data build's own steps in the build's
 * order: each file's outcome to a report (report-outcome.ts: unit, year, build findings), report ids
 * in path order, coverage grid, not_expected and late findings, cross-year and cross-unit rules,
 * the counted report per unit-year, then the rows of every open-data table and the first-paint
 * summary. What the exported folder builds to in Node is what this returns (tests/local checks it).
 */
export function deriveLocal(parsed: readonly ParsedFile[], spec: RegistrySpec, skippedBefore: readonly SkippedFile[] = []): LocalBuild {
  const registry = resolveRegistry(spec, parsed)
  const { placed, skipped } = placeFiles(parsed)
  // No folder, no disk, no sources.csv: the build's pure steps need only the district and its units.
  const input: DistrictData = { id: LOCAL_DISTRICT, info: registry.info, units: registry.units, sources: new Map() }
  const matcher = new UnitRegistry(input.units, input.info)
  const reports = placed.map((p) => builtReport(input, matcher, p, p.file.sha256, p.file.outcome))
  reports.forEach((r, i) => (r.reportId = LOCAL_REPORT_ID_BASE + i + 1))
  const years = gridYears(input, reports)
  const coverage = computeCoverage(input, reports, years)
  flagNotExpected({ coverage, reports, years })
  flagLate(reports)
  const counted = countedReports(reports, coverage)
  const countedSet = new Set(counted)
  const cross = crossChecks(reports, countedSet, { strict: false })
  // No sources.csv in the browser: every gap is not_collected (未收录), never the unit's failure.
  cross.push(...gapFindings({ coverage }).findings)
  const name = input.info.name
  const tables: Record<TableDef['name'], Row[]> = {
    districts: [districtRow(input)],
    units: unitRows(input),
    reports: reports.map((r) => reportRow(r, countedSet.has(r))),
    cells: reports.flatMap((r) => [...cellRows(r)]),
    findings: [...reports.flatMap((r) => reportFindingRows(r, name)), ...crossFindingRows(LOCAL_DISTRICT, name, cross, input.units)],
    coverage: coverageRows(LOCAL_DISTRICT, coverage),
  }
  const levels = [...reports.flatMap((r) => r.findings.map((f) => f.level)), ...cross.map((c) => c.finding.level)]
  const summary = buildSummary(input, years, reports, counted, coverage, levels)

  const byFile = new Map(placed.map((p, i) => [p.file, reports[i]!]))
  const why = new Map([...skippedBefore, ...skipped].map((s) => [s.name, s]))
  const review: ReviewRow[] = [
    ...parsed.map((f) => reviewRow(f.name, byFile.get(f) ?? null, why.get(f.name))),
    ...skippedBefore.map((s) => reviewRow(s.name, null, s)),
  ]
  return { registry, tables, summary, review, files: placed.map((p) => ({ path: p.path, bytes: p.file.bytes })) }
}

function reviewRow(name: string, r: BuiltReport | null, skipped: SkippedFile | undefined): ReviewRow {
  if (!r) {
    return { name, path: null, status: 'skipped', unit: null, year: null, rendering: null, cells: 0, errors: 0, warnings: 0, reason: skipped?.reason ?? '', reason_en: skipped?.reason_en ?? '' }
  }
  const first = (rule: string) => r.findings.find((f) => f.rule === rule)
  const errors = r.findings.filter((f) => f.level === 'error')
  // The reason shown is the one that decided the status: unreadable, unmatched, else the first error.
  const cause = r.status === 'unreadable' ? first('unreadable') : r.status === 'unmatched' ? first('unmatched') : errors[0]
  return {
    name, path: r.file, status: r.status, unit: r.unit ? r.unit.name : null, year: r.year,
    rendering: r.report?.meta.rendering ?? null, cells: Object.keys(r.report?.cells ?? {}).length,
    errors: errors.length, warnings: r.findings.filter((f) => f.level === 'warn').length,
    reason: cause?.message ?? '', reason_en: cause?.message_en ?? '',
  }
}
