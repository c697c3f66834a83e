import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { setEngineFactory, useDbStore } from '~/stores/db'
import { DbError } from '~/db/errors'
import { fakeConnector } from './fake-connector'

beforeEach(() => setActivePinia(createPinia()))

describe('useDbStore', () => {
  it('starts once for many callers and reports progress then ready', async () => {
    let starts = 0
    const conn = fakeConnector(() => [{ n: 1 }])
    setEngineFactory(async (onProgress) => {
      starts++
      onProgress({ phase: 'data', loaded: 5, total: 10 })
      return conn
    })
    const db = useDbStore()
    expect(db.status).toBe('idle')
    const a = db.start()
    const b = db.start()
    expect(db.status).toBe('loading')
    await Promise.all([a, b, db.query('SELECT 1 AS n')])
    expect(starts).toBe(1)
    expect(db.status).toBe('ready')
    expect(db.progress).toEqual({ phase: 'data', loaded: 5, total: 10 })
  })

  it('turns a failed start into status error with the reason, and retry starts again', async () => {
    let fail = true
    setEngineFactory(async () => {
      if (fail) throw new Error('Could not load data/gov.duckdb: HTTP 404')
      return fakeConnector(() => [])
    })
    const db = useDbStore()
    await expect(db.start()).rejects.toBeInstanceOf(DbError)
    expect(db.status).toBe('error')
    expect(db.error?.reason).toMatch(/gov\.duckdb: HTTP 404/)
    fail = false
    await db.retry()
    expect(db.status).toBe('ready')
    expect(db.error).toBeNull()
  })

  it('caches results by SQL text but never caches failures', async () => {
    let broken = true
    const conn = fakeConnector((sql) => (broken && sql.includes('x') ? new Error('boom') : [{ v: sql.length }]))
    setEngineFactory(async () => conn)
    const db = useDbStore()
    await db.query('SELECT 1')
    await db.query('SELECT 1')
    expect(conn.calls.filter((s) => s === 'SELECT 1')).toHaveLength(1)
    await expect(db.query('SELECT x')).rejects.toThrow('boom')
    broken = false
    expect(await db.query('SELECT x')).toEqual([{ v: 8 }])
  })
})
