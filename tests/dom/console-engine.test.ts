import { describe, expect, it } from 'vitest'
import { createConsoleEngine, type ConsoleInstance } from '~/db/console-engine'
import { ConsoleStopped } from '~/db/console-types'

/**
 * Cancel and time limit of the console engine, with a scripted stand-in for DuckDB-WASM's
 * connection (the real engine is exercised in tests/e2e/console-security.test.ts).
 */

type Batch = { schema: { fields: { name: string; type: string }[] }; toArray(): { toJSON(): Record<string, unknown> }[] }
const batch = (rows: Record<string, unknown>[]): Batch => ({
  schema: { fields: Object.keys(rows[0] ?? {}).map((name) => ({ name, type: 'Int32' })) },
  toArray: () => rows.map((r) => ({ toJSON: () => r })),
})

/** A fake instance: `behaviour` decides per query whether it answers, honours cancel, or hangs. */
function fakeInstance(behaviour: (sql: string) => 'answer' | 'cancellable' | 'stuck') {
  const log = { started: 0, cancels: 0, terminated: 0 }
  const start = async (): Promise<ConsoleInstance> => {
    log.started++
    let rejectPending: ((e: Error) => void) | null = null
    const instance = {
      db: { terminate: async () => void log.terminated++ },
      conn: {
        send: (async (sql: string) => {
          const how = behaviour(sql)
          if (how === 'answer') {
            return {
              schema: { fields: [] },
              async *[Symbol.asyncIterator]() { yield batch([{ n: 1n }, { n: 2n }]) },
            }
          }
          return new Promise((_, reject) => { rejectPending = how === 'cancellable' ? reject : null })
        }) as unknown as ConsoleInstance['conn']['send'],
        cancelSent: async () => {
          log.cancels++
          rejectPending?.(new Error('query was canceled'))
          return true
        },
      },
    }
    return instance
  }
  return { start, log }
}

describe('console engine', () => {
  it('returns the rows and columns of a query, BIGINT as numbers', async () => {
    const fake = fakeInstance(() => 'answer')
    const engine = createConsoleEngine('http://127.0.0.1/data/gov.duckdb', { start: fake.start })
    const res = await engine.run('SELECT 1', 10_000)
    expect(res.rows).toEqual([{ n: 1 }, { n: 2 }])
    expect(res.columns).toEqual([{ name: 'n', type: 'Int32' }])
  })

  it('prepare() starts the engine once, ahead of the first query', async () => {
    const fake = fakeInstance(() => 'answer')
    const engine = createConsoleEngine('x', { start: fake.start })
    engine.prepare()
    engine.prepare()
    await engine.run('SELECT 1', 10_000)
    expect(fake.log.started).toBe(1)
  })

  it('Cancel stops a running query through DuckDB and the engine answers the next one', async () => {
    const fake = fakeInstance((sql) => (sql === 'long' ? 'cancellable' : 'answer'))
    const engine = createConsoleEngine('x', { start: fake.start })
    const run = engine.run('long', 60_000)
    await new Promise((r) => setTimeout(r, 10))
    engine.cancel()
    await expect(run).rejects.toMatchObject({ why: 'cancelled' })
    expect(fake.log.cancels).toBe(1)
    await expect(engine.run('short', 60_000)).resolves.toMatchObject({ rows: [{ n: 1 }, { n: 2 }] })
    expect(fake.log).toMatchObject({ started: 1, terminated: 0 })
  })

  it('stops a query at the time limit with a ConsoleStopped naming the limit', async () => {
    const fake = fakeInstance((sql) => (sql === 'long' ? 'cancellable' : 'answer'))
    const engine = createConsoleEngine('x', { start: fake.start })
    const err = await engine.run('long', 30).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ConsoleStopped)
    expect(err).toMatchObject({ why: 'timeout', limitMs: 30 })
  })

  it('terminates a worker that does not stop, and starts a fresh one for the next query', async () => {
    const fake = fakeInstance((sql) => (sql === 'long' ? 'stuck' : 'answer'))
    const engine = createConsoleEngine('x', { start: fake.start, graceMs: 20 })
    const run = engine.run('long', 60_000)
    await new Promise((r) => setTimeout(r, 10))
    engine.cancel()
    await expect(run).rejects.toMatchObject({ why: 'cancelled' })
    await expect(engine.run('short', 60_000)).resolves.toMatchObject({ rows: [{ n: 1 }, { n: 2 }] })
    expect(fake.log).toMatchObject({ started: 2, terminated: 1 })
  })

  it('a Cancel while the engine is still starting stops the query before it is sent', async () => {
    let release!: () => void
    const fake = fakeInstance(() => 'answer')
    const slowStart = async () => {
      await new Promise<void>((r) => (release = r))
      return fake.start()
    }
    const engine = createConsoleEngine('x', { start: slowStart })
    const run = engine.run('SELECT 1', 60_000)
    await new Promise((r) => setTimeout(r, 10))
    engine.cancel()
    await expect(run).rejects.toMatchObject({ why: 'cancelled' })
    release()
    await expect(engine.run('SELECT 1', 60_000)).resolves.toMatchObject({ rows: [{ n: 1 }, { n: 2 }] })
  })
})
