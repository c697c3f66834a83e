import { parse as parseJsonc, type ParseError } from 'jsonc-parser'
import { join, relative, sep } from 'node:path'
import Papa from 'papaparse'
import { PROVENANCES, type Provenance } from '~/db/schema'
import { decodeBytes } from '~/report/parse/decode'
import { classify, inputScope, readInputFile, shown, walkFiles, type InputScope, type SkippedEntry } from './input-fs'
import { LEDGER_FILE, ledgerByFile, parseLedger, type LedgerRow } from './ledger'
import { SOURCE_COLUMNS, sourceKey } from '~/build/source-key'
import { DistrictError, unitsFromCsv } from '~/build/units-csv'
import type { DistrictInfo, DistrictInput, ReportFile, SourceRecord, SourceStatus, UnitRecord } from './types'

/**
 * Read one district folder (`district.json`, `units.csv`, optional `sources.csv`, `reports/**`).
 * Problems in the inputs are collected as messages naming file and row; only a missing, unreadable
 * or empty district.json / units.csv makes the district unusable (thrown as a DistrictError).
 * Report files the walk skips (links out of the data folder, FIFOs, unreadable folders …) are in `skipped`.
 */
export function readDistrict(dir: string, id: string, scope: InputScope = inputScope(join(dir, '..', '..'))): DistrictInput {
  const problems: string[] = []
  const notes: string[] = []
  const ctx = { scope, problems, notes }
  let info: DistrictInfo
  let units: UnitRecord[]
  try {
    info = readDistrictInfo(join(dir, 'district.json'), ctx)
    units = readUnits(join(dir, 'units.csv'), ctx)
  } catch (e) {
    if (e instanceof DistrictError) e.problems = problems
    throw e
  }
  const sources = readSources(join(dir, 'sources.csv'), units, info.years, ctx)
  const ledger = readLedger(join(dir, LEDGER_FILE), ctx)
  const { files, skipped } = listReportFiles(dir, scope)
  return { id, dir, root: scope.boundary, fs: scope.fs, info, units, sources, ledger, files, problems, notes, skipped }
}

/** fetch-ledger.csv (optional, written by `npm run fetch`): rows by stored file; its problems name the file. */
function readLedger(file: string, ctx: ReadCtx): Map<string, LedgerRow> {
  const text = readText(file, ctx, LEDGER_FILE, true)
  if (text === null) return new Map()
  const { rows, problems } = parseLedger(text)
  for (const p of problems) ctx.problems.push(`${shown(ctx.scope, file)} ${p}`)
  return ledgerByFile(rows)
}

/** One entry of `<data>/districts/`: a district folder to read, or one that cannot be (with the reason). */
export type DistrictEntry = { id: string; dir: string; ok: true } | { id: string; dir: string; ok: false; reason: string }

/**
 * The entries of `<data>/districts/`, sorted: every folder is a district (one without a
 * district.json is reported, never dropped silently); links out of the data folder, dangling links
 * and odd file types are districts that cannot be read. Hidden entries and plain files (a README)
 * are returned in `skipped` as notes.
 */
export function listDistricts(dataDir: string, scope: InputScope = inputScope(dataDir)): { entries: DistrictEntry[]; skipped: SkippedEntry[] } {
  const root = join(dataDir, 'districts')
  const skipped: SkippedEntry[] = []
  const entries: DistrictEntry[] = []
  if (missing(root, scope)) return { entries, skipped }
  const top = classify(root, scope)
  if (top.kind !== 'dir') {
    skipped.push({ path: shown(scope, root), reason: top.kind === 'skip' ? top.reason : 'expected a folder, found a file', level: 'error' })
    return { entries, skipped }
  }
  let names: string[]
  try {
    names = scope.fs.readdirSync(root)
  } catch (e) {
    skipped.push({ path: shown(scope, root), reason: `cannot list the folder (${(e as Error).message})`, level: 'error' })
    return { entries, skipped }
  }
  const seen = new Set<string>()
  for (const name of names.sort()) {
    const dir = join(root, name)
    if (name.startsWith('.')) {
      skipped.push({ path: shown(scope, dir), reason: 'hidden (name starts with "."); skipped by design', level: 'note' })
      continue
    }
    const c = classify(dir, scope)
    if (c.kind === 'file') {
      skipped.push({ path: shown(scope, dir), reason: 'a file, not a district folder; ignored', level: 'note' })
    } else if (c.kind === 'skip') {
      entries.push({ id: name, dir, ok: false, reason: c.reason })
    } else if (seen.has(c.key)) {
      entries.push({ id: name, dir, ok: false, reason: 'the same folder as another district (a link); not read twice' })
    } else {
      seen.add(c.key)
      entries.push({ id: name, dir, ok: true })
    }
  }
  return { entries, skipped }
}

interface ReadCtx {
  scope: InputScope
  problems: string[]
  /** Remarks that are not problems (an encoding other than UTF-8). */
  notes: string[]
}

