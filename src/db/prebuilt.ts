/**
 * Prebuilt query results: what each view asks DuckDB for in its first screens, answered by the data
 * build (scripts/build/prebuilt.ts, on the Node engine over the database it has just written) and
 * published as small JSON files, so every view paints before the 34 MB engine is ready. The
 * browser (src/stores/prebuilt.ts) looks results up by the exact SQL text a view builds; the live
 * engine then runs the same SQL and replaces the rows only when they differ.
 *
 * Files: `data/prebuilt/<district>/<view>.json` (the view's default state) and `<view>.more.json`
 * (the states one click away), and for the unit page the same pair per unit,
 * `data/prebuilt/<district>/unit/<hex of the name's UTF-8 bytes>[.more].json` (a name in a path
 * would need percent-encoding that servers and caches spell differently; hex is the same everywhere).
 */

/** Views with prebuilt first screens (route names of src/router.ts). */
export const PREBUILT_VIEWS = ['overview', 'compare', 'outcomes', 'appeal', 'active', 'coverage', 'units', 'unit'] as const
export type PrebuiltView = (typeof PREBUILT_VIEWS)[number]

/** Version of the file layout below; a file of another version is ignored. */
export const PREBUILT_FORMAT = 1

/** One prebuilt file: results by {@link prebuiltKey} of their SQL. */
export interface PrebuiltFile {
  format: number
  /** Digest of the contents of the database the results were computed on; must equal the index entry's. */
  digest: string
  district: string
  view: PrebuiltView
  /** Key → rows, exactly as a Connector returns them (plain JSON values). */
  results: Record<string, unknown[]>
}

/** What index.json says about a district's prebuilt files (an optional field of its entry). */
export interface PrebuiltInfo {
  /** Folder under data/, e.g. `prebuilt/pingtan`. */
  dir: string
  /**
   * Digest of the contents of the district's database (scripts/build/prebuilt.ts contentDigest):
   * files with another digest were computed on other data and are never used.
   */
  digest: string
  views: PrebuiltView[]
}

/**
 * A short key for a SQL text: 53-bit cyrb53 hash in base 36 plus the text's length. Synchronous
 * (views ask on every render) and the same in Node and the browser. A collision among the few
 * hundred texts of one file is astronomically unlikely, and would still be corrected by the
 * engine's own run of the SQL.
 */
export function prebuiltKey(sql: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < sql.length; i++) {
    const ch = sql.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return `${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}.${sql.length.toString(36)}`
}

/** Hex of the UTF-8 bytes of a unit name: its prebuilt file's name. */
export function unitFileName(unit: string): string {
  return [...new TextEncoder().encode(unit)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Path (relative to data/) of a view's prebuilt file; the unit page's is per unit. `more`: the
 * states one click away (read after the default state's file, which stays small for first paint).
 */
export function prebuiltPath(info: Pick<PrebuiltInfo, 'dir'>, view: PrebuiltView, part: { unit?: string; more?: boolean } = {}): string {
  const base = view === 'unit' ? `${info.dir}/unit/${unitFileName(part.unit ?? '')}` : `${info.dir}/${view}`
  return `${base}${part.more ? '.more' : ''}.json`
}
