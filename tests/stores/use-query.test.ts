import { beforeEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { setEngineFactory, useDbStore } from '~/stores/db'
import { useQuery } from '~/composables/useQuery'
import { fakeConnector } from './fake-connector'

const flush = async () => {
  for (let i = 0; i < 5; i++) {
    await nextTick()
    await new Promise((r) => setTimeout(r, 0))
  }
}

beforeEach(() => setActivePinia(createPinia()))

describe('useQuery', () => {
  it('waits for the engine, then runs, and re-runs when the SQL changes', async () => {
    const conn = fakeConnector((sql) => [{ sql }])
    setEngineFactory(async () => conn)
    const year = ref(2021)
    const scope = effectScope()
    const q = scope.run(() => useQuery<{ sql: string }>(() => `SELECT ${year.value}`))!
    expect(q.status.value).toBe('waiting')
    await useDbStore().start()
    await flush()
    expect(q.status.value).toBe('ready')
    expect(q.rows.value).toEqual([{ sql: 'SELECT 2021' }])
    year.value = 2022
    await flush()
    expect(q.rows.value).toEqual([{ sql: 'SELECT 2022' }])
    scope.stop()
  })
  it('captures a failing query with its SQL instead of throwing, and reload retries', async () => {
    let broken = true
    setEngineFactory(async () => fakeConnector((sql) => (broken ? new Error('Binder Error: column "nope"') : [{ ok: sql }])))
    await useDbStore().start()
    const scope = effectScope()
    const q = scope.run(() => useQuery(() => 'SELECT nope'))!
    await flush()
    expect(q.status.value).toBe('error')
    expect(q.error.value?.sql).toBe('SELECT nope')
    expect(q.error.value?.reason).toMatch(/Binder Error/)
    broken = false
    await q.reload()
    expect(q.status.value).toBe('ready')
    scope.stop()
  })
  it('a builder that throws becomes an error, and null SQL means idle', async () => {
    setEngineFactory(async () => fakeConnector(() => []))
    await useDbStore().start()
    const which = ref<'throw' | 'null'>('throw')
    const scope = effectScope()
    const q = scope.run(() =>
      useQuery(() => {
        if (which.value === 'throw') throw new Error('Unknown metric "x"')
        return null
      }),
    )!
    await flush()
    expect(q.status.value).toBe('error')
    expect(q.error.value?.reason).toMatch(/Unknown metric "x"/)
    which.value = 'null'
    await flush()
    expect(q.status.value).toBe('idle')
    scope.stop()
  })
  it('a slow earlier answer never overwrites a later one', async () => {
    const resolvers: Record<string, (rows: unknown[]) => void> = {}
    setEngineFactory(async () => ({
      query: <T,>(sql: string) => new Promise<T[]>((res) => (resolvers[sql] = res as (rows: unknown[]) => void)),
      exec: async () => {},
    }))
    await useDbStore().start()
    const n = ref(1)
    const scope = effectScope()
    const q = scope.run(() => useQuery<{ v: number }>(() => `SELECT ${n.value}`))!
    await flush()
    n.value = 2
    await flush()
    resolvers['SELECT 2']!([{ v: 2 }])
    await flush()
    resolvers['SELECT 1']!([{ v: 1 }])
    await flush()
    expect(q.rows.value).toEqual([{ v: 2 }])
    scope.stop()
  })
})
