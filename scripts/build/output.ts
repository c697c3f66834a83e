import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DistrictEntry } from '~/db/data-files'
import { DB_FILE_NAME, districtDbPath } from '~/db/data-files'
import type { CoverageRow } from '~/build/coverage'
import type { CrossFinding } from '~/build/cross-checks'
import { nextChangelog, datasetVersion } from './changelog'
import { buildDataPackage, type OutputFile } from './datapackage'
import { DatabaseWriter, SMALL_BLOCK_SIZE, type TableName } from './duckdb-writer'
import { sha256File } from './hash'
import { writeOpenFiles } from './open-files'
import { addPrebuilt, PREBUILT_DIR, PREBUILT_MORE_MAX_REPORTS } from './prebuilt'
import { writeNationalIndex } from './national'
import { NATIONAL_FILE } from '~/db/national'
import { countedByYear, findingYears, type NationalDistrictInput } from '~/build/national-index'
import { cellRows, coverageRows, crossFindingRows, districtRow, reportFindingRows, reportRow, unitRows } from '~/build/rows'
import { PART_FILE, writePartManifest } from './part-manifest'
import { STAMP_FILE } from './stamp'
import { StepTimes } from './step-times'
import { buildSummary } from '~/build/summary'
import type { DistrictSummary } from '~/db/summary'
import type { BuiltReport, DistrictInput } from './types'

/** Open-data tables, in the order they are written and listed. */
export const OPEN_TABLES: readonly TableName[] = ['cells', 'reports', 'findings', 'coverage', 'units', 'districts']

/** Everything the build knows about one district once parsing and checks are done. */
export interface DistrictBuild {
  input: DistrictInput
  reports: BuiltReport[]
  coverage: CoverageRow[]
  years: number[]
  /** The report that counts per unit × year (countedReports), decided once in build.ts. */
  counted: BuiltReport[]
  cross: CrossFinding[]
}

/**
 * What the output's shared files need of a district whose database and summary are in the output
 * folder: its id and district.json, its summary and totals, no report rows. A build has it from
 * the parse; a merge (scripts/build/merge.ts) from the parts' {@link PART_FILE}.
 */
export interface OutputDistrict {
  input: Pick<DistrictInput, 'id' | 'info'>
  summary: DistrictSummary
  national: NationalDistrictInput
  /** Page addresses of its reports (datapackage sources). */
  urls: string[]
}

/** What the build keeps of a district once its own files are written. */
export interface WrittenDistrict extends OutputDistrict {
  input: DistrictInput
}

/**
 * Start the output folder beside `outDir` (`<out>.partial`, swapped in by {@link writeOutput}):
 * the old data stays servable until the new is complete. Returns its path.
 */
export function beginOutput(outDir: string): string {
  const { partial: tmp } = sidePaths(outDir)
  if (existsSync(tmp)) removeOurs(tmp)
  mkdirSync(tmp, { recursive: true })
  // The marker first: a folder this build made is recognisable from its first moment, so a leftover can be removed safely.
  writeFileSync(join(tmp, MARKER_FILE), MARKER_TEXT)
  for (const d of ['open', 'summary', 'db']) mkdirSync(join(tmp, d), { recursive: true })
  return tmp
}

/**
 * Write one district's own database (db/<district>.duckdb) and summary into the folder of
 * {@link beginOutput}, as soon as the district is checked: the build then lets go of its reports,
 * so memory holds one district's rows at a time, not the province's.
 */
export async function writeDistrict(tmp: string, b: DistrictBuild, times = new StepTimes()): Promise<WrittenDistrict> {
  await times.time('district db', () => writeDistrictDatabase(join(tmp, districtDbPath(b.input.id)), b))
  const findings = findingYears(b.reports, b.cross)
  const summary = await times.time('summary', () => {
    const s = buildSummary(b.input, b.years, b.reports, b.counted, b.coverage, findings.map((f) => f.level))
    writeFileSync(join(tmp, summaryPath(b.input.id)), JSON.stringify(s))
    return s
  })
  return {
    input: b.input,
    summary,
    national: { summary, counted: countedByYear(b.counted), findings },
    urls: [...new Set(b.reports.map((r) => r.url).filter((u): u is string => !!u))],
  }
}

/** A district's first-paint summary in the output folder. */
export const summaryPath = (id: string) => `summary/${id}.json`

