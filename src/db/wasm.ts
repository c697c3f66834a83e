import * as duckdb from '@duckdb/duckdb-wasm'
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import { toPlain, type Connector } from './connector'
import { asDbError, DbError } from './errors'
import { fetchWithProgress } from './fetch-progress'
import { DB_ALIAS, INDEX_JSON, dataUrl, type DistrictEntry } from './data-files'
import { DistrictQueue, districtFromPage, namedDistricts } from './district-route'
import { str } from './sql/literal'
import { OFFLINE_SETTINGS_SQL, createViewsSql } from './views'
import { perfMeasure, perfNow } from '~/util/perf'

/** What the engine is doing while it starts, for the status indicator. */
export interface EngineProgress {
  phase: 'engine' | 'data' | 'views'
  /** Bytes fetched so far in this phase (0 for `views`). */
  loaded: number
  /** Bytes expected in this phase; 0 when the server did not say. */
  total: number
}

/** Options of {@link startWasmConnector}. */
export interface WasmOptions {
  /** URL of the district list (index.json, whose entries name each district's database file); default data/index.json next to the page. */
  indexUrl?: string
  onProgress?: (p: EngineProgress) => void
  /**
   * How a district's database file is read. `buffer`: downloaded whole (with progress) and queried
   * from memory — fastest filter changes for a file of a few MB. `url`: registered by URL and read
   * with HTTP Range requests, only the pages a query needs — for a large district.
   * Default `auto`: `url` when the server reports more than {@link RANGE_READ_THRESHOLD} bytes.
   */
  dbMode?: 'auto' | 'buffer' | 'url'
}

/** Above this size (bytes) a database file is read by HTTP Range requests instead of downloaded. */
export const RANGE_READ_THRESHOLD = 32 * 1024 * 1024

async function chooseMode(url: string, mode: WasmOptions['dbMode']): Promise<'buffer' | 'url'> {
  if (mode === 'buffer' || mode === 'url') return mode
  // With an open range, so the answer is the file's own size: without one, a server that sends a
  // precompressed copy (docs/deploy.md) gives the compressed size, and a large database would be
  // downloaded whole instead of read by ranges. A server without Range support answers 200 with the size.
  const head = await fetch(url, { method: 'HEAD', headers: { Range: 'bytes=0-' } })
  if (!head.ok) throw new Error(`Could not load ${url}: HTTP ${head.status} ${head.statusText}`)
  return Number(head.headers.get('content-length') ?? 0) > RANGE_READ_THRESHOLD ? 'url' : 'buffer'
}

/** A district's database file, fetched (buffer) or to be read by ranges (url). */
interface DistrictFile {
  id: string
  url: string
  bytes: Uint8Array | null
}

async function loadDistrictFile(id: string, url: string, mode: WasmOptions['dbMode'], onBytes: (loaded: number, total: number) => void): Promise<DistrictFile> {
  const how = await chooseMode(url, mode)
  return { id, url, bytes: how === 'url' ? null : await fetchWithProgress(url, onBytes) }
}

/** District id → absolute URL of its database file, from index.json. */
async function districtFiles(indexUrl: string): Promise<Map<string, string>> {
  const res = await fetch(indexUrl)
  if (!res.ok) throw new Error(`Could not load ${indexUrl}: HTTP ${res.status} ${res.statusText}`)
  const index = (await res.json()) as { districts?: DistrictEntry[] }
  const files = new Map<string, string>()
  for (const d of index.districts ?? []) if (d.db) files.set(d.id, new URL(dataUrl(d.db), document.baseURI).href)
  if (files.size === 0) throw new Error(`${indexUrl} lists no district database file ("db"); rebuild the data with npm run build:data`)
  return files
}

// Bundles come from our own build (no CDN): Vite copies the wasm and worker files into dist/assets.
// Exported for the SQL console, which starts its own instance from the same files (console-engine.ts).
export const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
}

/**
 * Start DuckDB-WASM and return a Connector over one district's database. Picks the `eh` bundle where
 * the browser supports Wasm exceptions and `mvp` elsewhere; turns extension autoloading off at once
 * (offline it would fail with a misleading error); fetches the database file of the district the
 * page address names (else index.json's first) while the engine compiles, ATTACHes it READ_ONLY as
 * `gov` and creates one view per table. A query naming another district (`district = 'x'`, see
 * district-route.ts) first swaps the attached file: DETACH, ATTACH the other district's file, same
 * alias — the views and every SQL builder stay as they are, and no other district's file is ever
 * fetched. Callers make this single-flight (useDbStore): it does the whole start on every call.
 */
