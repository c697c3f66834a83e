import { validateDistrict, validateSeries } from '~/report/validate'
import type { BuiltReport, Finding } from './types'

/** A finding across reports, tied back to the report it names (null for e.g. a gap year). */
export interface CrossFinding {
  finding: Finding
  report: BuiltReport | null
  unit: string
  year: number | null
}

/**
 * Runs the cross-year rules (C1–C5) on each matched unit's series and the cross-unit rules (X…)
 * on the district. Reports are identified to the validators by their file path, unique per district.
 * Of a unit's several reports for one year, the rules compare the one that counts (`counted`: the
 * caller's countedReports, the decision every total and view uses, made once per district);
 * C5 still sees them all to name the duplicate.
 */
export function crossChecks(reports: readonly BuiltReport[], counted: ReadonlySet<BuiltReport>, opts: { strict: boolean }): CrossFinding[] {
  const readable = reports.filter((r) => r.unit && r.report)
  const byFile = new Map(readable.map((r) => [r.file, r]))
  const byUnit = new Map<string, BuiltReport[]>()
  for (const r of readable) byUnit.set(r.unit!.name, [...(byUnit.get(r.unit!.name) ?? []), r])

  const out: CrossFinding[] = []
  for (const [unit, series] of byUnit) {
    const input = series.map((r) => ({ year: r.year, format: r.report!.meta.format, cells: r.report!.cells, file: r.file, counted: counted.has(r) }))
    for (const s of validateSeries(input, opts)) {
      out.push({ finding: s.finding, report: s.file !== undefined ? byFile.get(s.file) ?? null : null, unit, year: s.year })
    }
  }
  const districtInput = readable.map((r) => ({ unit: r.unit!.name, year: r.year, cells: r.report!.cells, prose: r.report!.prose, file: r.file, counted: counted.has(r) }))
  for (const d of validateDistrict(districtInput)) {
    out.push({ finding: d.finding, report: d.file !== undefined ? byFile.get(d.file) ?? null : null, unit: d.unit, year: d.year })
  }
  return out
}
