import { unitKindOf } from '~/report/parse/unit-kind'
import { ruleDef, validateReport } from '~/report/validate'
import { sourceFor } from './district-input'
import { sha256 } from './hash'
import { readInputFile } from './input-fs'
import { applyLedger } from './ledger'
import { buildFinding } from './rules'
import { UnitRegistry } from './unit-registry'
import type { BuildEngines, BuiltReport, DistrictInput, Finding, ReportFile } from './types'

/** Called after each file so the terminal can show progress; `problem` is set for an unreadable file. */
export type OnFile = (done: number, total: number, file: string, problem?: string) => void

/**
 * Parse every report file of a district, match it to a registry unit and give it a year.
 * Never throws for a bad file: an unreadable one becomes a report with status `unreadable`.
 * `reportId` is left 0; ids are assigned once all districts are sorted.
 */
export async function readReports(input: DistrictInput, engines: BuildEngines, onFile: OnFile = () => {}): Promise<BuiltReport[]> {
  const registry = new UnitRegistry(input.units, input.info)
  const out: BuiltReport[] = new Array(input.files.length)
  let next = 0
  let done = 0
  // A few lanes keep a parser pool busy; results land at their file's index, so order never varies.
  const lane = async () => {
    while (next < input.files.length) {
      const i = next++
      const file = input.files[i]!
      const built = await readOne(input, registry, engines, file)
      // The unit-year's row of sources.csv gives the page address (the file's own, when it states one, wins in rows.ts).
      if (built.unit && built.year !== null) built.url = sourceFor(input, built.unit.name, built.year)?.url ?? null
      // A fetched file: its page address, and its page's date when the report prints none (fetch-ledger.csv).
      applyLedger(built, input.ledger?.get(file.path))
      out[i] = built
      onFile(++done, input.files.length, file.path, built.status === 'unreadable' ? built.findings[0]?.message_en : undefined)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, engines.concurrency ?? 1) }, lane))
  return out
}

type ReportBase = Pick<BuiltReport, 'reportId' | 'district' | 'file' | 'provenance' | 'url'>

async function readOne(input: DistrictInput, registry: UnitRegistry, engines: BuildEngines, file: ReportFile): Promise<BuiltReport> {
  let bytes: Uint8Array
  const base: ReportBase = {
    reportId: 0,
    district: input.id,
    file: file.path,
    provenance: input.info.provenance,
    url: null,
  }
  // Links out of the data folder, FIFOs, devices and files over 100 MB are refused here, never waited on.
  const read = readInputFile(file.abs, { boundary: input.root, base: input.dir, fs: input.fs })
  if (!read.ok) return unreadable(base, '', file, registry, `cannot read the file: ${read.reason}`, `无法读取文件：${read.reason_zh}`)
  bytes = read.bytes
  const digest = sha256(bytes)
  let outcome
  try {
    outcome = await engines.parse(bytes, file.path.slice(file.path.lastIndexOf('/') + 1))
  } catch (e) {
    // parseReport promises not to throw; if it does, the build still goes on and says so.
    outcome = { ok: false as const, error: `解析器异常：${(e as Error).message}`, error_en: `parser crashed: ${(e as Error).message}` }
  }
  if (!outcome.ok) return unreadable(base, digest, file, registry, outcome.error_en, outcome.error)

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
    ...base,
    sha256: digest,
    report,
    unit: match.ok ? match.unit : null,
    unitName: match.ok ? match.unit.name : report.meta.unit ?? stem(file.path),
    year,
    status: !match.ok ? 'unmatched' : hasError ? 'error' : 'ok',
    findings,
  }
}

/** An unreadable file still counts for its unit when the file name names one (coverage: received). */
function unreadable(base: ReportBase, digest: string, file: ReportFile, registry: UnitRegistry, en: string, zh: string): BuiltReport {
  const match = registry.match(null, file.path)
  return {
    ...base,
    sha256: digest,
    report: null,
    unit: match.ok ? match.unit : null,
    unitName: match.ok ? match.unit.name : stem(file.path),
    year: file.folderYear,
    status: 'unreadable',
    findings: [buildFinding('unreadable', 'error', `${file.path}：${zh}`, `${file.path}: ${en}`)],
  }
}

function stem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}