export interface OutputOptions {
  outDir: string
  /** Written to the stamp file (`npm start`'s freshness check). */
  stamp?: string
  /** See BuildOptions: prebuild the states one click away only up to this many reports. */
  prebuiltMoreMaxReports?: number
  /** datapackage `created`: {@link createdStamp} of the inputs in a build, the newest of the parts' in a merge. */
  created: string
}

/**
 * Finish the output folder of {@link beginOutput} from the districts written into it: gov.duckdb
 * (every district, copied from their files by DuckDB), the open files, index.json, the national
 * index, changelog and datapackage.json; then swap it in. Returns the files written (relative paths).
 */
export async function writeOutput(opts: OutputOptions, written: readonly OutputDistrict[], hooks: SwapHooks = {}, times = new StepTimes()): Promise<string[]> {
  const { partial: tmp } = sidePaths(opts.outDir)
  // The all-district database is copied from the district files by DuckDB (the SQL console, Node tools, downloads).
  await times.time('gov.duckdb', async () => {
    const all = await DatabaseWriter.create(join(tmp, DB_FILE_NAME))
    try {
      for (const w of written) await all.appendDatabase(join(tmp, districtDbPath(w.input.id)))
      await all.finishTables()
    } finally {
      await all.close()
    }
  })
  // The open files (per district and year, per district, then all districts) come from the finished databases.
  const open = await writeOpenFiles(
    join(tmp, DB_FILE_NAME), tmp, OPEN_TABLES,
    written.map((w) => ({ id: w.input.id, name: w.input.info.name, license: w.input.info.license, db: join(tmp, districtDbPath(w.input.id)) })),
    times,
  )

  const entries: DistrictEntry[] = []
  const summaryFiles: OutputFile[] = []
  const national = new Map<string, NationalDistrictInput>()
  for (const w of written) {
    const path = summaryPath(w.input.id)
    national.set(w.input.id, w.national)
    entries.push({ id: w.input.id, name: w.input.info.name, synthetic: w.summary.synthetic, summary: path, db: districtDbPath(w.input.id) })
    summaryFiles.push({ path, name: `summary-${resourceName(w.input.id)}`, format: 'json', title: `${w.input.info.name} 首屏摘要 / ${w.input.id} first-paint summary` })
  }
  // index.json lists districts by district.json "order" (then id): its first one is the dashboard's default.
  const orderOf = new Map(written.map((w) => [w.input.id, w.input.info.order ?? 0]))
  entries.sort((a, b) => orderOf.get(a.id)! - orderOf.get(b.id)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  // Every view's first screens answered ahead of the browser's engine; index.json carries their folder and the database digest.
  const reports = open.stats.reduce((n, s) => n + s.reports, 0)
  const more = reports <= (opts.prebuiltMoreMaxReports ?? PREBUILT_MORE_MAX_REPORTS)
  await times.time(more ? 'prebuilt' : 'prebuilt (default states only)', () => addPrebuilt(tmp, entries, { more }))
  writeFileSync(join(tmp, 'index.json'), `${JSON.stringify({ districts: entries }, null, 2)}\n`)
  // The national index (province → city → district) in index.json's order: the province view's first paint.
  summaryFiles.push(writeNationalIndex(tmp, entries.map((e) => national.get(e.id)!)))

  const files: OutputFile[] = [
    ...open.files,
    { path: DB_FILE_NAME, name: 'gov-duckdb', format: 'duckdb', title: 'DuckDB 数据库（全部表）/ DuckDB database (all tables)' },
    ...written.map(({ input }): OutputFile => ({
      path: districtDbPath(input.id), name: `${resourceName(input.id)}-duckdb`, format: 'duckdb',
      title: `${input.info.name} · DuckDB 数据库（本区县全部表）/ ${input.id}: DuckDB database (all tables)`,
      district: { id: input.id, name: input.info.name, license: input.info.license },
    })),
    { path: 'index.json', name: 'index', format: 'json', title: '区县列表 / District index' },
    ...summaryFiles,
  ]
  const finishing = performance.now()
  const urls = [...new Set(written.flatMap((w) => w.urls))].sort()
  const created = opts.created
  const csvDigests = await Promise.all(open.files.filter((f) => f.format === 'csv').map((f) => sha256File(join(tmp, f.path))))
  const version = datasetVersion(created, csvDigests)
  // The changelog carries on from the output this build replaces.
  const names = new Map(written.map((w) => [w.input.id, w.input.info.name]))
  const changelog = nextChangelog(readPreviousChangelog(opts.outDir), {
    version, created, districts: open.stats.map((s) => ({ ...s, name: names.get(s.district) ?? s.district })),
  })
  writeFileSync(join(tmp, CHANGELOG_FILE), `${JSON.stringify(changelog, null, 2)}\n`)
  files.push({ path: CHANGELOG_FILE, name: 'changelog', format: 'json', title: '数据集版本与更新记录 / Dataset versions and changelog' })
  const pkg = await buildDataPackage(tmp, files, written.map((w) => w.input), created, urls, version)
  writeFileSync(join(tmp, 'datapackage.json'), `${JSON.stringify(pkg, null, 2)}\n`)

  // What a merge needs to take this output in as a part (not a published file: not in datapackage.json).
  writePartManifest(tmp, { created, districts: written.map((w) => ({ id: w.input.id, info: w.input.info, counted: w.national.counted, findings: w.national.findings, urls: w.urls })) })
  if (opts.stamp) writeFileSync(join(tmp, STAMP_FILE), `${opts.stamp}\n`)
  times.add('datapackage', performance.now() - finishing)
  swapIn(tmp, opts.outDir, hooks)
  return [...files.map((f) => f.path), 'datapackage.json']
}

/** A district's own database file: the tables of src/db/schema.ts holding that district's rows only. */
async function writeDistrictDatabase(file: string, b: DistrictBuild): Promise<void> {
  const db = await DatabaseWriter.create(file, { blockSize: SMALL_BLOCK_SIZE })
  try {
    const id = b.input.id
    db.append('districts', [districtRow(b.input)])
    db.append('units', unitRows(b.input))
    const counted = new Set(b.counted)
    db.append('reports', b.reports.map((r) => reportRow(r, counted.has(r))))
    for (const r of b.reports) db.append('cells', cellRows(r))
    for (const r of b.reports) db.append('findings', reportFindingRows(r, b.input.info.name))
    db.append('findings', crossFindingRows(id, b.input.info.name, b.cross, b.input.units))
    db.append('coverage', coverageRows(id, b.coverage))
    await db.finishTables()
  } finally {
    await db.close()
  }
}

/** The builds of the dataset, newest first (scripts/build/changelog.ts). */
export const CHANGELOG_FILE = 'changelog.json'

/** The previous output's changelog: undefined when there is none, null when it is not JSON. */
function readPreviousChangelog(outDir: string): unknown {
  const file = join(outDir, CHANGELOG_FILE)
  if (!existsSync(file)) return undefined
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown
  } catch {
    return null
  }
}