/** Bytes → text as reports are decoded (BOM, UTF-16, GB18030 …); lines with undecodable bytes are problems. */
function readText(file: string, ctx: ReadCtx, what: string, optional = false): string | null {
  const r = readInputFile(file, ctx.scope)
  const name = shown(ctx.scope, file)
  if (!r.ok) {
    const missing = /does not exist/.test(r.reason) && !isLink(file, ctx.scope)
    if (missing && optional) return null
    throw new DistrictError(missing ? `${name}: ${what} is missing` : `${name}: cannot read ${what} (${r.reason})`)
  }
  const d = decodeBytes(r.bytes)
  if (!d.ok) throw new DistrictError(`${name}: cannot read ${what} (${d.reason_en})`)
  if (d.encoding !== 'utf-8') ctx.notes.push(`${name}: read as ${d.encoding.toUpperCase()} (not UTF-8)`)
  if (d.replaced > 0) {
    const lines = d.text.split('\n').flatMap((l, i) => (l.includes('\uFFFD') ? [i + 1] : []))
    ctx.problems.push(`${name} line ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ' …' : ''}: ${d.replaced} byte sequence(s) that are not valid ${d.encoding.toUpperCase()}, read as \uFFFD`)
  }
  return d.text
}

/** True when nothing (not even a dangling link) is at `path`; other lstat errors are left to the walk to report. */
function missing(path: string, scope: InputScope): boolean {
  try {
    scope.fs.lstatSync(path)
    return false
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT'
  }
}

function isLink(file: string, scope: InputScope): boolean {
  try {
    return scope.fs.lstatSync(file).isSymbolicLink()
  } catch {
    return false
  }
}

/**
 * "line L, column C: " where JSON text first goes wrong. V8's JSON.parse messages do not always
 * give a position, so jsonc-parser (strict: no comments, no trailing commas) locates it.
 */
function jsonWhere(text: string): string {
  const errors: ParseError[] = []
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false })
  const first = errors[0]
  if (!first) return ''
  const before = text.slice(0, first.offset).split('\n')
  return `line ${before.length}, column ${before.at(-1)!.length + 1}: `
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : ''
}

function readDistrictInfo(file: string, ctx: ReadCtx): DistrictInfo {
  const text = readText(file, ctx, 'district.json')!
  const name0 = shown(ctx.scope, file)
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw new DistrictError(`${name0}: cannot read district.json — ${jsonWhere(text)}not valid JSON (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 160)})`)
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new DistrictError(`${name0}: district.json must be a JSON object`)
  const o = raw as Record<string, unknown>
  const name = str(o.name)
  if (!name) throw new DistrictError(`${name0}: "name" is required`)
  const problems = ctx.problems
  let provenance: Provenance = o.synthetic === true ? 'synthetic' : 'published'
  if (o.provenance !== undefined) {
    if (PROVENANCES.includes(o.provenance as Provenance)) provenance = o.provenance as Provenance
    else problems.push(`${name0}: "provenance" must be one of ${PROVENANCES.join(', ')}; got ${JSON.stringify(o.provenance)}, using ${provenance}`)
  }
  let years: [number, number] | null = null
  if (o.years !== undefined) {
    const y = o.years
    if (Array.isArray(y) && y.length === 2 && y.every((n) => Number.isInteger(n)) && y[0] <= y[1]) years = [y[0], y[1]]
    else problems.push(`${name0}: "years" must be [from, to] with from ≤ to; got ${JSON.stringify(y)}, using the report years`)
  }
  let order = 0
  if (o.order !== undefined) {
    if (typeof o.order === 'number' && Number.isInteger(o.order)) order = o.order
    else problems.push(`${name0}: "order" must be an integer; got ${JSON.stringify(o.order)}, using 0`)
  }
  return {
    order,
    name,
    city: str(o.city),
    province: str(o.province),
    publisher: str(o.publisher),
    license: str(o.license),
    license_note: str(o.license_note),
    contact: str(o.contact),
    provenance,
    synthetic: o.synthetic === true || provenance === 'synthetic',
    years,
  }
}

function readUnits(file: string, ctx: ReadCtx): UnitRecord[] {
  const text = readText(file, ctx, 'the unit registry units.csv')!
  return unitsFromCsv(text, shown(ctx.scope, file), ctx.problems)
}

const SOURCE_STATUSES = ['published', 'not_published'] as const

