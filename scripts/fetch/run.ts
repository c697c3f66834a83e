import { join } from 'node:path'
import { listDistricts, readDistrict } from '../build/district-input'
import { DistrictError } from '~/build/units-csv'
import { sha256 } from '../build/hash'
import { LEDGER_FILE, type LedgerRow } from '../build/ledger'
import type { SourceRecord } from '../build/types'
import { UnitRegistry } from '~/build/unit-registry'
import { attachmentLinks, reportAttachments, type PageLink } from './attachments'
import { HostGate, politeGet, type HttpOptions, type HttpResult } from './http'
import { inspectFile, pageDate, pageText, type Inspection } from './inspect'
import { blankRow, Ledger } from './ledger-file'
import { extensionOf, fileTime, keepPrevious, readStored, storedPath, writeStored, type Place } from './store'
import { extOf } from '~/util/file-name'

/**
 * `npm run fetch`: every sources.csv row with a url is downloaded into its district folder (see
 * store.ts for where), with a ledger row per address (fetch-ledger.csv). One source after the
 * other, so there is never more than one request in flight (politeness per host comes free);
 * every failure ends in one line naming unit, year and address, and the run goes on.
 */

export interface FetchOptions {
  dataDir: string
  /** Only this district (its folder name); all districts with a sources.csv when absent. */
  district?: string
  http: HttpOptions
  /** Clock for fetched_at (tests fix it to make names predictable). */
  now?: () => Date
}

export interface FetchLog {
  info(line: string): void
  problem(line: string): void
}

/** What happened to one address. */
export type Outcome = 'fetched' | 'unchanged' | 'changed' | 'failed' | 'skipped'

export interface FileResult {
  district: string
  unit: string
  year: number
  url: string
  outcome: Outcome
  /** Stored file, relative to the district folder. */
  file: string
  /** Failure reason, or why it was skipped. */
  error?: string
  /** Set when the stored file does not read as an annual report. */
  notReport?: string
  /** Set when the report prints another year than its sources.csv row. */
  otherYear?: string
  /** Where the earlier copy went, when a changed file replaced it. */
  previous?: string
}

export interface FetchResult {
  files: FileResult[]
  /** Input problems (sources.csv rows, the ledger). */
  problems: string[]
  /** Districts that could not be read at all (or the one asked for is missing), with the reason. */
  failedDistricts: string[]
}

/** Fetch every district (or the one asked for). Never throws for bad input or a bad server. */
export async function runFetch(opts: FetchOptions, log: FetchLog): Promise<FetchResult> {
  const result: FetchResult = { files: [], problems: [], failedDistricts: [] }
  const gate = new HostGate(opts.http.delayMs)
  const { entries } = listDistricts(opts.dataDir)
  const chosen = opts.district ? entries.filter((e) => e.id === opts.district) : entries
  if (entries.length === 0) {
    const p = `no district folders under ${join(opts.dataDir, 'districts')}`
    result.failedDistricts.push(p)
    log.problem(`✗ ${p}`)
  }
  if (opts.district && entries.length > 0 && chosen.length === 0) {
    const p = `no district folder "${opts.district}" under ${join(opts.dataDir, 'districts')}`
    result.failedDistricts.push(p)
    log.problem(`✗ ${p}`)
  }
  for (const entry of chosen) {
    if (!entry.ok) {
      result.failedDistricts.push(`${entry.id}: ${entry.reason}`)
      log.problem(`✗ ${entry.id}: ${entry.reason}`)
      continue
    }
    await fetchDistrict(entry.dir, entry.id, opts, gate, log, result)
  }
  return result
}

