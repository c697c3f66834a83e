import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DistrictEntry } from '~/db/data-files'
import { DB_FILE_NAME } from '~/db/data-files'
import { computeCoverage, gridYears, type CoverageRow } from './coverage'
import { crossChecks, type CrossFinding } from './cross-checks'
import { buildDataPackage, tableFiles, type OutputFile } from './datapackage'
import { describeFinding } from './describe'
import { listDistricts, readDistrict } from './district-input'
import { DatabaseWriter, type TableName } from './duckdb-writer'
import type { BuildLog } from './log'
import { readReports } from './reports'
import { cellRows, coverageRows, crossFindingRows, districtRow, reportFindingRows, reportRow, unitRows } from './rows'
import { buildFinding } from './rules'
import { STAMP_FILE } from './stamp'
import { buildSummary } from './summary'
import type { BuildEngines, BuiltReport, DistrictInput } from './types'

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

/** Open-data tables, in the order they are written and listed. */
export const OPEN_TABLES: readonly TableName[] = ['cells', 'reports', 'findings', 'coverage', 'units', 'districts']

interface DistrictBuild {
  input: DistrictInput
  reports: BuiltReport[]
  coverage: CoverageRow[]
  years: number[]
  cross: CrossFinding[]
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

/** `created` of the data package: SOURCE_DATE_EPOCH (reproducible-builds convention) or the newest input's mtime. */
function createdStamp(builds: readonly DistrictBuild[]): string {
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString()
  let newest = 0
  for (const b of builds) {
    const inputs = ['district.json', 'units.csv', 'sources.csv'].map((f) => join(b.input.dir, f)).filter((f) => existsSync(f))
    for (const f of [...inputs, ...b.input.files.map((x) => x.abs)]) newest = Math.max(newest, Math.floor(statSync(f).mtimeMs / 1000) * 1000)
  }
  return new Date(newest).toISOString()
}

async function writeOutput(opts: BuildOptions, builds: DistrictBuild[]): Promise<string[]> {
  // Build next to the target and swap at the end: the old data stays servable until the new is complete.
  const tmp = `${opts.outDir}.partial`
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(join(tmp, 'open'), { recursive: true })
  mkdirSync(join(tmp, 'summary'), { recursive: true })

  const db = await DatabaseWriter.create(join(tmp, DB_FILE_NAME))
  try {
    for (const b of builds) {
      const id = b.input.id
      db.append('districts', [districtRow(b.input)])
      db.append('units', unitRows(b.input))
      db.append('reports', b.reports.map(reportRow))
      for (const r of b.reports) db.append('cells', cellRows(r))
      for (const r of b.reports) db.append('findings', reportFindingRows(r, b.input.info.name))
      db.append('findings', crossFindingRows(id, b.input.info.name, b.cross, b.input.units))
      db.append('coverage', coverageRows(id, b.coverage))
    }
    await db.finishTables()
    for (const t of OPEN_TABLES) await db.exportTable(t, join(tmp, 'open', t))
  } finally {
    await db.close()
  }

  const entries: DistrictEntry[] = []
  const summaryFiles: OutputFile[] = []
  for (const b of builds) {
    const levels = [...b.reports.flatMap((r) => r.findings.map((f) => f.level)), ...b.cross.map((c) => c.finding.level)]
    const summary = buildSummary(b.input, b.years, b.reports, b.coverage, levels)
    const path = `summary/${b.input.id}.json`
    writeFileSync(join(tmp, path), JSON.stringify(summary))
    entries.push({ id: b.input.id, name: b.input.info.name, synthetic: summary.synthetic, summary: path })
    summaryFiles.push({ path, name: `summary-${resourceName(b.input.id)}`, format: 'json', title: `${b.input.info.name} 首屏摘要 / ${b.input.id} first-paint summary` })
  }
  writeFileSync(join(tmp, 'index.json'), `${JSON.stringify({ districts: entries }, null, 2)}\n`)

  const files: OutputFile[] = [
    ...tableFiles(OPEN_TABLES),
    { path: DB_FILE_NAME, name: 'gov-duckdb', format: 'duckdb', title: 'DuckDB 数据库（全部表）/ DuckDB database (all tables)' },
    { path: 'index.json', name: 'index', format: 'json', title: '区县列表 / District index' },
    ...summaryFiles,
  ]
  const urls = [...new Set(builds.flatMap((b) => b.reports.map((r) => r.url).filter((u): u is string => !!u)))].sort()
  const pkg = await buildDataPackage(tmp, files, builds.map((b) => b.input), createdStamp(builds), urls)
  writeFileSync(join(tmp, 'datapackage.json'), `${JSON.stringify(pkg, null, 2)}\n`)

  if (opts.stamp) writeFileSync(join(tmp, STAMP_FILE), `${opts.stamp}\n`)
  rmSync(opts.outDir, { recursive: true, force: true })
  renameSync(tmp, opts.outDir)
  return [...files.map((f) => f.path), 'datapackage.json']
}

/** The output folder is replaced as a whole: refuse one that holds anything but an earlier build. */
function assertReplaceable(outDir: string): void {
  if (!existsSync(outDir)) return
  const entries = readdirSync(outDir)
  if (entries.length > 0 && !entries.includes('datapackage.json') && !entries.includes(STAMP_FILE)) {
    throw new Error(`${outDir} exists and is not the output of an earlier data build (no datapackage.json); choose an empty or new --out folder`)
  }
}

function resourceName(id: string): string {
  return id.toLowerCase().replace(/[^-a-z0-9._]/g, '-')
}
