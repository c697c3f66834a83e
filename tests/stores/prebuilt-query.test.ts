import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref, watch } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { PREBUILT_FORMAT, prebuiltKey, type PrebuiltFile, type PrebuiltInfo } from '~/db/prebuilt'
import { setEngineFactory, useDbStore } from '~/stores/db'
import { usePrebuiltStore, type PrebuiltEntry } from '~/stores/prebuilt'
import { useQuery } from '~/composables/useQuery'
import { fakeConnector } from './fake-connector'

const flush = async () => {
  for (let i = 0; i < 6; i++) {
    await nextTick()
    await new Promise((r) => setTimeout(r, 0))
  }
}

const DIGEST = 'a'.repeat(64)
const info: PrebuiltInfo = { dir: 'prebuilt/d1', digest: DIGEST, views: ['overview'] }
const entry: PrebuiltEntry = { id: 'd1', name: 'D1', synthetic: false, summary: 'summary/d1.json', prebuilt: info }

/** Serve prebuilt files from a map of URL → file (404 for others), recording the URLs asked. */
function serve(files: Record<string, PrebuiltFile>): string[] {
  const asked: string[] = []
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url)
    const f = files[url]
    return f ? new Response(JSON.stringify(f)) : new Response('not found', { status: 404 })
  })
  return asked
}
const file = (results: Record<string, unknown[]>, digest = DIGEST): PrebuiltFile => ({
  format: PREBUILT_FORMAT, digest, district: 'd1', view: 'overview',
  results: Object.fromEntries(Object.entries(results).map(([sql, rows]) => [prebuiltKey(sql), rows])),
})

/** An engine that starts only when `release()` is called. */
function heldEngine(answer: (sql: string) => unknown[]) {
  const conn = fakeConnector(answer)
  let release!: () => void
  const started = new Promise<void>((r) => (release = r))
  setEngineFactory(async () => {
    await started
    return conn
  })
  return { conn, release }
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('prebuilt results before the engine', () => {
  it('a prebuilt SQL is shown while the engine loads; the engine confirms it in the background without replacing equal rows', async () => {
    serve({ 'data/prebuilt/d1/overview.json': file({ 'SELECT 1': [{ n: 1, k: 'x' }] }) })
    const engine = heldEngine(() => [{ n: 1, k: 'x' }])
    const db = useDbStore()
    void db.start()
    await usePrebuiltStore().want(entry, 'overview')
    const scope = effectScope()
    const q = scope.run(() => useQuery<{ n: number }>(() => 'SELECT 1'))!
    let changes = 0
    scope.run(() => watch(q.rows, () => changes++))
    await flush()
    expect(q.status.value).toBe('ready')
    expect(q.provisional.value).toBe(true)
    expect(q.rows.value).toEqual([{ n: 1, k: 'x' }])
    const shown = q.rows.value
    expect(engine.conn.calls).toEqual([])

    engine.release()
    await flush()
    expect(engine.conn.calls).toEqual(['SELECT 1'])
    expect(q.provisional.value).toBe(false)
    expect(q.rows.value).toBe(shown) // same array: no option rebuilt, no redraw
    expect(changes).toBe(0)
    scope.stop()
  })

  it('rows the engine answers differently replace the prebuilt ones', async () => {
    serve({ 'data/prebuilt/d1/overview.json': file({ 'SELECT 1': [{ n: 1 }] }) })
    const engine = heldEngine(() => [{ n: 2 }])
    void useDbStore().start()
    await usePrebuiltStore().want(entry, 'overview')
    const scope = effectScope()
    const q = scope.run(() => useQuery<{ n: number }>(() => 'SELECT 1'))!
    await flush()
    expect(q.rows.value).toEqual([{ n: 1 }])
    engine.release()
    await flush()
    expect(q.rows.value).toEqual([{ n: 2 }])
    expect(q.provisional.value).toBe(false)
    scope.stop()
  })

  it('a file of another database (digest) or another layout is ignored: the query waits for the engine', async () => {
    serve({
      'data/prebuilt/d1/overview.json': file({ 'SELECT 1': [{ n: 1 }] }, 'b'.repeat(64)),
      'data/prebuilt/d1/overview.more.json': { ...file({ 'SELECT 1': [{ n: 1 }] }), format: PREBUILT_FORMAT + 1 },
    })
    heldEngine(() => [{ n: 2 }])
    void useDbStore().start()
    await usePrebuiltStore().want(entry, 'overview')
    const scope = effectScope()
    const q = scope.run(() => useQuery(() => 'SELECT 1'))!
    await flush()
    expect(q.status.value).toBe('waiting')
    expect(q.rows.value).toBeNull()
    scope.stop()
  })

  it('a file that arrives after the query was asked answers it; a missing file is a miss, not an error', async () => {
    const asked = serve({ 'data/prebuilt/d1/overview.more.json': file({ 'SELECT 2': [{ n: 2 }] }) })
    heldEngine(() => [])
    void useDbStore().start()
    const scope = effectScope()
    const q = scope.run(() => useQuery(() => 'SELECT 2'))!
    await flush()
    expect(q.status.value).toBe('waiting')
    await usePrebuiltStore().want(entry, 'overview')
    await flush()
    expect(asked).toEqual(['data/prebuilt/d1/overview.json', 'data/prebuilt/d1/overview.more.json'])
    expect(q.status.value).toBe('ready')
    expect(q.rows.value).toEqual([{ n: 2 }])
    scope.stop()
  })

  it('on a ready engine a prebuilt answer is shown at once and its confirmation counts as background, not as a query the page waits for', async () => {
    serve({ 'data/prebuilt/d1/overview.json': file({ 'SELECT 1': [{ n: 1 }] }) })
    let answer!: (rows: unknown[]) => void
    const conn = fakeConnector(() => [])
    conn.query = (async () => new Promise<unknown[]>((r) => (answer = r))) as typeof conn.query
    setEngineFactory(async () => conn)
    const db = useDbStore()
    await db.start()
    await usePrebuiltStore().want(entry, 'overview')
    const sql = ref('SELECT 0')
    const scope = effectScope()
    const q = scope.run(() => useQuery(() => sql.value))!
    await flush()
    answer([{ n: 0 }])
    await flush()
    sql.value = 'SELECT 1'
    await flush()
    expect(q.rows.value).toEqual([{ n: 1 }])
    expect(db.inFlight).toBe(0)
    expect(db.confirming).toBe(1)
    answer([{ n: 1 }])
    await flush()
    expect(db.confirming).toBe(0)
    scope.stop()
  })

  it('views without prebuilt files and unknown views ask for nothing', async () => {
    const asked = serve({})
    const store = usePrebuiltStore()
    await store.want({ ...entry, prebuilt: undefined }, 'overview')
    await store.want(entry, 'data')
    await store.want(entry, 'compare') // not in info.views
    expect(asked).toEqual([])
  })
})
