import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { AxeResults } from 'axe-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Request } from 'playwright-core'
import type { DistrictSummary } from '~/db/summary'
import { formatCount, formatShare } from '~/charts/format'
import { E2E_DIST, startE2E, type E2E, type TrackedPage } from './harness'

/**
 * 省级对比 in Chromium on the built site: it paints from national.json (numbers checked against
 * each district's own summary JSON, which the 总览 paints from), never asks for the engine's wasm
 * or the database, and a district click opens that district's 总览.
 */
let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

const summaryOf = (id: string) => JSON.parse(readFileSync(join(E2E_DIST, 'data', 'summary', `${id}.json`), 'utf8')) as DistrictSummary
const yearOf = (id: string, year: number) => summaryOf(id).by_year.find((y) => y.year === year)!

/**
 * Every URL the page or its workers ask for from before the page opens (the browser context sees
 * them all), to show the page never fetched the engine (wasm, worker, database file). A service
 * worker's precache is left out: an earlier page of the shared context may have registered it, and
 * it fills its cache in the background by design (docs/deploy.md), whatever page is open.
 */
async function openTracked(path: string): Promise<{ p: TrackedPage; urls: string[] }> {
  const urls: string[] = []
  const listen = (r: Request) => void (r.serviceWorker() ? null : urls.push(r.url()))
  e2e.context.on('request', listen)
  const p = await e2e.open(path)
  p.page.on('close', () => e2e.context.off('request', listen))
  return { p, urls }
}
const ENGINE_FILES = /\.wasm|duckdb|\.parquet/i

const text = async (p: TrackedPage, sel: string) => ((await p.page.locator(sel).first().textContent()) ?? '').trim()

