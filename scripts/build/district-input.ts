import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import Papa from 'papaparse'
import { PROVENANCES, UNIT_KINDS, type Provenance, type UnitKind } from '~/db/schema'
import type { DistrictInfo, DistrictInput, ReportFile, SourceOverride, UnitRecord } from './types'

/**
 * Read one district folder (`district.json`, `units.csv`, optional `sources.csv`, `reports/**`).
 * Problems in the inputs are collected as messages naming file and row; only a missing or
 * unreadable district.json / units.csv makes the district unusable (thrown as an Error).
 */
export function readDistrict(dir: string, id: string): DistrictInput {
  const problems: string[] = []
  const info = readDistrictInfo(join(dir, 'district.json'), problems)
  const units = readUnits(join(dir, 'units.csv'), problems)
  const sources = readSources(join(dir, 'sources.csv'), problems)
  const files = listReportFiles(dir)
  return { id, dir, info, units, sources, files, problems }
}

/** The district ids under `<data>/districts/`, sorted. */
export function listDistricts(dataDir: string): string[] {
  const root = join(dataDir, 'districts')
  if (!existsSync(root)) return []
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'district.json')))
    .map((d) => d.name)
    .sort()
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : ''
}

function readDistrictInfo(file: string, problems: string[]): DistrictInfo {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new Error(`${file}: cannot read district.json (${(e as Error).message})`)
  }
  if (!raw || typeof raw !== 'object') throw new Error(`${file}: district.json must be a JSON object`)
  const o = raw as Record<string, unknown>
  const name = str(o.name)
  if (!name) throw new Error(`${file}: "name" is required`)
  let provenance: Provenance = o.synthetic === true ? 'synthetic' : 'published'
  if (o.provenance !== undefined) {
    if (PROVENANCES.includes(o.provenance as Provenance)) provenance = o.provenance as Provenance
    else problems.push(`${file}: "provenance" must be one of ${PROVENANCES.join(', ')}; got ${JSON.stringify(o.provenance)}, using ${provenance}`)
  }
  let years: [number, number] | null = null
  if (o.years !== undefined) {
    const y = o.years
    if (Array.isArray(y) && y.length === 2 && y.every((n) => Number.isInteger(n)) && y[0] <= y[1]) years = [y[0], y[1]]
    else problems.push(`${file}: "years" must be [from, to] with from ≤ to; got ${JSON.stringify(y)}, using the report years`)
  }
  return {
    name,
    city: str(o.city),
    province: str(o.province),
    publisher: str(o.publisher),
    license: str(o.license),
    contact: str(o.contact),
    provenance,
    synthetic: o.synthetic === true || provenance === 'synthetic',
    years,
  }
}

function parseCsv(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
  const out = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() })
  return out.data
}

function optYear(v: string | undefined, where: string, problems: string[]): number | null {
  const t = (v ?? '').trim()
  if (!t) return null
  if (/^\d{4}$/.test(t)) return Number(t)
  problems.push(`${where}: "${t}" is not a year; left empty`)
  return null
}

function readUnits(file: string, problems: string[]): UnitRecord[] {
  if (!existsSync(file)) throw new Error(`${file}: units.csv is missing`)
  const units: UnitRecord[] = []
  const seen = new Set<string>()
  parseCsv(file).forEach((row, i) => {
    const where = `${file} row ${i + 2}`
    const name = (row.name ?? '').trim()
    if (!name) return void problems.push(`${where}: empty unit name; row skipped`)
    if (seen.has(name)) return void problems.push(`${where}: unit "${name}" listed twice; later row skipped`)
    const kind = (row.kind ?? '').trim() as UnitKind
    if (!UNIT_KINDS.includes(kind)) return void problems.push(`${where}: kind "${kind}" of "${name}" is not one of ${UNIT_KINDS.join('/')}; row skipped`)
    seen.add(name)
    units.push({
      code: (row.code ?? '').trim() || null,
      name,
      kind,
      aliases: (row.aliases ?? '').split('|').map((a) => a.trim()).filter(Boolean),
      valid_from: optYear(row.valid_from, `${where} valid_from`, problems),
      valid_to: optYear(row.valid_to, `${where} valid_to`, problems),
    })
  })
  return units
}

function readSources(file: string, problems: string[]): Map<string, SourceOverride> {
  const map = new Map<string, SourceOverride>()
  if (!existsSync(file)) return map
  parseCsv(file).forEach((row, i) => {
    const where = `${file} row ${i + 2}`
    const path = (row.file ?? '').trim().replace(/\\/g, '/')
    if (!path) return void problems.push(`${where}: empty "file"; row skipped`)
    const p = (row.provenance ?? '').trim()
    let provenance: Provenance | null = null
    if (p) {
      if (PROVENANCES.includes(p as Provenance)) provenance = p as Provenance
      else problems.push(`${where}: provenance "${p}" is not one of ${PROVENANCES.join(', ')}; district default used`)
    }
    map.set(path, { provenance, url: (row.url ?? '').trim() || null })
  })
  return map
}

/** The override for a report file: sources.csv may name it relative to the district or to reports/. */
export function sourceFor(input: DistrictInput, path: string): SourceOverride | undefined {
  return input.sources.get(path) ?? input.sources.get(path.replace(/^reports\//, ''))
}

function listReportFiles(dir: string): ReportFile[] {
  const root = join(dir, 'reports')
  if (!existsSync(root)) return []
  const files: ReportFile[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, e.name)
      if (e.name.startsWith('.')) continue
      if (e.isDirectory()) walk(abs)
      else if (e.isFile() || statSync(abs).isFile()) {
        const path = relative(dir, abs).split(sep).join('/')
        const seg = path.split('/')[1] ?? ''
        files.push({ path, abs, folderYear: /^\d{4}$/.test(seg) && path.split('/').length > 2 ? Number(seg) : null })
      }
    }
  }
  walk(root)
  // Code-point order, not locale order: the same on every machine.
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
