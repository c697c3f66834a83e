/**
 * The first screen's downloads start with the page, not after index.json and the shell's
 * JavaScript (scripts/first-screen-hints.ts + the prefetch script in index.html): with index.json
 * held back, the opening district's summary and prebuilt file and the view's own chunk are already
 * asked for. A link to another district asks for that district's files, never the opening one's.
 * And the views' other charts and tables draw after the first chart (src/charts/first-chart.ts),
 * not in its task.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaticServer } from '../../scripts/serve-static'
import { serveWithoutWorker, track } from './harness'

let server: StaticServer
let context: BrowserContext
let close: (() => Promise<void>) | undefined

// No service worker: it would answer requests before the test's routes see them.
beforeAll(async () => void ({ server, context, close } = await serveWithoutWorker()))
afterAll(async () => close?.())

/** Open `path` with index.json held back; returns the page, the paths asked for so far, and a release. */
async function openWithIndexHeld(path: string): Promise<{ page: Page; asked: string[]; release: () => void }> {
  const page = await context.newPage()
  await track(page, server.url)
  const asked: string[] = []
  page.on('request', (r) => asked.push(new URL(r.url()).pathname))
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/data\/index\.json$/, async (route) => {
    await held
    await route.continue().catch(() => {})
  })
  // When the first chart is set: how many tables are still waiting to draw.
  await page.addInitScript(`new MutationObserver((_, o) => {
    if (document.documentElement.dataset.firstChart !== '1') return
    window.__pendingAtFirstChart = document.querySelectorAll('[data-table-pending]').length
    window.__tablesAtFirstChart = document.querySelectorAll('.el-table').length
    window.__chartsSetAtFirstChart = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('gov:setOption:')).map((m) => m.name)
    o.disconnect()
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-first-chart'] })`)
  await page.goto(server.url + path)
  return { page, asked, release }
}

describe('the first screen', () => {
  it('asks for the opening district’s summary, the view’s prebuilt file and its chunk before index.json has arrived', async () => {
    const { page, asked, release } = await openWithIndexHeld('#/compare')
    await expect.poll(() => asked.some((p) => p.endsWith('/data/prebuilt/pingtan/compare.json')), { timeout: 30_000 }).toBe(true)
    expect(asked.some((p) => p.endsWith('/data/summary/pingtan.json'))).toBe(true)
    expect(asked.some((p) => /\/assets\/CompareView-[\w-]+\.js$/.test(p))).toBe(true)
    release()
    await page.waitForFunction(() => document.documentElement.dataset.firstChart === '1', null, { timeout: 60_000 })
    // The ranking table was held back while the first chart drew, then drew.
    expect(await page.evaluate(() => (window as unknown as { __pendingAtFirstChart: number }).__pendingAtFirstChart)).toBeGreaterThan(0)
    expect(await page.evaluate(() => (window as unknown as { __tablesAtFirstChart: number }).__tablesAtFirstChart)).toBe(0)
    // …and so were the other charts: only the first had its option set.
    expect(await page.evaluate(() => (window as unknown as { __chartsSetAtFirstChart: string[] }).__chartsSetAtFirstChart)).toHaveLength(1)
    await page.waitForSelector('[data-table="compare-table"] .el-table__row', { timeout: 30_000 })
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-chart]')].every((c) => c.dataset.rendered === '1'), null, { timeout: 30_000 })
    expect(await page.locator('[data-table-pending]').count()).toBe(0)
    await page.close()
  })

  it('a link to another district asks for that district’s files, not the opening district’s', async () => {
    const { page, asked, release } = await openWithIndexHeld('#/?district=hulan')
    // Nothing of pingtan's is guessed; hulan's files wait for index.json (its paths are in there).
    await page.waitForTimeout(500)
    expect(asked.filter((p) => p.includes('/pingtan'))).toEqual([])
    release()
    await page.waitForFunction(() => document.documentElement.dataset.firstChart === '1', null, { timeout: 60_000 })
    expect(asked.some((p) => p.endsWith('/data/summary/hulan.json'))).toBe(true)
    expect(asked.filter((p) => p.includes('/pingtan'))).toEqual([])
    await page.close()
  })
})
