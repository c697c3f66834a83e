import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { setEngineFactory, useDbStore } from '~/stores/db'

let starts = 0
beforeEach(() => {
  setActivePinia(createPinia())
  starts = 0
  delete document.documentElement.dataset.firstChart
  setEngineFactory(async () => {
    starts++
    return { query: async () => [], exec: async () => {} }
  })
})
afterEach(() => vi.useRealTimers())

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('the engine starts after the first chart', () => {
  it('waits for <html data-first-chart="1">, then starts once', async () => {
    const db = useDbStore()
    db.startAfterFirstPaint(60_000)
    db.startAfterFirstPaint(60_000)
    await tick()
    expect(starts).toBe(0)
    expect(db.status).toBe('idle')
    document.documentElement.dataset.firstChart = '1'
    await tick()
    await tick()
    expect(starts).toBe(1)
    expect(db.status).toBe('ready')
  })
  it('starts after the longest wait when no chart is drawn', async () => {
    vi.useFakeTimers()
    const db = useDbStore()
    db.startAfterFirstPaint(1000)
    await vi.advanceTimersByTimeAsync(999)
    expect(starts).toBe(0)
    await vi.advanceTimersByTimeAsync(2)
    expect(starts).toBe(1)
  })
  it('starts at once when the first chart is already drawn, and a direct start() is not delayed', async () => {
    document.documentElement.dataset.firstChart = '1'
    const db = useDbStore()
    db.startAfterFirstPaint(60_000)
    await tick()
    expect(starts).toBe(1)
    setActivePinia(createPinia())
    delete document.documentElement.dataset.firstChart
    const other = useDbStore()
    other.startAfterFirstPaint(60_000)
    await other.start()
    expect(starts).toBe(2)
  })
})
