import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startE2E, type E2E } from './harness'
import { clickChartUntil, hashOf, waitRedrawn } from './compare-clicks'

let e2e: E2E
beforeAll(async () => { e2e = await startE2E() })
afterAll(async () => { await e2e?.close() })

describe('复议诉讼 Review & litigation in Chromium', () => {
  /** Scan the first panel along each row (px from the chart top) until a click sets the year crossfilter. */
  async function clickRows(page: Page, rows: number[]): Promise<void> {
    for (const y of rows) {
      try {
        return await clickChartUntil(page, 'appeal-by-year', (h) => h.includes('x_year='), { row: { y, fromX: 0.03, toX: 0.3 } })
      } catch {
        // no bar on this row: the next one
      }
    }
    throw new Error('no click inside appeal-by-year set the crossfilter')
  }

  it('renders the case-group panels and the correction ranking; a year click narrows the unit charts', async () => {
    const p = await e2e.open('#/appeal?district=demo')
    await p.waitForEngine()
    await p.waitForCharts(['appeal-by-year', 'appeal-by-unit', 'appeal-correction'])
    await p.screenshot('appeal')
    // Year panels sit side by side: scan rows across the first (行政复议) panel, from near its axis
    // upwards (where the axis lies depends on the legend's and title's rows), until a bar is hit.
    await clickRows(p.page, [300, 280, 260, 320, 240, 220, 340])
    const year = /x_year=(\d{4})/.exec(await hashOf(p.page))![1]!
    await p.page.waitForFunction((y) => document.querySelector('[data-card="appeal-correction"] h2')?.textContent?.includes(y), year)
    await waitRedrawn(p.page, 'appeal-correction')
    await waitRedrawn(p.page, 'appeal-by-unit')
    expect(await p.page.locator('[data-xf-year]').textContent()).toContain(year)
    p.expectClean()
    await p.page.close()
  })

  it('reads in English from a shared link', async () => {
    const p = await e2e.open('#/appeal?district=demo&lang=en')
    await p.waitForEngine()
    await p.waitForCharts(['appeal-by-year', 'appeal-by-unit', 'appeal-correction'])
    expect(await p.page.locator('[data-card="appeal-by-year"] h2').textContent()).toContain('Review & litigation by year')
    expect(await p.page.locator('[data-table="appeal-table"] th').first().textContent()).toContain('Unit')
    await p.screenshot('appeal-en')
    p.expectClean()
    await p.page.close()
  })
})