/** Marker file every output folder of this build holds: only a folder with it is ever replaced. */
export const MARKER_FILE = '.gov-data-build'
const MARKER_TEXT = 'Written by `npm run build:data` (gov-disclosure-dashboard). The next data build replaces this folder as a whole.\n'

/** Names the build writes at the top of its output folder (an unmarked leftover holding only these is ours). */
const OUTPUT_NAMES = new Set([MARKER_FILE, STAMP_FILE, PART_FILE, DB_FILE_NAME, `${DB_FILE_NAME}.wal`, 'db', 'open', 'summary', 'index.json', NATIONAL_FILE, PREBUILT_DIR, 'datapackage.json', CHANGELOG_FILE])

/** The folders beside the output: the new build being written, and the old output moved aside during the swap. */
export function sidePaths(outDir: string): { partial: string; previous: string } {
  return { partial: `${outDir}.partial`, previous: `${outDir}.previous` }
}

/** Steps of the swap, for tests that simulate a kill between them. */
export type SwapStep = 'aside' | 'in' | 'cleanup'
export interface SwapHooks {
  /** Called before each step; throwing stops the swap there with no cleanup (as a kill would). */
  beforeStep?(step: SwapStep): void
}

/**
 * Put the finished folder in place with renames only: old output → `<out>.previous`, new →
 * `<out>`, then remove `.previous`. Each rename is atomic; a kill between them leaves every file
 * of both builds on disk, and {@link recoverOutput} puts a complete folder back on the next run.
 */
function swapIn(tmp: string, outDir: string, hooks: SwapHooks): void {
  const { previous } = sidePaths(outDir)
  hooks.beforeStep?.('aside')
  const hadOld = existsSync(outDir)
  if (hadOld) renameSync(outDir, previous)
  hooks.beforeStep?.('in')
  renameSync(tmp, outDir)
  hooks.beforeStep?.('cleanup')
  if (hadOld) removeOurs(previous)
}

