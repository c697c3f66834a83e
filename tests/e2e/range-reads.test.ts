import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, type E2E } from './harness'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

describe('database read by HTTP Range requests (?dbread=url)', () => {
  it('answers the overview from partial reads of gov.duckdb, never a whole download', async () => {
    const reads: { status: number; range: string | undefined; contentRange: string | undefined }[] = []
    e2e.context.on('response', async (res) => {
      if (!res.url().includes('gov.duckdb') || res.request().method() !== 'GET') return
      const headers = await res.request().allHeaders()
      reads.push({ status: res.status(), range: headers.range, contentRange: res.headers()['content-range'] })
    })
    const p = await e2e.open('?dbread=url#/')
    await p.waitForEngine()
    await p.waitForCharts(['overview-trend', 'overview-outcomes'])
    await p.page.waitForSelector('html[data-queries="idle"]')
    expect(reads.length).toBeGreaterThan(0)
    for (const r of reads) {
      expect(r.range, JSON.stringify(r)).toMatch(/^bytes=\d+-\d*$/)
      expect(r.status, JSON.stringify(r)).toBe(206)
      expect(r.contentRange, JSON.stringify(r)).toMatch(/^bytes \d+-\d+\/\d+$/)
    }
    p.expectClean()
    await p.page.close()
  })
})
