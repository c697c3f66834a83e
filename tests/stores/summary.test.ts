import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useSummaryStore } from '~/stores/summary'

const INDEX = { districts: [{ id: 'a', name: '甲区', synthetic: false, summary: 'summary/a.json' }, { id: 'b', name: '乙区', synthetic: true, summary: 'summary/b.json' }] }
const summaryOf = (id: string) => ({ district: id, name: id, years: [2021], by_year: [], by_unit_year: [], units: [], synthetic: id === 'b' })

function stubFetch(files: Record<string, unknown>) {
  const seen: string[] = []
  vi.stubGlobal('fetch', async (url: string) => {
    seen.push(url)
    const body = files[url]
    return body === undefined
      ? new Response('not found', { status: 404 })
      : new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200 })
  })
  return seen
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('useSummaryStore', () => {
  it('loads the index once and the first district by default', async () => {
    const seen = stubFetch({ 'data/index.json': INDEX, 'data/summary/a.json': summaryOf('a'), 'data/summary/b.json': summaryOf('b') })
    const s = useSummaryStore()
    await s.load(null)
    expect(s.status).toBe('ready')
    expect(s.summary?.district).toBe('a')
    await s.load('b')
    await s.load('a')
    expect(s.summary?.district).toBe('a')
    expect(seen.filter((u) => u === 'data/index.json')).toHaveLength(1)
    expect(seen.filter((u) => u === 'data/summary/a.json')).toHaveLength(1)
  })
  it('two loads of one district at once share one download (the app loads on mount and again when the address is read)', async () => {
    const seen = stubFetch({ 'data/index.json': INDEX, 'data/summary/b.json': summaryOf('b') })
    const s = useSummaryStore()
    await Promise.all([s.load('b'), s.load('b')])
    expect(s.summary?.district).toBe('b')
    expect(seen.filter((u) => u === 'data/summary/b.json')).toHaveLength(1)
  })
  it('names the missing file and the unknown district', async () => {
    stubFetch({ 'data/index.json': INDEX })
    const s = useSummaryStore()
    await s.load('a')
    expect(s.status).toBe('error')
    expect(s.error).toMatch(/data\/summary\/a\.json: HTTP 404/)
    await s.load('zz')
    expect(s.error).toMatch(/Unknown district "zz" \(known: a, b\)/)
  })
  it('reports a broken JSON file by name instead of crashing', async () => {
    stubFetch({ 'data/index.json': '{"districts": [' })
    const s = useSummaryStore()
    await s.load(null)
    expect(s.status).toBe('error')
    expect(s.error).toMatch(/data\/index\.json is not valid JSON/)
  })
})
