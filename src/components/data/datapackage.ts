/**
 * Reading `data/datapackage.json` (a Frictionless Data Package written by the data build) into
 * the download list of 开放数据. The file is fetched at run time, so it is read field by field
 * from `unknown`: a malformed resource is reported, never a crash, never silently dropped.
 */

export interface DownloadFile {
  name: string
  /** Path relative to the data folder, e.g. `open/cells.csv`. */
  path: string
  title: string
  format: string
  /** Size in bytes, or null when the package does not say. */
  bytes: number | null
  /** Hex SHA-256 digest, or null when the package does not say. */
  sha256: string | null
  /** The district a per-district file (open/<district>/…) holds; null for files of all districts. */
  district: string | null
}

/** One district of the package and the license covering its data. */
export interface PackageDistrict {
  id: string
  name: string
  license: string
  /** What the license covers, in the publisher's words. */
  licenseNote: string
  publisher: string
  synthetic: boolean
}

export interface PackageLink {
  title: string
  path: string | null
}

export interface DataPackageInfo {
  title: string
  description: string
  created: string | null
  /** Dataset version (date of the data + digest of its files), or null. */
  version: string | null
  districts: PackageDistrict[]
  licenses: PackageLink[]
  sources: PackageLink[]
  files: DownloadFile[]
  /** One line per resource or field that could not be read. */
  problems: string[]
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)

/** A relative path inside the data folder; absolute URLs and `..` are refused (the link is ours). */
function safePath(v: unknown): string | null {
  const p = text(v)
  if (!p || /^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('/') || p.split('/').includes('..')) return null
  return p
}

function links(v: unknown): PackageLink[] {
  if (!Array.isArray(v)) return []
  return v.filter(isRecord).map((l) => {
    const path = text(l.path)
    return { title: text(l.title) ?? text(l.name) ?? path ?? '?', path: path && /^https?:\/\//.test(path) ? path : null }
  })
}

/** Read a parsed datapackage.json; `source` names the file in problem messages. */
export function readDataPackage(json: unknown, source = 'datapackage.json'): DataPackageInfo {
  const problems: string[] = []
  if (!isRecord(json)) {
    return { title: '', description: '', created: null, version: null, districts: [], licenses: [], sources: [], files: [], problems: [`${source}: not a JSON object`] }
  }
  const files: DownloadFile[] = []
  const resources = Array.isArray(json.resources) ? json.resources : []
  if (!Array.isArray(json.resources)) problems.push(`${source}: no "resources" list`)
  resources.forEach((r, i) => {
    const where = `${source}: resources[${i}]`
    if (!isRecord(r)) return void problems.push(`${where} is not an object`)
    const path = safePath(r.path)
    if (!path) return void problems.push(`${where} (${text(r.name) ?? '?'}): missing or unsafe "path"`)
    const hash = text(r.hash)
    const sha = hash?.replace(/^sha256:/i, '') ?? null
    if (hash && !/^[0-9a-f]{64}$/i.test(sha!)) problems.push(`${where} (${path}): "hash" is not a SHA-256 digest`)
    files.push({
      name: text(r.name) ?? path,
      path,
      title: text(r.title) ?? text(r.name) ?? path,
      format: (text(r.format) ?? path.split('.').pop() ?? '').toLowerCase(),
      bytes: typeof r.bytes === 'number' && Number.isFinite(r.bytes) && r.bytes >= 0 ? r.bytes : null,
      sha256: sha && /^[0-9a-f]{64}$/i.test(sha) ? sha.toLowerCase() : null,
      // open/<district>/… (tables, and cells per year in open/<district>/<year>/) and db/<district>.duckdb.
      district: path.match(/^open\/([^/]+)\//)?.[1] ?? path.match(/^db\/([^/]+)\.duckdb$/)?.[1] ?? null,
    })
  })
  const districts: PackageDistrict[] = []
  ;(Array.isArray(json.districts) ? json.districts : []).forEach((d, i) => {
    const id = isRecord(d) ? text(d.id) : null
    if (!isRecord(d) || !id) return void problems.push(`${source}: districts[${i}] has no "id"`)
    districts.push({
      id, name: text(d.name) ?? id, license: text(d.license) ?? '', licenseNote: text(d.license_note) ?? '',
      publisher: text(d.publisher) ?? '', synthetic: d.synthetic === true,
    })
  })
  return {
    title: text(json.title) ?? '',
    description: text(json.description) ?? '',
    created: text(json.created),
    version: text(json.version),
    districts,
    licenses: links(json.licenses),
    sources: links(json.sources),
    files,
    problems,
  }
}

/** Bytes for people: `812 B`, `12.3 KB`, `4.5 MB`. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—'
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB']
  let v = bytes / 1024
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`
}
