/**
 * Accessibility (WCAG 2.1 AA) of every view in Chromium, checked by axe-core. axe is injected from
 * node_modules (never fetched), runs the wcag2a/wcag2aa/wcag21a/wcag21aa rules, and the test fails
 * on any serious or critical violation, naming the rule and the offending elements.
 */
import { createRequire } from 'node:module'
import type { AxeResults } from 'axe-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, type E2E, type TrackedPage } from './harness'

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const PINGTAN_UNIT = '平潭综合实验区公安局'

/** Every view, with the query that gives it data (pingtan, a year with reports). */
const VIEWS: { name: string; path: string }[] = [
  { name: 'overview', path: '#/?district=pingtan&year=2021' },
  { name: 'compare', path: '#/compare?district=pingtan&year=2021' },
  { name: 'outcomes', path: '#/outcomes?district=pingtan&year=2021' },
  { name: 'appeal', path: '#/appeal?district=pingtan&year=2021' },
  { name: 'active', path: '#/active?district=pingtan&year=2021' },
  { name: 'units', path: '#/units?district=pingtan&year=2021' },
  { name: 'unit', path: `#/unit/${encodeURIComponent(PINGTAN_UNIT)}?district=pingtan&year=2021` },
  { name: 'card', path: `#/card/${encodeURIComponent(PINGTAN_UNIT)}?district=pingtan&year=2021` },
  { name: 'briefing', path: '#/briefing?district=pingtan&year=2021' },
  { name: 'coverage', path: '#/coverage?district=pingtan&year=2021' },
  { name: 'data', path: '#/data?district=pingtan' },
  { name: 'check', path: '#/check?district=pingtan' },
  { name: 'my-reports', path: '#/my-reports?district=pingtan' },
]

let e2e: E2E
beforeAll(async () => { e2e = await startE2E() })
afterAll(async () => { await e2e?.close() })

/** Run axe on the page as it is; the serious and critical violations, one line per rule. */
async function seriousViolations(p: TrackedPage): Promise<string[]> {
  if (!(await p.page.evaluate(() => 'axe' in window))) await p.page.addScriptTag({ path: AXE_PATH })
  const results = await p.page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
  }) as AxeResults
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ')}]` : ''}`).join('; ')}${v.nodes.length > 5 ? ` … ${v.nodes.length} nodes` : ''}`)
}

/**
 * Headings, title and chart labels: one visible H1, no heading level skipped on the way down, a
 * document title naming the view, and every chart inside an image with a text alternative.
 */
async function structure(p: TrackedPage) {
  return p.page.evaluate(() => {
    const shown = (e: Element) => e.getClientRects().length > 0
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(shown).map((h) => ({ level: Number(h.tagName[1]), text: h.textContent?.trim() ?? '' }))
    const skips = levels.flatMap((h, i) => (i > 0 && h.level > levels[i - 1]!.level + 1 ? [`h${levels[i - 1]!.level} → h${h.level} ${h.text}`] : []))
    const unlabelledCharts = [...document.querySelectorAll('[data-chart]')].filter((c) => !c.closest('[role="img"][aria-label]')).length
    return { h1: levels.filter((h) => h.level === 1).length, skips, title: document.title, unlabelledCharts }
  })
}

/** Open a view and wait until its data is drawn (engine ready, queries idle, charts drawn). */
async function openSettled(path: string): Promise<TrackedPage> {
  const p = await e2e.open(path)
  await p.waitForEngine()
  await p.page.waitForFunction(() => document.documentElement.dataset.queries === 'idle')
  await p.page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-chart]')].every((c) => c.dataset.rendered === '1'))
  return p
}

describe('accessibility (axe-core, WCAG 2.1 AA) in Chromium', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const v of VIEWS) {
      it(`${v.name} (${lang}): no serious or critical violation`, async () => {
        const p = await openSettled(lang === 'en' ? `${v.path}&lang=en` : v.path)
        expect(await p.page.evaluate(() => document.documentElement.dataset.view)).toBe(v.name)
        expect(await seriousViolations(p)).toEqual([])
        const s = await structure(p)
        expect(s.h1).toBe(1)
        expect(s.skips).toEqual([])
        expect(s.title).toMatch(lang === 'en' ? / · Government Disclosure Annual Reports$/ : / · 政务公开年报看板$/)
        expect(s.unlabelledCharts).toBe(0)
        p.expectClean()
        await p.page.close()
      }, 90_000)
    }
  }

  it("cross-filters from the keyboard: a row of a chart's table view, Enter", async () => {
    const p = await openSettled('#/compare?district=pingtan&year=2021')
    const toggle = p.page.locator('[data-table-toggle="compare-ranking"]')
    await toggle.focus()
    await p.page.keyboard.press('Enter')
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    const row = p.page.locator('[data-chart-table="compare-ranking"] [data-chart-row]').first()
    const unit = (await row.textContent())!.trim()
    await row.focus()
    await p.page.keyboard.press('Enter')
    await p.page.waitForFunction((u) => new URLSearchParams(location.hash.split('?')[1]).get('x_unit') === u, unit)
    p.expectClean()
    await p.page.close()
  }, 90_000)
})