async function fetchDistrict(dir: string, id: string, opts: FetchOptions, gate: HostGate, log: FetchLog, result: FetchResult): Promise<void> {
  let input
  try {
    input = readDistrict(dir, id)
  } catch (e) {
    if (!(e instanceof DistrictError)) throw e
    result.failedDistricts.push(`${id}: ${e.message}`)
    log.problem(`✗ ${id}: cannot read the district — ${e.message}`)
    return
  }
  const problem = (p: string) => {
    result.problems.push(`${id}: ${p}`)
    log.problem(`  ${id}: ${p}`)
  }
  // sources.csv rows that are bad were skipped by the reader; say so here too, they are not fetched.
  for (const p of input.problems) problem(p)
  const ledger = new Ledger(dir)
  for (const p of ledger.problems) problem(p)
  const sources = [...input.sources.values()].filter((s) => s.url)
  if (sources.length === 0) {
    log.info(`${id}: no sources.csv row with a url; nothing to fetch`)
    return
  }
  log.info(`${id} (${input.info.name}): ${sources.length} source${sources.length === 1 ? '' : 's'} to check`)
  const registry = new UnitRegistry(input.units, input.info)
  const ctx: Ctx = { dir, id, opts, gate, log, ledger, result, total: sources.length, index: 0 }
  const handStored = storedByHand(input.files, ledger, registry)
  for (const src of sources) {
    ctx.index++
    const byHand = handStored.get(`${src.unit.name}\u0000${src.year}`) ?? null
    if (byHand) {
      record(ctx, { district: id, unit: src.unit.name, year: src.year, url: src.url!, outcome: 'skipped', file: byHand, error: `a report of this unit-year is already in ${byHand} (not fetched; not in the ledger)` })
      continue
    }
    try {
      await fetchSource(ctx, src)
    } catch (e) {
      // A disk error (full, read-only) or a bug: this source fails with the reason, the others go on.
      record(ctx, { district: id, unit: src.unit.name, year: src.year, url: src.url!, outcome: 'failed', file: '', error: `could not store it: ${(e as Error).message}` })
    }
    try {
      ledger.save()
    } catch (e) {
      problem(`${LEDGER_FILE} could not be written: ${(e as Error).message}`)
    }
  }
}

interface Ctx {
  dir: string
  id: string
  opts: FetchOptions
  gate: HostGate
  log: FetchLog
  ledger: Ledger
  result: FetchResult
  total: number
  index: number
}

/**
 * Report files the fetch did not store (not in the ledger) that the registry matches to a unit by
 * name, by `unit NUL year-folder`: a unit-year someone placed by hand is not fetched again. Built once
 * per district, before any download, so a large folder is matched once rather than once per source.
 */
function storedByHand(files: readonly { path: string; folderYear: number | null }[], ledger: Ledger, registry: UnitRegistry): Map<string, string> {
  const ours = ledger.files()
  const found = new Map<string, string>()
  for (const f of files) {
    if (f.folderYear === null || ours.has(f.path)) continue
    const m = registry.match(null, f.path)
    const key = m.ok ? `${m.unit.name}\u0000${f.folderYear}` : null
    if (key && !found.has(key)) found.set(key, f.path)
  }
  return found
}

/** One sources.csv row: its page (or file), then the page's report attachments. */
async function fetchSource(ctx: Ctx, src: SourceRecord): Promise<void> {
  const unit = src.unit.name
  const url = src.url!
  const got = await download(ctx, unit, src.year, url, '')
  if (!got) return
  const isHtml = got.ext === 'html'
  const text = isHtml ? pageText(got.bytes) : ''
  const check = await inspectFile(got.bytes, `${unit}-${src.year}.${got.ext}`)
  const holdsReport = check.report && check.cells > 0
  const chosen: PageLink[] = isHtml ? reportAttachments(attachmentLinks(text, got.finalUrl), holdsReport) : []
  const place: Place = chosen.length > 0 && !holdsReport ? 'pages' : reportPlace(check, got.ext)
  const published = isHtml ? pageDate(text) : ''
  const stored = store(ctx, got, storedPath(place, unit, src.year, got.ext), { published_at: published })
  const flags = flagsOf(place, check, src.year)
  const pageNote = place === 'pages' ? `the page holds no report tables; its report is the attachment${chosen.length > 1 ? 's' : ''}` : ''
  ctx.ledger.set({ ...stored.row, note: noteOf(pageNote, flags) })
  record(ctx, { ...stored.result, ...flags })
  for (const [i, link] of chosen.entries()) {
    const a = await download(ctx, unit, src.year, link.url, url)
    if (!a) continue
    const aCheck = await inspectFile(a.bytes, `${unit}-${src.year}.${a.ext}`)
    const attachPlace: Place = place === 'pages' ? reportPlace(aCheck, a.ext) : 'attachments'
    const s = store(ctx, a, storedPath(attachPlace, unit, src.year, a.ext, i + 1), { published_at: published })
    const aFlags = flagsOf(attachPlace, aCheck, src.year)
    const kept = attachPlace === 'attachments' ? '; the page itself holds the report, so this copy is kept outside reports/' : ''
    ctx.ledger.set({ ...s.row, note: noteOf(`attachment "${link.text || link.url}" of the page${kept}`, aFlags) })
    record(ctx, { ...s.result, ...aFlags })
  }
}

