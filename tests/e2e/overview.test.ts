import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DistrictSummary } from '~/db/summary'
import { formatCount } from '~/charts/format'
import { E2E_DIST, startE2E, type E2E } from './harness'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

const summaryOf = (id: string) => JSON.parse(readFileSync(join(E2E_DIST, 'data', 'summary', `${id}.json`), 'utf8')) as DistrictSummary
const firstDistrict = () => (JSON.parse(readFileSync(join(E2E_DIST, 'data', 'index.json'), 'utf8')) as { districts: { id: string }[] }).districts[0]!.id

describe('总览 Overview in Chromium', () => {
  it('draws the first chart from the summary, starts the engine, and shows the summary numbers', async () => {
    const p = await e2e.open('#/')
    await p.waitForFirstChart()
    await p.waitForEngine()
    await p.waitForCharts(['overview-trend', 'overview-outcomes'])
    const summary = summaryOf(firstDistrict())
    // The overview opens on the latest year with a report received (useScope).
    const latest = [...summary.by_year].reverse().find((y) => y.received > 0)!
    expect(await p.page.locator('[data-kpi="new"] [data-kpi-value]').textContent()).toBe(formatCount(latest.metrics.new ?? null))
    if (summary.synthetic) expect(await p.page.locator('[data-synthetic-banner]').isVisible()).toBe(true)
    await p.screenshot('overview')
    p.expectClean()
    await p.page.close()
  })

  it('a shared link with filters reproduces the view; a unit-kind filter is answered by the engine', async () => {
    const summary = summaryOf(firstDistrict())
    const year = summary.by_year[0]!.year
    const p = await e2e.open(`#/?year=${year}&kind=${encodeURIComponent('街道')}&lang=en`)
    await p.waitForEngine()
    await p.waitForCharts(['overview-trend', 'overview-outcomes'])
    await p.page.waitForSelector('[data-kpi="new"]')
    expect(await p.page.locator('h2').first().textContent()).toContain(`Key figures ${year}`)
    expect(await p.page.locator('[data-nav="overview"]').textContent()).toBe('Overview')
    await p.screenshot('overview-en-streets')
    p.expectClean()
    await p.page.close()
  })

  it('changing the year in the header updates the URL and the KPIs', async () => {
    const summary = summaryOf(firstDistrict())
    if (summary.by_year.length < 2) return
    const p = await e2e.open('#/')
    await p.waitForEngine()
    await p.waitForCharts()
    const target = summary.by_year.at(-2)!
    await p.page.locator('[data-filter="year"]').click()
    await p.page.locator('.el-select-dropdown__item', { hasText: String(target.year) }).first().click()
    await p.page.waitForFunction((y) => location.hash.includes(`year=${y}`), target.year)
    await p.page.waitForFunction(
      (want) => document.querySelector('[data-kpi="new"] [data-kpi-value]')?.textContent === want,
      formatCount(target.metrics.new ?? null),
    )
    p.expectClean()
    await p.page.close()
  })
})