/** True for an absolute http(s) address with a host. */
function isHttpUrl(s: string): boolean {
  if (/\s/.test(s)) return false
  try {
    const u = new URL(s)
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== ''
  } catch {
    return false
  }
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/**
 * sources.csv: one row per unit-year — where its report is published (`url`), or that it was
 * looked for and not found (`status` not_published with `checked_at`). Every bad row is a problem
 * naming the file and line, and is skipped (unknown unit, bad year, bad URL, bad status or date,
 * a unit-year listed twice).
 */
function readSources(file: string, units: readonly UnitRecord[], years: [number, number] | null, ctx: ReadCtx): Map<string, SourceRecord> {
  const map = new Map<string, SourceRecord>()
  const text = readText(file, ctx, 'sources.csv', true)
  if (text === null) return map
  const problems = ctx.problems
  const name0 = shown(ctx.scope, file)
  const byName = new Map<string, UnitRecord>()
  for (const u of units) byName.set(u.name, u)
  for (const u of units) for (const a of u.aliases) if (!byName.has(a)) byName.set(a, u)
  const firstLine = new Map<string, number>()
  let header: string[] | null = null
  let prev = 0
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step: (res) => {
      const line = lineAt(text, prev)
      prev = res.meta.cursor
      for (const e of res.errors) problems.push(`${name0} line ${line}: CSV ${e.type === 'Quotes' ? 'quoting' : 'format'} error: ${e.message}; row skipped`)
      if (res.errors.length > 0) return
      const fields = res.data.map((f) => f.trim())
      if (fields.every((f) => f === '')) return
      if (header === null) {
        header = fields
        const lacking = SOURCE_COLUMNS.filter((c) => !fields.includes(c))
        if (lacking.length > 0) {
          problems.push(`${name0} line ${line}: the header lacks column ${lacking.map((c) => `"${c}"`).join(', ')} (expected ${SOURCE_COLUMNS.join(',')}; got "${fields.join(',').slice(0, 80)}"); sources.csv not read`)
          header = []
        }
        return
      }
      if (header.length === 0) return
      const where = `${name0} line ${line}`
      if (fields.length > header.length) return void problems.push(`${where}: ${fields.length} fields, the header has ${header.length}; row skipped`)
      const row = Object.fromEntries(header.map((h, i) => [h, fields[i] ?? '']))
      const unitName = row.unit ?? ''
      if (!unitName) return void problems.push(`${where}: empty "unit"; row skipped`)
      const unit = byName.get(unitName)
      if (!unit) return void problems.push(`${where}: unit "${unitName}" is not in units.csv; row skipped`)
      const y = row.year ?? ''
      if (!/^\d{4}$/.test(y)) return void problems.push(`${where}: year "${y}" of "${unitName}" is not a year (YYYY); row skipped`)
      const year = Number(y)
      if (years && (year < years[0] || year > years[1])) return void problems.push(`${where}: year ${year} of "${unitName}" is outside the district's years ${years[0]}–${years[1]} (district.json); row skipped`)
      const status = (row.status ?? '') || 'published'
      if (!(SOURCE_STATUSES as readonly string[]).includes(status)) return void problems.push(`${where}: status "${status}" of "${unitName}" ${year} is not one of ${SOURCE_STATUSES.join(', ')} (or empty); row skipped`)
      const url = row.url ?? ''
      if (url && !isHttpUrl(url)) return void problems.push(`${where}: url "${url.slice(0, 80)}" of "${unitName}" ${year} is not an http(s) address; row skipped`)
      const checked = row.checked_at ?? ''
      if (checked && !isIsoDate(checked)) return void problems.push(`${where}: checked_at "${checked}" of "${unitName}" ${year} is not a date YYYY-MM-DD; row skipped`)
      if (status === 'not_published' && !checked) return void problems.push(`${where}: "${unitName}" ${year} is not_published but checked_at (the date it was looked for, YYYY-MM-DD) is empty; row skipped`)
      if (status === 'not_published' && url) return void problems.push(`${where}: "${unitName}" ${year} is not_published but has a url; row skipped`)
      if (status === 'published' && !url) return void problems.push(`${where}: "${unitName}" ${year} has neither a url nor status not_published; row skipped`)
      const key = sourceKey(unit.name, year)
      const first = firstLine.get(key)
      if (first !== undefined) return void problems.push(`${where}: "${unit.name}" ${year} is already listed on line ${first}; later row skipped`)
      firstLine.set(key, line)
      map.set(key, { unit, year, url: url || null, status: status as SourceStatus, checked_at: checked || null, note: (row.note ?? '') || null, where })
    },
  })
  return map
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++
  return n
}

function listReportFiles(dir: string, scope: InputScope): { files: ReportFile[]; skipped: SkippedEntry[] } {
  const root = join(dir, 'reports')
  if (missing(root, scope)) return { files: [], skipped: [] }
  const { files: found, skipped } = walkFiles(root, scope)
  const files = found.map(({ abs }): ReportFile => {
    const path = relative(dir, abs).split(sep).join('/')
    const seg = path.split('/')[1] ?? ''
    return { path, abs, folderYear: /^\d{4}$/.test(seg) && path.split('/').length > 2 ? Number(seg) : null }
  })
  // Code-point order, not locale order: the same on every machine.
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), skipped }
}