/**
 * Where a file that should be the report goes: reports/, unless it was read as a page or text and
 * is no report (a CMS error or login page served with 200) — kept under fetched/not-reports/, so
 * coverage does not call the unit-year received on the strength of an error page. A .pdf/.docx/.doc
 * the parser cannot read stays in reports/: it is most likely the report (the build says unreadable).
 */
function reportPlace(check: Inspection, ext: string): Place {
  return !check.report && ['html', 'txt', 'md'].includes(ext) ? 'not-reports' : 'reports'
}

type Flags = Pick<FileResult, 'notReport' | 'otherYear'>

/** What to say about a file meant as the report: not a report at all, or a report of another year than its row's. */
function flagsOf(place: Place, check: Inspection, year: number): Flags {
  if (place !== 'reports' && place !== 'not-reports') return {}
  const flags: Flags = {}
  if (!check.report) flags.notReport = check.reason ?? 'not read as a report'
  // The build goes by the year the report prints (and says so); say it here too, where the url can be fixed.
  if (check.year !== null && check.year !== year) flags.otherYear = `the report is for ${check.year}, not ${year} as sources.csv says`
  return flags
}

function noteOf(first: string, flags: Flags): string {
  return [first, flags.notReport ? `does not look like a report: ${flags.notReport}` : '', flags.otherYear ?? ''].filter(Boolean).join('; ')
}

interface Downloaded {
  unit: string
  year: number
  url: string
  parentUrl: string
  /** The bytes: new ones, or the stored copy when the server said 304. */
  bytes: Uint8Array
  ext: string
  finalUrl: string
  res: Extract<HttpResult, { ok: true }>
  prev: LedgerRow | undefined
  /** The bytes differ from the stored copy (or there is none). */
  isNew: boolean
  at: string
}

/** GET with the stored copy's validators; a failure is recorded (ledger and line) and gives null. */
async function download(ctx: Ctx, unit: string, year: number, url: string, parentUrl: string): Promise<Downloaded | null> {
  const prev = ctx.ledger.get(unit, year, url)
  const stored = prev ? readStored(ctx.dir, prev.file) : null
  // Validators only when we still hold the copy they describe.
  const cond = stored && prev ? { etag: prev.etag, lastModified: prev.last_modified } : {}
  const res = await politeGet(url, cond, ctx.opts.http, ctx.gate)
  const at = (ctx.opts.now?.() ?? new Date()).toISOString()
  if (!res.ok) {
    ctx.ledger.set({ ...(prev ?? blankRow(unit, year, url, parentUrl)), parent_url: parentUrl, checked_at: at, final_url: res.finalUrl, http_status: res.status === null ? '' : String(res.status), outcome: 'failed', error: res.error })
    record(ctx, { district: ctx.id, unit, year, url, outcome: 'failed', file: prev?.file ?? '', error: res.error })
    return null
  }
  if (res.status === 304 || res.body === null) {
    if (!stored) {
      // A 304 to a request without validators is a server bug; nothing to keep.
      record(ctx, { district: ctx.id, unit, year, url, outcome: 'failed', file: '', error: `HTTP ${res.status} without a stored copy` })
      return null
    }
    return { unit, year, url, parentUrl, bytes: stored, ext: extOf(prev!.file) || 'bin', finalUrl: res.finalUrl, res, prev, isNew: false, at }
  }
  const isNew = !stored || sha256(stored) !== sha256(res.body)
  return { unit, year, url, parentUrl, bytes: res.body, ext: extensionOf(res.body, res.contentType, res.finalUrl), finalUrl: res.finalUrl, res, prev, isNew, at }
}

