import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Connector } from '~/db/connector'
import { asDbError, DbError } from '~/db/errors'
import type { EngineProgress, WasmOptions } from '~/db/wasm'
import { idle } from '~/util/idle'
import { perfMeasure, perfNow } from '~/util/perf'

/** Starts an engine and resolves to its Connector; reports progress while fetching. */
export type EngineFactory = (onProgress: (p: EngineProgress) => void) => Promise<Connector>

/**
 * `?dbread=url` (or `buffer`) in the page address, before the `#`, forces how the database file is
 * read; by default it is chosen by size (src/db/wasm.ts). Lets a large deployment, and the
 * end-to-end test of Range reads, use HTTP Range requests on the small embedded file.
 */
export function dbModeFromPage(search: string = typeof location === 'undefined' ? '' : location.search): WasmOptions['dbMode'] {
  const mode = new URLSearchParams(search).get('dbread')
  return mode === 'url' || mode === 'buffer' ? mode : 'auto'
}

// The wasm module (and DuckDB itself) is imported on first start only, so it never delays first paint.
let engineFactory: EngineFactory = (onProgress) => {
  const t = perfNow()
  return import('~/db/wasm').then((m) => {
    perfMeasure('engine:import', t)
    return m.startWasmConnector({ onProgress, dbMode: dbModeFromPage() })
  })
}

/** Replace how the engine starts (tests pass a fake Connector; scripts could pass node-api). */
export function setEngineFactory(factory: EngineFactory): void {
  engineFactory = factory
}

/** Results kept per SQL text, so flipping a filter back and forth costs no second query. */
const CACHE_SIZE = 64

/**
 * The DuckDB engine's lifecycle and the only way views reach it. `start()` is single-flight: many
 * callers share one start; after an error, `retry()` starts afresh.
 */
export const useDbStore = defineStore('db', () => {
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const progress = ref<EngineProgress | null>(null)
  const error = shallowRef<DbError | null>(null)
  /** Queries the engine is running now (cache hits never count); mirrored to `<html data-queries>`. */
  const inFlight = ref(0)
  /**
   * Confirmations scheduled or running: the engine re-running SQL whose prebuilt rows the page
   * already shows (src/stores/prebuilt.ts). Kept apart from `inFlight`, which counts what the page
   * waits for; mirrored to `<html data-confirming>`.
   */
  const confirming = ref(0)
  let starting: Promise<Connector> | null = null
  /** The started engine, so a query on a ready engine is sent without waiting a microtask. */
  let ready: Connector | null = null
  const cache = new Map<string, unknown[]>()
  /** Queries being run, by SQL text: a second asker of the same SQL shares the first run. */
  const running = new Map<string, Promise<unknown[]>>()
  /** Steps run on the engine after every start, before it reports ready (src/local loads the browser-local district with one). */
  const startSteps = new Map<string, (c: Connector) => Promise<void>>()
  /** Bumped when the tables change (`alter`): a result computed before that is never cached. */
  let generation = 0

  /** Start the engine once; resolves with the Connector (rejects with a DbError). */
  function start(): Promise<Connector> {
    if (starting) return starting
    status.value = 'loading'
    error.value = null
    starting = engineFactory((p) => (progress.value = p)).then(async (connector) => {
      for (const step of startSteps.values()) await step(connector)
      return connector
    }).then(
      (connector) => {
        ready = connector
        status.value = 'ready'
        return connector
      },
      (err: unknown) => {
        const e = asDbError(err, '')
        error.value = e
        status.value = 'error'
        starting = null
        throw e
      },
    )
    return starting
  }

  let deferred = false
  /**
   * Start the engine once the page's first chart is drawn (`<html data-first-chart="1">`), or after
   * `maxWaitMs` at the latest. Compiling the 34 MB engine keeps every core of a small machine busy,
   * and the first screens are drawn without it (summary JSON, prebuilt results): started at once, it
   * slowed the first chart it was not needed for. Idempotent; without a DOM it starts at once.
   */
  function startAfterFirstPaint(maxWaitMs = 1000): void {
    if (starting || deferred) return
    const html = typeof document === 'undefined' ? null : document.documentElement
    if (!html || html.dataset.firstChart === '1') return void start().catch(() => {})
    deferred = true
    const go = () => {
      observer.disconnect()
      clearTimeout(timer)
      deferred = false
      if (!starting) start().catch(() => {})
    }
    const observer = new MutationObserver(() => html.dataset.firstChart === '1' && go())
    observer.observe(html, { attributes: true, attributeFilter: ['data-first-chart'] })
    const timer = setTimeout(go, maxWaitMs)
  }

  /**
   * Run `confirm` (a background query) once the browser is idle — not while it draws the change
   * that showed prebuilt rows; counted in `confirming` from now until it settles.
   */
  function confirmWhenIdle(confirm: () => Promise<unknown> | void): void {
    confirming.value++
    void idle(300).then(confirm).catch(() => {}).finally(() => confirming.value--)
  }

  /** Register (or, with null, remove) a step run on the engine after every start, before `ready`. */
  function onStart(key: string, step: ((c: Connector) => Promise<void>) | null): void {
    if (step) startSteps.set(key, step)
    else startSteps.delete(key)
  }

  /**
   * Change what the tables hold (e.g. load or remove the browser-local district): runs `change` on
   * the started engine, then forgets every cached result, so no view shows rows from before.
   */
  async function alter(change: (c: Connector) => Promise<void>): Promise<void> {
    const connector = await start()
    generation++
    try {
      await change(connector)
    } finally {
      generation++
      cache.clear()
      running.clear()
    }
  }

  /** Start again after a failed start (no-op while loading or ready). */
  function retry(): Promise<Connector> {
    return start()
  }

  /**
   * Run a query, starting the engine first if needed. Results are cached by SQL text, and
   * concurrent askers of one SQL share a single run. On a ready engine the query is handed to
   * the worker synchronously, so it computes while the page re-renders for the same change.
   * `background`: the page already shows an answer (not counted in `inFlight`; see confirmWhenIdle).
   */
  function query<T = Record<string, unknown>>(sql: string, opts: { background?: boolean } = {}): Promise<T[]> {
    const hit = cache.get(sql)
    if (hit) {
      cache.delete(sql) // re-insert to keep LRU order
      cache.set(sql, hit)
      return Promise.resolve(hit as T[])
    }
    const shared = running.get(sql)
    if (shared) return shared as Promise<T[]>
    const background = opts.background ?? false
    const run = (ready ? send<T>(ready, sql, background) : start().then((c) => send<T>(c, sql, background))).finally(() => running.delete(sql))
    running.set(sql, run)
    return run
  }

  async function send<T>(connector: Connector, sql: string, background: boolean): Promise<T[]> {
    const t0 = perfNow()
    const asked = generation
    // A background query is counted by confirmWhenIdle; the page does not wait for it.
    if (!background) inFlight.value++
    let rows: T[]
    try {
      rows = await connector.query<T>(sql)
    } finally {
      if (!background) inFlight.value--
    }
    perfMeasure(background ? 'sql:confirm' : 'sql', t0, { sql: sql.slice(0, 200), rows: rows.length })
    if (asked === generation) cache.set(sql, rows)
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
    return rows
  }

  return { status, progress, error, inFlight, confirming, start, startAfterFirstPaint, retry, query, confirmWhenIdle, onStart, alter }
})
