/**
 * Every view paints before the engine, from the data build's prebuilt results (src/db/prebuilt.ts),
 * with the numbers the engine gives: each view is opened with the engine's wasm held back (the
 * request never answered) and its charts must draw, with the same chart summaries and KPIs as the
 * same view once the engine has run every query. When the engine arrives after the prebuilt paint
 * and agrees, no chart is set again (no flicker); when prebuilt rows differ from the engine's
 * (a doctored file), the engine's numbers replace them.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaticServer } from '../../scripts/serve-static'
import { serveWithoutWorker, track, type TrackedPage } from './harness'

let server: StaticServer
let context: BrowserContext
let close: (() => Promise<void>) | undefined

// No service worker: it would answer requests before the test's routes see them.
beforeAll(async () => void ({ server, context, close } = await serveWithoutWorker()))
afterAll(async () => close?.())

const VIEWS: [name: string, path: string][] = [
  ['overview', '#/'], ['compare', '#/compare'], ['outcomes', '#/outcomes'], ['appeal', '#/appeal'], ['active', '#/active'], ['coverage', '#/coverage'],
  ['overview, a kind and a year', '#/?year=2022&kind=%E9%83%A8%E9%97%A8'], ['compare, another year', '#/compare?year=2021'],
  ['unit page', `#/unit/${encodeURIComponent('平潭综合实验区公安局')}`], ['unit page, another year', `#/unit/${encodeURIComponent('平潭综合实验区公安局')}?year=2020`],
]

/** What the page shows in numbers: each chart's generated summary (its text alternative), each KPI's text, the unit page's official tables. */
async function shownNumbers(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {}
    for (const c of document.querySelectorAll<HTMLElement>('[data-chart]')) out[`chart ${c.dataset.chart}`] = c.closest('.echart')?.querySelector('[role="img"]')?.getAttribute('aria-label') ?? c.closest('[aria-label]')?.getAttribute('aria-label') ?? ''
    for (const k of document.querySelectorAll<HTMLElement>('[data-kpi]')) out[`kpi ${k.dataset.kpi}`] = k.textContent?.replace(/\s+/g, ' ').trim() ?? ''
    // The unit page's report, redrawn as its official tables.
    const tables = document.querySelector('[data-official-tables]')
    if (tables) out.tables = tables.textContent?.replace(/\s+/g, ' ').trim() ?? ''
    return out
  })
}

/** Open `path` with the engine's wasm held until `release()` (never, if not called). */
async function openHeld(path: string): Promise<{ p: TrackedPage; release: () => void }> {
  const page = await context.newPage()
  const p = await track(page, server.url)
  const held: (() => void)[] = []
  let released = false
  await page.route(/\.wasm$/, (route) => {
    if (released) return route.continue()
    held.push(() => void route.continue().catch(() => {}))
  })
  await page.goto(server.url + path)
  return { p, release: () => ((released = true), held.splice(0).forEach((go) => go())) }
}

/** Every chart drawn, no query running or confirming. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const h = document.documentElement.dataset
    const charts = [...document.querySelectorAll<HTMLElement>('[data-chart]')]
    return h.engine === 'ready' && h.queries !== 'busy' && h.confirming !== 'busy' && charts.length > 0 && charts.every((c) => c.dataset.rendered === '1')
  }, null, { timeout: 120_000 })
}

const setOptionsAfterEngine = (page: Page) =>
  page.evaluate(() => {
    const measures = performance.getEntriesByType('measure')
    const attach = measures.find((m) => m.name === 'gov:engine:attach')
    const ready = attach ? attach.startTime + attach.duration : Infinity
    return measures.filter((m) => m.name.startsWith('gov:setOption:') && m.startTime >= ready).map((m) => m.name)
  })

describe('every view paints from prebuilt results before the engine', () => {
  for (const [name, path] of VIEWS) {
    it(`${name}: charts drawn with the engine held back show the engine's numbers`, async () => {
      const live = await context.newPage()
      const lp = await track(live, server.url)
      await live.goto(server.url + path)
      await settled(live)
      const truth = await shownNumbers(live)
      const charts = await live.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-chart]')].map((c) => c.dataset.chart!))
      lp.expectClean()
      await live.close()
      expect(charts.length).toBeGreaterThan(0)

      const held = await openHeld(path)
      await held.p.waitForFirstChart(30_000)
      await held.p.waitForCharts(charts, 30_000)
      // Charts drawn; tables (the unit page's report) may follow a moment later — still without the engine.
      await expect.poll(() => shownNumbers(held.p.page), { timeout: 15_000 }).toEqual(truth)
      expect(await held.p.page.evaluate(() => document.documentElement.dataset.engine)).toBe('loading')
      held.p.expectClean()
      await held.p.page.close()
    })
  }

  it('when the engine arrives after the prebuilt paint and agrees, no chart is set again (rows in the same order too)', async () => {
    for (const [, path] of VIEWS) {
      const held = await openHeld(path)
      await held.p.waitForCharts(undefined, 30_000)
      held.release()
      await settled(held.p.page)
      // Charts set after the engine attached the database: those the engine's rows caused.
      expect(await setOptionsAfterEngine(held.p.page), path).toEqual([])
      held.p.expectClean()
      await held.p.page.close()
    }
  })

  it('prebuilt rows that differ from the engine\'s are replaced by the engine\'s', async () => {
    const live = await context.newPage()
    await live.goto(`${server.url}#/?year=2022&kind=%E9%83%A8%E9%97%A8`)
    await settled(live)
    const truth = await shownNumbers(live)
    await live.close()

    const page = await context.newPage()
    const p = await track(page, server.url)
    // Every number in the overview's prebuilt files doubled (digest kept): what a wrong prebuilt answer would look like.
    await page.route(/prebuilt\/[^/]+\/overview(\.more)?\.json$/, async (route) => {
      const res = await route.fetch()
      const file = (await res.json()) as { results: Record<string, Record<string, unknown>[]> }
      for (const rows of Object.values(file.results)) for (const r of rows) for (const k of Object.keys(r)) if (typeof r[k] === 'number' && k !== 'year') r[k] = (r[k] as number) * 2 + 1
      await route.fulfill({ response: res, json: file })
    })
    let releaseWasm!: () => void
    const wasmHeld = new Promise<void>((r) => (releaseWasm = r))
    await page.route(/\.wasm$/, async (route) => {
      await wasmHeld
      await route.continue()
    })
    await page.goto(`${server.url}#/?year=2022&kind=%E9%83%A8%E9%97%A8`)
    await p.waitForCharts(undefined, 30_000)
    expect(await shownNumbers(page)).not.toEqual(truth)
    releaseWasm()
    await settled(page)
    expect(await shownNumbers(page)).toEqual(truth)
    p.expectClean()
    await page.close()
  })
})
