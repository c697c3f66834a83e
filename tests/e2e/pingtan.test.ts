/**
 * The embedded real district 平潭综合实验区 in Chromium: the default on a first visit, and every view
 * renders it without an error panel, with a chart or a table drawn, and with no console error.
 * (The site is built from public/data: `npm run build:data` after data/ changes.)
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DistrictSummary } from '~/db/summary'
import { E2E_DIST, startE2E, type E2E, type TrackedPage } from './harness'

let e2e: E2E
beforeAll(async () => { e2e = await startE2E() })
afterAll(async () => { await e2e?.close() })

const summary = () => JSON.parse(readFileSync(join(E2E_DIST, 'data', 'summary', 'pingtan.json'), 'utf8')) as DistrictSummary

/** The view is there, no error panel, at least one chart drawn or one table row shown, nothing logged. */
async function expectRendered(p: TrackedPage, view: string): Promise<void> {
  await p.page.waitForSelector(`[data-view="${view}"]`)
  await p.page.waitForFunction(
    () =>
      document.querySelector('[data-chart][data-rendered="1"]') !== null ||
      document.querySelector('[data-view] table tbody tr, [data-view] .el-table__row') !== null,
    undefined,
    { timeout: 30_000 },
  )
  await p.page.waitForSelector('html[data-queries="idle"]')
  expect(await p.page.locator('[data-error-panel]').count(), `${view}: error panel`).toBe(0)
  expect(await p.page.locator('[data-synthetic-banner]').count(), `${view}: synthetic banner`).toBe(0)
  p.expectClean()
}

describe('平潭综合实验区 (real data) in Chromium', () => {
  it('is the district a first visit opens on, with its own figures', async () => {
    const index = JSON.parse(readFileSync(join(E2E_DIST, 'data', 'index.json'), 'utf8')) as { districts: { id: string }[] }
    expect(index.districts.map((d) => d.id), 'public/data is stale: run npm run build:data').toEqual(['pingtan', 'demo', 'hulan'])
    const p = await e2e.open('#/')
    await p.waitForEngine()
    await p.waitForCharts(['overview-trend', 'overview-outcomes'])
    expect(await p.page.locator('[data-filter="district"]').textContent()).toContain('平潭综合实验区')
    const latest = [...summary().by_year].reverse().find((y) => y.received > 0)!
    expect(await p.page.locator('h2').first().textContent()).toContain(String(latest.year))
    await expectRendered(p, 'overview')
    await p.screenshot('pingtan-overview')
    await p.page.close()
  })

  const views: [string, string][] = [
    ['compare', '#/compare?district=pingtan'],
    ['outcomes', '#/outcomes?district=pingtan'],
    ['appeal', '#/appeal?district=pingtan'],
    ['active', '#/active?district=pingtan'],
    ['coverage', '#/coverage?district=pingtan'],
  ]
  for (const [view, path] of views) {
    it(`renders the ${view} view`, async () => {
      const p = await e2e.open(path)
      await p.waitForEngine()
      await p.waitForCharts()
      await expectRendered(p, view)
      if (view === 'coverage') {
        // received and 未收录 (not_collected) only: every unit-year not collected is shown as such, none as 未发布.
        const grid = p.page.locator('[data-coverage-grid]')
        expect(await grid.locator('td[data-status="received"]').count()).toBe(109)
        expect(await grid.locator('td[data-status="not_collected"]').count()).toBe(17)
        expect(await grid.locator('td[data-status="not_published"]').count()).toBe(0)
      }
      await p.screenshot(`pingtan-${view}`)
      await p.page.close()
    })
  }

  it('renders the open-data view and answers SQL on the real district', async () => {
    const p = await e2e.open('#/data?district=pingtan')
    await p.waitForEngine()
    await p.page.waitForSelector('[data-downloads] tbody tr')
    await p.page.locator('[data-sql-input]').fill(`SELECT "year", COUNT(*) AS n FROM reports WHERE district = 'pingtan' GROUP BY "year" ORDER BY "year"`)
    await p.page.locator('[data-run]').click()
    await p.page.waitForSelector('[data-table="sql-result"] .el-table__row')
    expect(await p.page.locator('[data-table="sql-result"] .el-table__row').count()).toBe(7)
    await expectRendered(p, 'data')
    await p.screenshot('pingtan-data')
    await p.page.close()
  })

  it('renders a unit page: the report redrawn, its cells read, its source page and date', async () => {
    const p = await e2e.open(`#/unit/${encodeURIComponent('平潭综合实验区公安局')}?district=pingtan&year=2021`)
    await p.waitForEngine()
    await p.page.waitForSelector('[data-layout="gov2021.apply"]')
    await p.waitForCharts(['unit-trend'])
    // c001 in the corpus: one application by a natural person.
    expect(await p.page.locator('td[data-key="apply.new.natural_person"]').textContent()).toBe('1')
    const provenance = p.page.locator('[data-provenance]')
    expect(await provenance.textContent()).toContain('真实发布')
    expect(await provenance.textContent()).toContain('200')
    expect(await provenance.locator('[data-source-url]').getAttribute('href')).toBe('https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqgaj/zfxxgknb/202201/t20220114_80607.htm')
    expect(await provenance.locator('[data-published-at]').textContent()).toMatch(/^2022-01-\d\d$/)
    await expectRendered(p, 'unit')
    await p.screenshot('pingtan-unit')
    await p.page.close()
  })
})