export async function startWasmConnector(options: WasmOptions = {}): Promise<Connector> {
  const report = options.onProgress ?? (() => {})
  let db: duckdb.AsyncDuckDB | undefined
  const files = districtFiles(new URL(options.indexUrl ?? INDEX_JSON, document.baseURI).href)
  // The first district's file downloads while the engine compiles. Its progress shows only once
  // the (much larger) engine download is done, so the bar never jumps back.
  let engineLoaded = false
  const first = files.then((m) => {
    const wanted = districtFromPage()
    const id = wanted && m.has(wanted) ? wanted : m.keys().next().value!
    return loadDistrictFile(id, m.get(id)!, options.dbMode, (loaded, total) => engineLoaded && report({ phase: 'data', loaded, total }))
  })
  first.catch(() => {}) // awaited below; avoid an unhandled rejection if the engine fails first
  try {
    let t = perfNow()
    const bundle = await duckdb.selectBundle(BUNDLES)
    const worker = new Worker(bundle.mainWorker!)
    db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) =>
      report({ phase: 'engine', loaded: p.bytesLoaded, total: p.bytesTotal }),
    )
    perfMeasure('engine:instantiate', t, { bundle: bundle.mainModule })
    engineLoaded = true
    t = perfNow()
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true }, filesystem: { forceFullHTTPReads: false } })
    const conn = await db.connect()
    const plain = wrap(conn)
    for (const sql of OFFLINE_SETTINGS_SQL) await plain.exec(sql)
    perfMeasure('engine:open', t)

    t = perfNow()
    const file = await first
    perfMeasure('engine:wait-data', t, { bytes: file.bytes?.length ?? null })
    t = perfNow()
    report({ phase: 'views', loaded: 0, total: 0 })
    const attacher = new DistrictAttacher(db, plain, await files, options.dbMode ?? 'auto')
    await attacher.attach(file)
    for (const sql of createViewsSql()) await plain.exec(sql)
    perfMeasure('engine:attach', t, { district: file.id })
    return attacher.connector()
  } catch (err) {
    await db?.terminate().catch(() => {})
    throw err instanceof DbError ? err : new DbError(err, '')
  }
}

/**
 * Keeps exactly one district's database attached as `gov` and routes every statement to the file
 * it names (district-route.ts): a DistrictQueue runs the statements of one district together and
 * swaps the file only between them, so a statement always reads the district it names.
 */
class DistrictAttacher {
  /** Registered file name of the attached district, dropped from the engine's memory on the next swap. */
  private attachedName: string | null = null
  private swaps = 0
  private queue: DistrictQueue | null = null

  constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private readonly plain: Connector,
    private readonly files: ReadonlyMap<string, string>,
    private readonly mode: NonNullable<WasmOptions['dbMode']>,
  ) {}

  async attach(file: DistrictFile): Promise<void> {
    // A new name per swap: DuckDB-WASM may still hold the old file's handle while it is detached.
    const name = `district-${++this.swaps}.duckdb`
    if (file.bytes) await this.db.registerFileBuffer(name, file.bytes)
    else await this.db.registerFileURL(name, file.url, duckdb.DuckDBDataProtocol.HTTP, false)
    const old = this.attachedName
    if (old !== null) await this.plain.exec(`DETACH "${DB_ALIAS}"`)
    this.attachedName = null
    await this.plain.exec(`ATTACH ${str(name)} AS "${DB_ALIAS}" (READ_ONLY)`)
    this.attachedName = name
    this.queue ??= new DistrictQueue((id) => this.swapTo(id), file.id)
    if (old) await this.db.dropFile(old).catch(() => {})
  }

  private async swapTo(id: string): Promise<void> {
    const t = perfNow()
    await this.attach(await loadDistrictFile(id, this.files.get(id)!, this.mode, () => {}))
    perfMeasure('engine:switch-district', t, { district: id })
  }

  /** Run `statement` once the district `sql` names is attached (a query naming two is refused). */
  private routed<T>(sql: string, statement: () => Promise<T>): Promise<T> {
    const named = namedDistricts(sql).filter((id) => this.files.has(id))
    if (named.length > 1) {
      return Promise.reject(new DbError(new Error(`The query names ${named.length} districts (${named.join(', ')}); the dashboard reads one district's database at a time — the SQL console on the 开放数据 page queries all districts`), sql))
    }
    return this.queue!.run(named[0] ?? null, statement).catch((err: unknown) => {
      throw asDbError(err, sql)
    })
  }

  connector(): Connector {
    return {
      query: <T>(sql: string): Promise<T[]> => this.routed(sql, () => this.plain.query<T>(sql)),
      exec: (sql: string): Promise<void> => this.routed(sql, () => this.plain.exec(sql)),
    }
  }
}

function wrap(conn: duckdb.AsyncDuckDBConnection): Connector {
  return {
    async query<T>(sql: string): Promise<T[]> {
      try {
        const table = await conn.query(sql)
        return table.toArray().map((row) => toPlain(row.toJSON()) as T)
      } catch (err) {
        throw asDbError(err, sql)
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await conn.query(sql)
      } catch (err) {
        throw asDbError(err, sql)
      }
    },
  }
}
