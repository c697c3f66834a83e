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

  it('shares one run between concurrent askers of the same SQL', async () => {
    const calls: string[] = []
    setEngineFactory(async () => ({
      query: async <T,>(sql: string) => {
        calls.push(sql)
        return [{ sql }] as T[]
      },
      exec: async () => {},
    }))
    const db = useDbStore()
    await db.start()
    const [a, b] = await Promise.all([db.query('SELECT 1'), db.query('SELECT 1')])
    expect(calls).toEqual(['SELECT 1'])
    expect(a).toBe(b)
  })

  it('hands a query to a ready engine synchronously (the worker computes while the page renders)', async () => {
    const calls: string[] = []
    setEngineFactory(async () => ({
      query: async <T,>(sql: string) => {
        calls.push(sql)
        return [] as T[]
      },
      exec: async () => {},
    }))
    const db = useDbStore()
    await db.start()
    const pending = db.query('SELECT 2')
    expect(calls).toEqual(['SELECT 2'])
    expect(db.inFlight).toBe(1)
    await pending
    expect(db.inFlight).toBe(0)
  })
})