/** True when `dir` carries the marker, or is an earlier build from before the marker (a stamp file of 64 hex digits). */
function isOurBuild(dir: string): boolean {
  if (existsSync(join(dir, MARKER_FILE))) return true
  try {
    return /^[0-9a-f]{64}\s*$/.test(readFileSync(join(dir, STAMP_FILE), 'utf8'))
  } catch {
    return false
  }
}

/** A side folder (`.partial`, `.previous`) we may delete: marked, empty, or holding nothing but names the build writes. */
function isOurLeftover(dir: string): boolean {
  return isOurBuild(dir) || readdirSync(dir).every((e) => OUTPUT_NAMES.has(e))
}

/** Remove a folder of ours, the marker last: a removal cut short leaves a folder that is still recognisably ours. */
function removeOurs(dir: string): void {
  if (!isOurLeftover(dir)) throw new Error(`${dir} exists and was not made by a data build; remove or rename it`)
  for (const e of readdirSync(dir)) if (e !== MARKER_FILE) rmSync(join(dir, e), { recursive: true, force: true })
  rmSync(join(dir, MARKER_FILE), { force: true })
  rmdirSync(dir)
}

/**
 * Undo what a killed build left beside `outDir` (returns what it did, one line each): when the
 * output is missing but `.previous` holds the old one (killed between the two renames), put it
 * back; remove a leftover `.previous` or `.partial`. A side folder that is not ours is refused.
 */
export function recoverOutput(outDir: string): string[] {
  const { partial, previous } = sidePaths(outDir)
  const did: string[] = []
  if (existsSync(previous)) {
    if (!existsSync(outDir)) {
      if (!isOurLeftover(previous)) throw new Error(`${previous} exists and was not made by a data build; remove or rename it`)
      renameSync(previous, outDir)
      did.push(`${outDir} was missing after an interrupted build; restored the earlier output from ${previous}`)
    } else {
      removeOurs(previous)
      did.push(`removed ${previous}, left by an interrupted build`)
    }
  }
  if (existsSync(partial)) {
    removeOurs(partial)
    did.push(`removed ${partial}, left by an interrupted build`)
  }
  return did
}

/**
 * `created` of the data package, reproducible for the same inputs: SOURCE_DATE_EPOCH (the
 * reproducible-builds convention), else the time of the last git commit that touched the district
 * folders (a fresh clone of the same commit gets the same value; file mtimes would not), else the
 * newest input's mtime (folders outside git).
 */
export function createdStamp(inputs: readonly DistrictInput[]): string {
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString()
  const committed = lastCommitSeconds(inputs.map((i) => i.dir))
  if (committed !== null) return new Date(committed * 1000).toISOString()
  let newest = 0
  for (const input of inputs) {
    const own = ['district.json', 'units.csv', 'sources.csv'].map((f) => join(input.dir, f)).filter((f) => existsSync(f))
    for (const f of [...own, ...input.files.map((x) => x.abs)]) {
      try {
        newest = Math.max(newest, Math.floor(statSync(f).mtimeMs / 1000) * 1000)
      } catch {
        // a file that vanished since it was read: its time does not count
      }
    }
  }
  return new Date(newest).toISOString()
}

/** Commit time (s) of the newest commit touching `dirs`, or null outside git or with uncommitted changes there. */
function lastCommitSeconds(dirs: readonly string[]): number | null {
  if (dirs.length === 0) return null
  const git = (args: string[]) => execFileSync('git', args, { cwd: dirs[0], stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()
  try {
    if (git(['status', '--porcelain', '--', ...dirs]) !== '') return null
    const out = git(['log', '-1', '--format=%ct', '--', ...dirs])
    return /^\d+$/.test(out) ? Number(out) : null
  } catch {
    return null
  }
}

/**
 * The output folder is replaced as a whole: refuse one this build did not make. Ours carries the
 * marker file (or, from before the marker, a stamp file); an empty or missing folder is fine. A
 * folder with a datapackage.json alone is not enough: it may be someone's own dataset.
 */
export function assertReplaceable(outDir: string): void {
  if (!existsSync(outDir)) return
  if (!statSync(outDir).isDirectory()) throw new Error(`${outDir} exists and is not a folder; choose an empty or new --out folder`)
  if (readdirSync(outDir).length === 0 || isOurBuild(outDir)) return
  throw new Error(`${outDir} exists and is not the output of an earlier data build (no ${MARKER_FILE} marker); choose an empty or new --out folder`)
}

function resourceName(id: string): string {
  return id.toLowerCase().replace(/[^-a-z0-9._]/g, '-')
}
