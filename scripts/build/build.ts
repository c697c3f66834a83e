import { join } from 'node:path'
import { computeCoverage, gridYears, type CoverageRow } from '~/build/coverage'
import { crossChecks } from '~/build/cross-checks'
import { countedReports } from '~/build/summary'
import { describeFinding } from './describe'
import { listDistricts, readDistrict } from './district-input'
import { DistrictError } from '~/build/units-csv'
import { inputScope, shown, type InputFs, type InputScope } from './input-fs'
import type { BuildLog } from './log'
import { assertReplaceable, beginOutput, createdStamp, recoverOutput, writeDistrict, writeOutput, type DistrictBuild, type SwapHooks, type WrittenDistrict } from './output'
import { readReports } from './reports'
import { gapFindings } from '~/build/gap-findings'
import { flagNotExpected } from '~/build/not-expected'
import { flagLate } from '~/build/timeliness'
import { StepTimes } from './step-times'
import type { BuildEngines, DistrictInput } from './types'

export { OPEN_TABLES } from './output'

export interface BuildOptions {
  /** Folder holding `districts/<id>/`. */
  dataDir: string
  /** Output folder (replaced as a whole when the build succeeds). */
  outDir: string
  /** When set, written to the output's stamp file (see stamp.ts) so `npm start` can skip a fresh build. */
  stamp?: string
  /** Fail (ok=false) on any unreadable, skipped or unmatched file, input problem or error-level finding; C1 becomes ERROR. */
  strict: boolean
  log: BuildLog
  /** The file-system layer inputs are read through (tests inject failures root cannot otherwise see). */
  fs?: InputFs
  /**
   * Build only these districts (folder names under districts/), as one job of a build split by
   * district; `npm run merge` puts the jobs' outputs together. A name with no folder fails the build.
   */
  districts?: readonly string[]
  /** Prebuild the states one click away only up to this many reports (default PREBUILT_MORE_MAX_REPORTS, scripts/build/prebuilt.ts). */
  prebuiltMoreMaxReports?: number
  /** Test hook: stop the output swap at a step, as a kill would. */
  swapHooks?: SwapHooks
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

/** A file or district the build did not take in, and why (path relative to the data folder). */
export interface SkippedItem {
  path: string
  reason: string
  /** `error`: bad input (exit 1 with --strict; a failed district always); `note`: deliberate (hidden files, a README beside the districts). */
  level: 'error' | 'note'
  /** A district that could not be built at all. */
  district?: boolean
}

export interface BuildResult {
  /** False when nothing could be built, when a district could not be built, or in strict mode when any input was bad. */
  ok: boolean
  districts: DistrictStats[]
  /** Districts that could not be built at all (message per district, naming file and reason). */
  failed: string[]
  /** Every district, file and folder not taken in (failed districts, skipped entries, unreadable reports), with the reason. */
  skipped: SkippedItem[]
  /** Files written, relative to outDir. */
  files: string[]
}

/**
 * The data build: district folders in, the open dataset out (DuckDB file, Parquet/CSV/JSON per
 * table, datapackage.json, first-paint summaries, index.json). Same input → same bytes.
 * Bad input never stops the others: an odd entry is reported and skipped, a broken district is
 * reported and the rest is built (with ok=false).
 */
export async function buildData(opts: BuildOptions, engines: BuildEngines): Promise<BuildResult> {
  const { log } = opts
  const startedAt = performance.now()
  for (const line of recoverOutput(opts.outDir)) log.info(line)
  assertReplaceable(opts.outDir)
  const failed: string[] = []
  const skipped: SkippedItem[] = []
  let scope: InputScope
  try {
    scope = inputScope(opts.dataDir, opts.fs)
  } catch (e) {
    log.problem(`cannot open the data folder ${opts.dataDir}: ${(e as Error).message}`)
    return { ok: false, districts: [], failed: [`${opts.dataDir}: ${(e as Error).message}`], skipped, files: [] }
  }
  const listed = listDistricts(opts.dataDir, scope)
  if (opts.districts) {
    const wanted = new Set(opts.districts)
    for (const id of wanted) {
      if (listed.entries.some((e) => e.id === id)) continue
      const message = `${shown(scope, join(opts.dataDir, 'districts', id))}: no such district folder (--district ${id})`
      failed.push(message)
      skipped.push({ path: shown(scope, join(opts.dataDir, 'districts', id)), reason: 'no such district folder', level: 'error', district: true })
      log.problem(`✗ ${id}: district not built — ${message}`)
    }
    // The other districts are not this job's: left out without a word (they are other jobs' districts).
    listed.entries = listed.entries.filter((e) => wanted.has(e.id))
    listed.skipped = []
  }
  skipped.push(...listed.skipped)
  for (const s of listed.skipped) (s.level === 'error' ? log.problem : log.info)(`  skipped ${s.path}: ${s.reason}`)
  if (listed.entries.length === 0) log.problem(`no district folders under ${join(opts.dataDir, 'districts')}`)

  const inputs: DistrictInput[] = []
  for (const entry of listed.entries) {
    const fail = (message: string) => {
      failed.push(message)
      skipped.push({ path: shown(scope, entry.dir), reason: message, level: 'error', district: true })
      log.problem(`✗ ${entry.id}: district not built — ${message}`)
    }
    if (!entry.ok) {
      fail(`${shown(scope, entry.dir)}: ${entry.reason}`)
      continue
    }
    try {
      inputs.push(readDistrict(entry.dir, entry.id, scope))
    } catch (e) {
      if (!(e instanceof DistrictError)) throw e
      for (const p of e.problems) log.problem(`  ${entry.id}: ${p}`)
      fail(e.message)
    }
  }
  // A pool starts no more workers than there are files.
  engines.reserve?.(inputs.reduce((n, i) => n + i.files.length, 0))

  // One district at a time, start to finish: parse, check, write its own files, then let go of its
  // reports. Memory holds one district's rows, whatever the number of districts.
  const written: WrittenDistrict[] = []
  const districts: DistrictStats[] = []
  let tmp: string | null = null
  let nextReportId = 1
  const spent = { parse: 0, check: 0, write: 0 }
  // The write phase by step (district databases, gov.duckdb, open files, prebuilt results, …).
  const writeSteps = new StepTimes()
  for (const input of inputs) {
    const id = input.id
    let t = performance.now()
    for (const n of input.notes) log.info(`  ${id}: ${n}`)
    for (const p of input.problems) log.problem(`  ${id}: ${p}`)
    for (const s of input.skipped) {
      skipped.push(s)
      ;(s.level === 'error' ? log.problem : log.info)(`  ${id}: skipped ${s.path}: ${s.reason}`)
    }
    log.info(`${id} (${input.info.name}): ${input.files.length} report files, ${input.units.length} registry units`)
    const reports = await readReports(input, engines, (done, total, file, problem) => {
      if (problem) log.problem(`  ✗ ${id}/${file}: ${problem}`)
      log.progress(id, done, total)
    })
    for (const r of reports) {
      if (r.status === 'unreadable') skipped.push({ path: shown(scope, join(input.dir, r.file)), reason: r.findings[0]?.message_en.replace(`${r.file}: `, '') ?? 'unreadable', level: 'error' })
    }
    const b: DistrictBuild = { input, reports, coverage: [], years: [], counted: [], cross: [] }
    // Report ids in output order: district id, then file path (both already sorted).
    for (const r of b.reports) r.reportId = nextReportId++
    spent.parse += performance.now() - t
    t = performance.now()
    b.years = gridYears(b.input, b.reports)
    b.coverage = computeCoverage(b.input, b.reports, b.years)
    flagNotExpected(b)
    flagLate(b.reports)
    b.counted = countedReports(b.reports, b.coverage)
    b.cross = crossChecks(b.reports, new Set(b.counted), { strict: opts.strict })
    const gaps = gapFindings(b)
    b.cross.push(...gaps.findings)
    for (const p of gaps.problems) {
      b.input.problems.push(p)
      log.problem(`  ${b.input.id}: ${p}`)
    }
    reportProblems(b, log)
    spent.check += performance.now() - t
    t = performance.now()
    tmp ??= beginOutput(opts.outDir)
    const w = await writeDistrict(tmp, b, writeSteps)
    written.push(w)
    spent.write += performance.now() - t
    const d = stats(b, w.summary.findings)
    districts.push(d)
    const c = d.coverage
    log.info(`${d.id}: ${d.files} files (${d.unreadable} unreadable, ${d.unmatched} unmatched), ${d.errors} errors, ${d.warnings} warnings; coverage ${c.received} received, ${c.not_collected} not collected, ${c.not_published} not published, ${c.duplicate} duplicate, ${c.not_expected} not expected`)
    log.info(cellsReadLine(b))
  }

  // Every report is parsed: the parser's workers (≈ 100 MB each) are let go before the shared files are written.
  await engines.release?.()

  if (written.length === 0) {
    logSummary(log, [], skipped)
    return { ok: false, districts: [], failed, skipped, files: [] }
  }

  const finishing = performance.now()
  const files = await writeOutput({ ...opts, created: createdStamp(written.map((w) => w.input)) }, written, opts.swapHooks, writeSteps)
  spent.write += performance.now() - finishing
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  log.info(`time: parse ${s(spent.parse)}, cross-checks ${s(spent.check)}, write ${s(spent.write)} [${writeSteps.line()}] (total ${s(performance.now() - startedAt)})`)
  logSummary(log, districts, skipped)
  const bad =
    skipped.some((x) => x.level === 'error') ||
    written.some((w) => w.input.problems.length > 0) ||
    districts.some((d) => d.unreadable + d.unmatched + d.errors > 0)
  return { ok: failed.length === 0 && !(opts.strict && bad), districts, failed, skipped, files }
}

/** The closing line: districts built, and every district, file and folder not taken in with its reason. */
function logSummary(log: BuildLog, districts: readonly DistrictStats[], skipped: readonly SkippedItem[]): void {
  const failedDistricts = skipped.filter((x) => x.district)
  const errors = skipped.filter((x) => !x.district && x.level === 'error')
  const notes = skipped.filter((x) => x.level === 'note')
  const list = (xs: readonly SkippedItem[]) => xs.map((x) => `${x.path} (${x.reason})`).join('; ')
  const parts = [`summary: ${districts.length} district${districts.length === 1 ? '' : 's'} built`]
  if (failedDistricts.length) parts.push(`${failedDistricts.length} not built: ${list(failedDistricts)}`)
  if (errors.length) parts.push(`${errors.length} file${errors.length === 1 ? '' : 's'} or folders skipped: ${list(errors)}`)
  if (notes.length) parts.push(`${notes.length} ignored by design: ${list(notes)}`)
  if (!failedDistricts.length && !errors.length) parts.push('nothing skipped')
  ;(failedDistricts.length || errors.length ? log.problem : log.info)(parts.join(' — '))
}

const MAX_LISTED = 20

/** Print error-level findings (file, section, cells, reason), the first few per district. */
function reportProblems(b: DistrictBuild, log: BuildLog): void {
  const lines = b.reports.flatMap((r) => r.findings.filter((f) => f.level === 'error' && f.rule !== 'unreadable').map((f) => describeFinding(`${b.input.id}/${r.file}`, f)))
  lines.push(...b.cross.filter((c) => c.finding.level === 'error').map((c) => describeFinding(`${b.input.id}/${c.report?.file ?? `${c.unit} ${c.year ?? ''}`}`, c.finding)))
  for (const l of lines.slice(0, MAX_LISTED)) log.problem(`  ${l}`)
  if (lines.length > MAX_LISTED) log.problem(`  … and ${lines.length - MAX_LISTED} more error findings (see open/findings.csv)`)
}

/** Cells read per district: total, per-file range, and the files where none was read (per file: reports.n_cells, summary by_unit_year[].cells). */
function cellsReadLine(b: DistrictBuild): string {
  const per = b.reports.map((r) => ({ file: r.file, n: Object.keys(r.report?.cells ?? {}).length }))
  const ns = per.map((p) => p.n).sort((x, y) => x - y)
  const none = per.filter((p) => p.n === 0).map((p) => p.file)
  const range = ns.length ? `per file ${ns[0]}–${ns.at(-1)} (median ${ns[Math.floor((ns.length - 1) / 2)]})` : 'no files'
  return `${b.input.id}: ${ns.reduce((a, n) => a + n, 0)} cells read from ${per.length} files, ${range}${none.length ? `; no cell read in ${none.length}: ${none.join(', ')}` : ''}`
}

/** The district's line of figures; `findings`: its counts per level, as its summary has them (every report and series finding). */
function stats(b: DistrictBuild, findings: { error: number; warn: number }): DistrictStats {
  const coverage = { received: 0, not_collected: 0, not_published: 0, duplicate: 0, not_expected: 0 }
  for (const c of b.coverage) coverage[c.status]++
  return {
    id: b.input.id,
    files: b.reports.length,
    unreadable: b.reports.filter((r) => r.status === 'unreadable').length,
    unmatched: b.reports.filter((r) => r.status === 'unmatched').length,
    errors: findings.error,
    warnings: findings.warn,
    coverage,
  }
}