describe('省级对比 Province view in Chromium', () => {
  it('lists provinces from national.json with their totals, marks a province below the coverage threshold, and starts no engine', async () => {
    const { p, urls } = await openTracked('#/province?year=2021')
    await p.waitForCharts(['province-ranking', 'province-coverage'])
    expect(await p.page.getAttribute('html', 'data-view')).toBe('province')
    const pt = yearOf('pingtan', 2021)
    const fj = '[data-row-key="福建省"]'
    expect(await text(p, `${fj} [data-metric="reports"]`)).toBe(`${pt.received}/${pt.expected}`)
    expect(`${pt.received}/${pt.expected}`).toBe('16/18')
    expect(await text(p, `${fj} [data-metric="new"]`)).toBe(formatCount(pt.metrics.new ?? null))
    expect(await text(p, `${fj} [data-metric="granted_share"]`)).toContain(formatShare(pt.metrics.granted_share ?? null))
    expect(await p.page.locator(fj).getAttribute('data-low')).toBeNull()
    const hl = '[data-row-key="黑龙江省"]'
    expect(await p.page.locator(hl).getAttribute('data-low')).toBe('1')
    expect(await text(p, `${hl} [data-metric="reports"]`)).toBe('1/28 基于 1/28 份报告')
    // the synthetic district's province is listed apart and labelled, and kept out of the national total
    expect(await text(p, '[data-row-key="示例省（虚构）·示例"] [data-open]')).toBe('示例省（虚构） · 示例数据')
    // 17 of 46 reports nationally: below the threshold, so the total says what it rests on
    const nation = `${pt.received + 1}/${pt.expected + 28}`
    expect(await text(p, '[data-row="total"] [data-metric="reports"]')).toBe(`${nation} 基于 ${nation} 份报告`)
    expect(urls.some((u) => u.endsWith('data/national.json'))).toBe(true)
    expect(urls.filter((u) => ENGINE_FILES.test(u))).toEqual([])
    expect(await p.page.getAttribute('[data-engine-status]', 'data-engine-status')).toBe('idle')
    await p.screenshot('province-nation')
    p.expectClean()
    await p.page.close()
  })

  it('compares 福建省\'s districts and opens 平潭\'s 总览 on a click', async () => {
    const { p, urls } = await openTracked(`#/province/${encodeURIComponent('福建省')}?year=2021`)
    await p.waitForCharts(['province-ranking', 'province-coverage'])
    const pt = yearOf('pingtan', 2021)
    const row = '[data-row-key="pingtan"]'
    expect(await text(p, `${row} [data-metric="reports"]`)).toBe('16/18')
    expect(await text(p, `${row} [data-metric="new"]`)).toBe(formatCount(pt.metrics.new ?? null))
    expect(await text(p, `${row} [data-metric="decided"]`)).toBe(formatCount(pt.metrics.decided ?? null))
    expect(await text(p, `${row} [data-metric="review"]`)).toBe(formatCount(pt.metrics.review ?? null))
    expect(await text(p, '[data-kpi="reports"] [data-kpi-value]')).toBe('16/18')
    expect(await text(p, '[data-kpi="new"] [data-kpi-value]')).toBe(formatCount(pt.metrics.new ?? null))
    expect(urls.filter((u) => ENGINE_FILES.test(u))).toEqual([])
    await p.screenshot('province-fujian')
    await p.page.locator(`${row} [data-open]`).click()
    await p.page.waitForFunction(() => document.documentElement.dataset.view === 'overview' && location.hash.includes('district=pingtan'))
    expect(p.page.url()).toContain('year=2021')
    await p.page.waitForFunction((want) => document.querySelector('[data-kpi="new"] [data-kpi-value]')?.textContent === want, formatCount(pt.metrics.new ?? null))
    expect(await text(p, '[data-filter="district"]')).toContain('平潭综合实验区')
    // the 总览 needs the engine: it starts now
    await p.waitForEngine()
    p.expectClean()
    await p.page.close()
  })

  it('shows 黑龙江省/呼兰区 greyed "基于 1/28 份报告", and a click on it opens 呼兰区\'s 总览', async () => {
    const { p, urls } = await openTracked(`#/province/${encodeURIComponent('黑龙江省')}?year=2021`)
    await p.waitForCharts(['province-ranking', 'province-coverage'])
    const row = '[data-row-key="hulan"]'
    expect(await p.page.locator(row).getAttribute('data-low')).toBe('1')
    expect(await text(p, `${row} [data-metric="reports"]`)).toBe('1/28 基于 1/28 份报告')
    expect(await text(p, '[data-area-low]')).toContain('基于 1/28 份报告')
    // the district row's name, with its city
    expect(await text(p, `${row} [data-open]`)).toBe('呼兰区')
    expect(await text(p, `${row} td`)).toBe('哈尔滨市')
    expect(urls.filter((u) => ENGINE_FILES.test(u))).toEqual([])
    await p.screenshot('province-heilongjiang')
    await p.page.locator(`${row} [data-open]`).click()
    await p.page.waitForFunction(() => document.documentElement.dataset.view === 'overview' && location.hash.includes('district=hulan'))
    await p.page.waitForSelector('[data-kpi-suppressed]')
    expect(await text(p, '[data-filter="district"]')).toContain('呼兰区')
    p.expectClean()
    await p.page.close()
  })

  // The a11y suite waits for the engine on every view, which this view never starts: its axe run is here.
  for (const lang of ['zh', 'en'] as const) {
    it(`has no serious or critical WCAG 2.1 AA violation, one H1 and no skipped heading level (${lang})`, async () => {
      const p = await e2e.open(`#/province/${encodeURIComponent('福建省')}?year=2021${lang === 'en' ? '&lang=en' : ''}`)
      await p.waitForCharts(['province-ranking', 'province-coverage'])
      await p.page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') })
      const results = (await p.page.evaluate(async () => {
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
        return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
      })) as AxeResults
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`)
      expect(serious).toEqual([])
      const levels = await p.page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4')].filter((h) => h.getClientRects().length > 0).map((h) => Number(h.tagName[1])))
      expect(levels.filter((l) => l === 1)).toHaveLength(1)
      expect(levels.filter((l, i) => i > 0 && l > levels[i - 1]! + 1)).toEqual([])
      expect(await p.page.title()).toMatch(lang === 'en' ? /^Provinces · / : /^省级对比 · /)
      p.expectClean()
      await p.page.close()
    }, 90_000)
  }
})
