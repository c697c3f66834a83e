import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, type E2E } from './harness'
import { clickChartUntil, hashOf, waitRedrawn } from './compare-clicks'

let e2e: E2E
beforeAll(async () => { e2e = await startE2E() })
afterAll(async () => { await e2e?.close() })

describe('主动公开 Active disclosure in Chromium', () => {
  it('renders format-separated panels; a unit click in the decisions ranking narrows the year panels', async () => {
    const p = await e2e.open('#/active?district=demo')
    await p.waitForEngine()
    await p.waitForCharts()
    const charts = await p.page.locator('[data-chart]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.chart))
    expect(charts).toContain('active-decisions-by-unit')
    expect(charts).toContain('active-decisions')
    await p.screenshot('active')
    await clickChartUntil(p.page, 'active-decisions-by-unit', (h) => h.includes('x_unit='), { xFraction: 0.3, fromY: 50 })
    const unit = /x_unit=([^&]+)/.exec(await hashOf(p.page))![1]!
    await p.page.waitForFunction((u) => document.querySelector('[data-card="active-decisions"] h2')?.textContent?.includes(u), unit)
    await waitRedrawn(p.page, 'active-decisions')
    p.expectClean()
    await p.page.close()
  })
})
