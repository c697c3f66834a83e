import * as duckdb from '@duckdb/duckdb-wasm'
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import { toPlain, type Connector } from './connector'
import { asDbError, DbError } from './errors'
import { fetchWithProgress } from './fetch-progress'
import { DB_ALIAS, DB_FILE, DB_FILE_NAME } from './data-files'
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
  /** URL of the DuckDB file; default data/gov.duckdb next to the page. */
  dbUrl?: string
  onProgress?: (p: EngineProgress) => void
  /**
   * How the database file is read. `buffer`: downloaded whole (with progress) and queried from
   * memory — fastest filter changes for a file of a few MB. `url`: registered by URL and read with
   * HTTP Range requests, only the pages a query needs — for a large multi-district file.
   * Default `auto`: `url` when the server reports more than {@link RANGE_READ_THRESHOLD} bytes.
   */
  dbMode?: 'auto' | 'buffer' | 'url'
}

/** Above this size (bytes) the database is read by HTTP Range requests instead of downloaded. */
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

// Bundles come from our own build (no CDN): Vite copies the wasm and worker files into dist/assets.
// Exported for the SQL console, which starts its own instance from the same files (console-engine.ts).
export const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
}

/**
 * Start DuckDB-WASM and return a Connector over the attached database. Picks the `eh` bundle where
 * the browser supports Wasm exceptions and `mvp` elsewhere; turns extension autoloading off at once
 * (offline it would fail with a misleading error); registers the database file (downloaded, or by
 * URL with Range reads when large — see `dbMode`), ATTACHes it READ_ONLY and creates one view per table. Callers make this
 * single-flight (useDbStore): it does the whole start on every call.
 */
export async function startWasmConnector(options: WasmOptions = {}): Promise<Connector> {
  const report = options.onProgress ?? (() => {})
  let db: duckdb.AsyncDuckDB | undefined
  const dbUrl = new URL(options.dbUrl ?? DB_FILE, document.baseURI).href
  // A small database file downloads while the engine compiles. Its progress shows only once the
  // (much larger) engine download is done, so the bar never jumps back.
  let engineLoaded = false
  const dbBytes = chooseMode(dbUrl, options.dbMode).then((mode) =>
    mode === 'url' ? null : fetchWithProgress(dbUrl, (loaded, total) => engineLoaded && report({ phase: 'data', loaded, total })),
  )
  dbBytes.catch(() => {}) // awaited below; avoid an unhandled rejection if the engine fails first
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
    const connector = wrap(conn)
    for (const sql of OFFLINE_SETTINGS_SQL) await connector.exec(sql)
    perfMeasure('engine:open', t)

    t = perfNow()
    const bytes = await dbBytes
    perfMeasure('engine:wait-data', t, { bytes: bytes?.length ?? null })
    t = perfNow()
    if (bytes) await db.registerFileBuffer(DB_FILE_NAME, bytes)
    else await db.registerFileURL(DB_FILE_NAME, dbUrl, duckdb.DuckDBDataProtocol.HTTP, false)
    report({ phase: 'views', loaded: 0, total: 0 })
    await connector.exec(`ATTACH '${DB_FILE_NAME}' AS "${DB_ALIAS}" (READ_ONLY)`)
    for (const sql of createViewsSql()) await connector.exec(sql)
    perfMeasure('engine:attach', t)
    return connector
  } catch (err) {
    await db?.terminate().catch(() => {})
    throw err instanceof DbError ? err : new DbError(err, '')
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
