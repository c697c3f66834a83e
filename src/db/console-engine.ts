import * as duckdb from '@duckdb/duckdb-wasm'
import { toPlain, type PlainValue } from './connector'
import { ConsoleStopped, type ConsoleColumn, type ConsoleEngine, type ConsoleResult } from './console-types'
import { consoleSetupSql } from './console-settings'
import { DB_ALIAS, DB_FILE, DB_FILE_NAME } from './data-files'
import { BUNDLES, RANGE_READ_THRESHOLD } from './wasm'

/**
 * The SQL console's own DuckDB: a second database instance in its own Web Worker, apart from the
 * dashboard's. Whatever a visitor types — CREATE OR REPLACE VIEW cells, DETACH, a cross join of
 * a billion rows — happens in this instance only: the charts keep their catalog and their worker,
 * and keep answering while a console query runs. DuckDB's own settings lock the instance down
 * (console-settings.ts). A query can be cancelled, and stops by itself after a time limit; when the
 * engine does not stop it promptly the worker is terminated and the next query starts a fresh one.
 */



/** How long a cancelled query may take to stop before its worker is terminated. */
const STOP_GRACE_MS = 1500

async function startInstance(dbUrl: string): Promise<ConsoleInstance> {
  const bundle = await duckdb.selectBundle(BUNDLES)
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker!))
  try {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker)
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true }, filesystem: { forceFullHTTPReads: false } })
    // The same file the dashboard reads (the browser's HTTP cache usually answers); a large one by Range reads.
    const head = await fetch(dbUrl, { method: 'HEAD' })
    if (!head.ok) throw new Error(`Could not load ${dbUrl}: HTTP ${head.status}`)
    if (Number(head.headers.get('content-length') ?? 0) > RANGE_READ_THRESHOLD) {
      await db.registerFileURL(DB_FILE_NAME, dbUrl, duckdb.DuckDBDataProtocol.HTTP, false)
    } else {
      const res = await fetch(dbUrl)
      if (!res.ok) throw new Error(`Could not load ${dbUrl}: HTTP ${res.status}`)
      await db.registerFileBuffer(DB_FILE_NAME, new Uint8Array(await res.arrayBuffer()))
    }
    const conn = await db.connect()
    for (const sql of consoleSetupSql(DB_FILE_NAME, DB_ALIAS)) await conn.query(sql)
    return { db, conn }
  } catch (err) {
    await db.terminate().catch(() => {})
    throw err
  }
}

async function collect(conn: ConsoleInstance['conn'], sql: string): Promise<ConsoleResult> {
  const reader = await conn.send(sql)
  // send() returns nothing when the worker was terminated under it.
  if (!reader) throw new Error('The console engine was stopped')
  const rows: Record<string, PlainValue>[] = []
  let columns: ConsoleColumn[] | null = null
  for await (const batch of reader) {
    columns ??= batch.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }))
    for (const row of batch.toArray()) rows.push(toPlain(row.toJSON()) as Record<string, PlainValue>)
  }
  columns ??= (reader.schema?.fields ?? []).map((f) => ({ name: f.name, type: String(f.type) }))
  return { columns, rows }
}

/** The parts of DuckDB-WASM the console uses (a seam for tests of cancel and time limit). */
export interface ConsoleInstance {
  db: Pick<duckdb.AsyncDuckDB, 'terminate'>
  conn: Pick<duckdb.AsyncDuckDBConnection, 'send' | 'cancelSent'>
}

/**
 * A console engine over the data file at `dbUrl` (default: the site's own data/gov.duckdb).
 * `start` and `graceMs` are for tests: how an instance is started, and how long a stopped query
 * may take to end before its worker is terminated.
 */
export function createConsoleEngine(
  dbUrl: string = new URL(DB_FILE, document.baseURI).href,
  opts: { start?: (url: string) => Promise<ConsoleInstance>; graceMs?: number } = {},
): ConsoleEngine {
  const start = opts.start ?? startInstance
  const graceMs = opts.graceMs ?? STOP_GRACE_MS
  let instance: Promise<ConsoleInstance> | null = null
  let stop: ((why: ConsoleStopped['why']) => void) | null = null
  /** Settles when the previous query has really finished (or its worker was terminated). */
  let idle: Promise<void> = Promise.resolve()

  const ensure = () => {
    instance ??= start(dbUrl).catch((err: unknown) => {
      instance = null
      throw err
    })
    return instance
  }
  const terminate = async () => {
    const dying = instance
    instance = null
    await dying?.then((i) => i.db.terminate()).catch(() => {})
  }

  return {
    async run(sql, timeoutMs) {
      if (stop) throw new Error('A console query is already running')
      let release!: () => void
      const previous = idle
      idle = new Promise<void>((resolve) => (release = resolve))
      await previous
      let timer: ReturnType<typeof setTimeout> | undefined
      let conn: ConsoleInstance['conn'] | null = null
      let work: Promise<ConsoleResult> | null = null
      let stoppedWhy: ConsoleStopped['why'] | null = null
      // Stoppable from the start: a Cancel while the engine is still starting stops the query too.
      const stopped = new Promise<never>((_, reject) => {
        stop = (why) => {
          if (stoppedWhy) return
          stoppedWhy = why
          reject(new ConsoleStopped(why, timeoutMs))
          if (!conn || !work) return release()
          // Ask DuckDB to interrupt; if it has not stopped within the grace period, kill the worker.
          void conn.cancelSent().catch(() => false)
          const grace = setTimeout(() => void terminate().then(release), graceMs)
          void work.then(() => clearTimeout(grace), () => clearTimeout(grace))
        }
      })
      stopped.catch(() => {})
      try {
        const started = await Promise.race([ensure(), stopped])
        conn = started.conn
        timer = setTimeout(() => stop?.('timeout'), timeoutMs)
        work = collect(conn, sql)
        void work.then(release, release)
        return await Promise.race([work, stopped])
      } catch (err) {
        if (!work && !stoppedWhy) release() // failed before the query was sent
        throw err
      } finally {
        clearTimeout(timer)
        stop = null
      }
    },
    prepare() {
      ensure().catch(() => {})
    },
    cancel() {
      stop?.('cancelled')
    },
    close: terminate,
  }
}