/**
 * Put a download in place. New bytes go to `rel`; an earlier copy (where the ledger says it is, or
 * a different file already at `rel`) is moved to fetched/previous/ first, never overwritten.
 */
function store(ctx: Ctx, d: Downloaded, rel: string, extra: Partial<LedgerRow>): { row: LedgerRow; result: FileResult } {
  const { prev } = d
  let file = rel
  let previous: string | undefined
  let outcome: Outcome
  if (!d.isNew) {
    file = prev!.file
    outcome = 'unchanged'
  } else {
    const time = fileTime(d.at)
    if (prev?.file && readStored(ctx.dir, prev.file)) previous = keepPrevious(ctx.dir, prev.file, time) ?? undefined
    const there = readStored(ctx.dir, rel)
    if (there && sha256(there) !== sha256(d.bytes)) previous = keepPrevious(ctx.dir, rel, time) ?? previous
    writeStored(ctx.dir, rel, d.bytes)
    outcome = previous ? 'changed' : 'fetched'
  }
  const base = prev ?? blankRow(d.unit, d.year, d.url, d.parentUrl)
  const fresh = d.res.status !== 304
  const row: LedgerRow = {
    ...base,
    ...extra,
    parent_url: d.parentUrl,
    final_url: d.finalUrl,
    file,
    fetched_at: d.isNew ? d.at : base.fetched_at,
    checked_at: d.at,
    http_status: String(d.res.status),
    content_type: fresh ? d.res.contentType : base.content_type,
    bytes: String(d.bytes.length),
    sha256: sha256(d.bytes),
    // A 304 may omit the validators; keep the ones that describe the stored copy.
    etag: d.res.etag || (fresh ? '' : base.etag),
    last_modified: d.res.lastModified || (fresh ? '' : base.last_modified),
    outcome,
    error: '',
  }
  return { row, result: { district: ctx.id, unit: d.unit, year: d.year, url: d.url, outcome, file, previous } }
}


/** One progress line per address; failures go to stderr, each naming unit, year and address. */
function record(ctx: Ctx, r: FileResult): void {
  ctx.result.files.push(r)
  const at = `[${ctx.index}/${ctx.total}] ${r.unit} ${r.year}`
  if (r.outcome === 'failed') return void ctx.log.problem(`  ✗ ${at} ${r.url}: ${r.error}`)
  if (r.outcome === 'skipped') return void ctx.log.info(`  - ${at} ${r.url}: skipped — ${r.error}`)
  const what = r.outcome === 'changed' ? `changed → ${r.file} (earlier copy kept as ${r.previous})` : `${r.outcome} → ${r.file}`
  ctx.log.info(`  ${r.outcome === 'unchanged' ? '=' : '✓'} ${at} ${r.url}: ${what}`)
  if (r.notReport) ctx.log.problem(`  ! ${at} ${r.url}: ${r.file} does not look like a report (${r.notReport}); kept${r.file.startsWith('fetched/') ? ' outside reports/' : ''}, check it by hand`)
  if (r.otherYear) ctx.log.problem(`  ! ${at} ${r.url}: ${r.file}: ${r.otherYear}; check the url`)
}

/** The closing lines: counts, then every failure and flag with its reason. */
export function summaryLines(result: FetchResult): string[] {
  const n = (o: Outcome) => result.files.filter((f) => f.outcome === o).length
  const flagged = result.files.filter((f) => f.notReport)
  const failed = result.files.filter((f) => f.outcome === 'failed')
  const lines = [
    `summary: ${n('fetched')} fetched, ${n('unchanged')} unchanged, ${n('changed')} changed (earlier copy kept), ${failed.length} failed, ${n('skipped')} skipped, ${flagged.length} not like a report, ${result.problems.length} input problem${result.problems.length === 1 ? '' : 's'}`,
  ]
  for (const d of result.failedDistricts) lines.push(`  district not read: ${d}`)
  for (const f of failed) lines.push(`  failed: ${f.district} ${f.unit} ${f.year} ${f.url}: ${f.error}`)
  for (const f of flagged) lines.push(`  not like a report: ${f.district} ${f.unit} ${f.year} ${f.file}: ${f.notReport}`)
  return lines
}
