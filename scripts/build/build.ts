import { join } from 'node:path'
import { computeCoverage, gridYears, type CoverageRow } from './coverage'
import { crossChecks } from './cross-checks'
import { describeFinding } from './describe'
import { listDistricts, readDistrict } from './district-input'
import type { BuildLog } from './log'
import { assertReplaceable, writeOutput, type DistrictBuild } from './output'
import { readReports } from './reports'
import { buildFinding } from './rules'
import type { BuildEngines, DistrictInput } from './types'

export { OPEN_TABLES } from './output'

export interface BuildOptions {
  /** Folder holding `districts/<id>/`. */
  dataDir: string
  /** Output folder (replaced as a whole when the build succeeds). */
  outDir: string
  /** When set, written to the output's stamp file (see stamp.ts) so `npm start` can skip a fresh build. */
  stamp?: string
  /** Fail (ok=false) on any unreadable or unmatched file, input problem or error-level finding; C1 becomes ERROR. */
  strict: boolean
  log: BuildLog
}

/** Counts per district, for the terminal and for tests. */
export interface DistrictStats {
  id: string
  files: number
  unreadable: number
  unmatched: number
  errors: number
  warnings: number
  coverage: Record<CoverageRow['status'], number>
}

export interface BuildResult {
  /** False when nothing could be built, or in strict mode when any input was bad. */
  ok: boolean
  districts: DistrictStats[]
  /** Districts whose folder could not be read at all (message per district). */
  failed: string[]
  /** Files written, relative to outDir. */
  files: string[]
}

/**
 * The data build: district folders in, the open dataset out (DuckDB file, Parquet/CSV/JSON per
 * table, datapackage.json, first-paint summaries, index.json). Same input → same bytes.
 */
export async function buildData(opts: BuildOptions, engines: BuildEngines): Promise<BuildResult> {
  const { log } = opts
  const startedAt = performance.now()
  assertReplaceable(opts.outDir)
  const failed: string[] = []
  const builds: DistrictBuild[] = []
  const ids = listDistricts(opts.dataDir)
  if (ids.length === 0) log.problem(`no district folders with a district.json under ${join(opts.dataDir, 'districts')}`)

  for (const id of ids) {
    let input: DistrictInput
    try {
      input = readDistrict(join(opts.dataDir, 'districts', id), id)
    } catch (e) {
      failed.push((e as Error).message)
      log.problem(`✗ ${id}: ${(e as Error).message}`)
      continue
    }
    for (const p of input.problems) log.problem(`  ${id}: ${p}`)
    log.info(`${id} (${input.info.name}): ${input.files.length} report files, ${input.units.length} registry units`)
    const reports = await readReports(input, engines, (done, total, file, problem) => {
      if (problem) log.problem(`  ✗ ${id}/${file}: ${problem}`)
      log.progress(id, done, total)
    })
    builds.push({ input, reports, coverage: [], years: [], cross: [] })
  }

  const parsedAt = performance.now()
  assignReportIds(builds)
  for (const b of builds) {
    b.years = gridYears(b.input, b.reports)
    b.coverage = computeCoverage(b.input, b.reports)
    flagNotExpected(b)
    b.cross = crossChecks(b.reports, { strict: opts.strict })
    reportProblems(b, log)
  }

  if (builds.length === 0) return { ok: false, districts: [], failed, files: [] }

  const checkedAt = performance.now()
  const files = await writeOutput(opts, builds)
  const writtenAt = performance.now()
  const s = (a: number, b: number) => `${((b - a) / 1000).toFixed(1)} s`
  log.info(`time: parse ${s(startedAt, parsedAt)}, cross-checks ${s(parsedAt, checkedAt)}, write ${s(checkedAt, writtenAt)}`)
  const districts = builds.map(stats)
  for (const d of districts) {
    const c = d.coverage
    log.info(`${d.id}: ${d.files} files (${d.unreadable} unreadable, ${d.unmatched} unmatched), ${d.errors} errors, ${d.warnings} warnings; coverage ${c.received} received, ${c.missing} missing, ${c.duplicate} duplicate, ${c.not_expected} not expected`)
  }
  const bad = failed.length > 0 || builds.some((b) => b.input.problems.length > 0) || districts.some((d) => d.unreadable + d.unmatched + d.errors > 0)
  return { ok: !(opts.strict && bad), districts, failed, files }
}

/** Report ids in output order: district id, then file path (both already sorted). */
function assignReportIds(builds: DistrictBuild[]): void {
  let id = 1
  for (const b of builds) for (const r of b.reports) r.reportId = id++
}

/** A report filed for a unit in a year it does not exist gets a finding beside its coverage row. */
function flagNotExpected(b: DistrictBuild): void {
  const notExpected = new Set(b.coverage.filter((c) => c.status === 'not_expected').map((c) => `${c.unit.name}\u0000${c.year}`))
  for (const r of b.reports) {
    if (!r.unit || r.year === null || !notExpected.has(`${r.unit.name}\u0000${r.year}`)) continue
    const span = `${r.unit.valid_from ?? '…'}–${r.unit.valid_to ?? '…'}`
    r.findings.push(
      buildFinding('not_expected', 'warn',
        `${r.unit.name} 在 ${r.year} 年不在应报范围内（单位存续 ${span}，覆盖年度 ${b.years[0] ?? '…'}–${b.years.at(-1) ?? '…'}）：${r.file}`,
        `${r.unit.name} is not expected to report for ${r.year} (unit exists ${span}, coverage years ${b.years[0] ?? '…'}–${b.years.at(-1) ?? '…'}): ${r.file}`,
        { actual: r.year }),
    )
  }
}

const MAX_LISTED = 20

/** Print error-level findings (file, section, cells, reason), the first few per district. */
function reportProblems(b: DistrictBuild, log: BuildLog): void {
  const lines = b.reports.flatMap((r) => r.findings.filter((f) => f.level === 'error' && f.rule !== 'unreadable').map((f) => describeFinding(`${b.input.id}/${r.file}`, f)))
  lines.push(...b.cross.filter((c) => c.finding.level === 'error').map((c) => describeFinding(`${b.input.id}/${c.report?.file ?? `${c.unit} ${c.year ?? ''}`}`, c.finding)))
  for (const l of lines.slice(0, MAX_LISTED)) log.problem(`  ${l}`)
  if (lines.length > MAX_LISTED) log.problem(`  … and ${lines.length - MAX_LISTED} more error findings (see open/findings.csv)`)
}

function stats(b: DistrictBuild): DistrictStats {
  const levels = [...b.reports.flatMap((r) => r.findings.map((f) => f.level)), ...b.cross.map((c) => c.finding.level)]
  const coverage = { received: 0, missing: 0, duplicate: 0, not_expected: 0 }
  for (const c of b.coverage) coverage[c.status]++
  return {
    id: b.input.id,
    files: b.reports.length,
    unreadable: b.reports.filter((r) => r.status === 'unreadable').length,
    unmatched: b.reports.filter((r) => r.status === 'unmatched').length,
    errors: levels.filter((l) => l === 'error').length,
    warnings: levels.filter((l) => l === 'warn').length,
    coverage,
  }
}

