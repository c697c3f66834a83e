import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { setEngineFactory, useDbStore } from '~/stores/db'

beforeEach(() => setActivePinia(createPinia()))

describe('useDbStore.inFlight', () => {
  it('counts queries the engine is running, not cache hits, and recovers after a failure', async () => {
    const pending: Record<string, { ok: (rows: unknown[]) => void; fail: (e: Error) => void }> = {}
    setEngineFactory(async () => ({
      query: <T,>(sql: string) => new Promise<T[]>((ok, fail) => (pending[sql] = { ok: ok as (rows: unknown[]) => void, fail })),
      exec: async () => {},
    }))
    const db = useDbStore()
    await db.start()
    const a = db.query('SELECT 1')
    const b = db.query('SELECT 2')
    await new Promise((r) => setTimeout(r, 0))
    expect(db.inFlight).toBe(2)
    pending['SELECT 1']!.ok([{ n: 1 }])
    await a
    expect(db.inFlight).toBe(1)
    pending['SELECT 2']!.fail(new Error('boom'))
    await expect(b).rejects.toThrow('boom')
    expect(db.inFlight).toBe(0)
    const hit = db.query('SELECT 1')
    expect(db.inFlight).toBe(0)
    expect(await hit).toEqual([{ n: 1 }])
  })
})
