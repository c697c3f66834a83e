import { unitKindOf } from '~/report/parse/unit-kind'
import { ruleDef, validateReport } from '~/report/validate'
import { buildFinding } from './rules'
import type { UnitRegistry } from './unit-registry'
import type { BuiltReport, DistrictData, Finding, ParseOutcome, ReportFile } from './types'
import { baseName, splitExt } from '~/util/file-name'

/**
 * One report file's parse outcome → a BuiltReport: unit matched against the registry, year from the
 * report or its folder, and the build's own findings (unmatched, year_folder, year_unknown, no_cells,
 * unreadable). Pure (no node:): the data build (reports.ts) and the browser's local district
 * (src/local) turn files into reports with this one function.
 */
export function builtReport(
  input: Pick<DistrictData, 'id' | 'info'>,
  registry: UnitRegistry,
  file: Pick<ReportFile, 'path' | 'folderYear'>,
  digest: string,
  outcome: ParseOutcome,
): BuiltReport {
  if (!outcome.ok) return unreadableReport(input, registry, file, digest, outcome.error_en, outcome.error)

  const report = outcome.report
  const match = registry.match(report.meta.unit, file.path)
  // The parser guesses the unit's kind from its name (A10 needs it); when the registry says
  // otherwise, rerun the report rules with the registry's kind.
  const kind = match.ok ? match.unit.kind : null
  const findings: Finding[] =
    kind === unitKindOf(report.meta.unit)
      ? [...report.findings]
      : [...report.findings.filter((f) => ruleDef(f.rule)?.scope !== 'report'), ...validateReport(report, { unitKind: kind })]
  const year = report.meta.year ?? file.folderYear
  if (report.meta.year !== null && file.folderYear !== null && report.meta.year !== file.folderYear) {
    findings.push(
      buildFinding(
        'year_folder', 'warn',
        `报告年度 ${report.meta.year} 与所在文件夹年度 ${file.folderYear} 不一致（${file.path}），采用报告年度`,
        `Report year ${report.meta.year} differs from its folder year ${file.folderYear} (${file.path}); the report year is used`,
        { expected: file.folderYear, actual: report.meta.year },
      ),
    )
  }
  if (year === null) {
    findings.push(buildFinding('year_unknown', 'warn', `报告和文件夹均未给出年度（${file.path}）`, `Neither the report nor its folder gives a year (${file.path})`))
  }
  // Never let a report that yielded nothing pass silently as "ok".
  if (Object.keys(report.cells).length === 0 && !findings.some((f) => f.level !== 'info' || f.rule === 'legacy')) {
    findings.push(buildFinding('no_cells', 'warn', `未在文件中找到任何表格单元格（${file.path}，识别格式 ${report.meta.format}）`, `No table cell was located in ${file.path} (format detected: ${report.meta.format})`))
  }
  if (!match.ok) {
    findings.push(buildFinding('unmatched', 'warn', `${match.reason}（${file.path}）`, `${match.reason_en} (${file.path})`, { detail: report.meta.unit ?? undefined }))
  }
  const hasError = findings.some((f) => f.level === 'error')
  return {
    ...reportBase(input, file, digest),
    report,
    unit: match.ok ? match.unit : null,
    unitName: match.ok ? match.unit.name : report.meta.unit ?? fileStem(file.path),
    year,
    status: !match.ok ? 'unmatched' : hasError ? 'error' : 'ok',
    findings,
  }
}

/** An unreadable file still counts for its unit when the file name names one (coverage: received). */
export function unreadableReport(
  input: Pick<DistrictData, 'id' | 'info'>,
  registry: UnitRegistry,
  file: Pick<ReportFile, 'path' | 'folderYear'>,
  digest: string,
  en: string,
  zh: string,
): BuiltReport {
  const match = registry.match(null, file.path)
  return {
    ...reportBase(input, file, digest),
    report: null,
    unit: match.ok ? match.unit : null,
    unitName: match.ok ? match.unit.name : fileStem(file.path),
    year: file.folderYear,
    status: 'unreadable',
    findings: [buildFinding('unreadable', 'error', `${file.path}：${zh}`, `${file.path}: ${en}`)],
  }
}

/** The fields every BuiltReport of a file has, read or not (the report id is set later, in path order). */
function reportBase(input: Pick<DistrictData, 'id' | 'info'>, file: Pick<ReportFile, 'path'>, digest: string) {
  return { reportId: 0, district: input.id, file: file.path, provenance: input.info.provenance, url: null, sha256: digest }
}

/** A file's name without folder and extension. */
export function fileStem(path: string): string {
  return splitExt(baseName(path)).stem
}
