import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatCount } from '~/charts/format'
import type { DistrictSummary } from '~/db/summary'
import { E2E_DIST, startE2E, type E2E } from './harness'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

const index = () => (JSON.parse(readFileSync(join(E2E_DIST, 'data', 'index.json'), 'utf8')) as { districts: { id: string; db: string }[] }).districts
const summaryOf = (id: string) => JSON.parse(readFileSync(join(E2E_DIST, 'data', 'summary', `${id}.json`), 'utf8')) as DistrictSummary

interface Read { file: string; method: string; status: number; range: string | undefined; contentRange: string | undefined }

describe('one district database read by HTTP Range requests (?dbread=url)', () => {
  it("answers the overview from partial reads of the chosen district's file only, and reads the next district's file after a switch", async () => {
    const [first, second] = index()
    expect(second, 'the e2e data has at least two districts').toBeDefined()
    const reads: Read[] = []
    e2e.context.on('response', async (res) => {
      const path = new URL(res.url()).pathname
      // A service worker's precache of the opening district's file (registered when the engine is
      // ready, or later on a busy machine) is its own whole-file fetch, not the engine's reads.
      if (!path.endsWith('.duckdb') || res.request().serviceWorker()) return
      // Recorded at once, in arrival order (the request's full headers come a moment later).
      const read: Read = { file: path.slice(path.indexOf('/data/') + 1), method: res.request().method(), status: res.status(), range: undefined, contentRange: res.headers()['content-range'] }
      reads.push(read)
      read.range = (await res.request().allHeaders()).range
    })
    const expectRangeReadsOf = (file: string, from: number) => {
      const got = reads.slice(from)
      expect(got.filter((r) => r.method === 'GET').length, file).toBeGreaterThan(0)
      for (const r of got) {
        // Only the chosen district's file: never gov.duckdb (all districts), never another district's.
        expect(r.file, JSON.stringify(r)).toBe(`data/${file}`)
        if (r.method !== 'GET') continue
        expect(r.range, JSON.stringify(r)).toMatch(/^bytes=\d+-\d*$/)
        expect(r.status, JSON.stringify(r)).toBe(206)
        expect(r.contentRange, JSON.stringify(r)).toMatch(/^bytes \d+-\d+\/\d+$/)
      }
    }
    const expectKpiOf = async (id: string) => {
      const latest = [...summaryOf(id).by_year].reverse().find((y) => y.received > 0)!
      await p.page.waitForFunction(
        (want) => document.querySelector('[data-kpi="new"] [data-kpi-value]')?.textContent === want,
        formatCount(latest.metrics.new ?? null),
      )
    }

    /** Wait until no database read arrived for a second. */
    const settle = async () => {
      for (let n = -1; n !== reads.length; ) {
        n = reads.length
        await p.page.waitForTimeout(1000)
      }
    }

    const p = await e2e.open(`?dbread=url#/?district=${first!.id}`)
    await p.waitForEngine()
    await p.waitForCharts(['overview-trend', 'overview-outcomes'])
    await p.page.waitForSelector('html[data-queries="idle"]')
    expectRangeReadsOf(first!.db, 0)
    await expectKpiOf(first!.id)

    // Switch district in the same page: the engine detaches the first file and attaches the second.
    // First let the reads of the first district end: the engine confirms the prebuilt first
    // screen in the background, after the page reports its queries idle.
    await settle()
    const before = reads.length
    await p.page.evaluate((id) => (location.hash = `#/?district=${id}`), second!.id)
    await p.page.waitForFunction((id) => document.documentElement.getAttribute('data-queries') === 'idle' && location.hash.includes(id), second!.id)
    await p.waitForCharts(['overview-trend', 'overview-outcomes'])
    await p.page.waitForFunction(() => document.documentElement.getAttribute('data-queries') === 'idle')
    await expectKpiOf(second!.id)
    await settle()
    expectRangeReadsOf(second!.db, before)
    p.expectClean()
    await p.page.close()
  })
})
