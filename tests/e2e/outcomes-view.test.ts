import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, type E2E } from './harness'
import { clickChartUntil, hashOf, waitRedrawn } from './compare-clicks'

let e2e: E2E
beforeAll(async () => { e2e = await startE2E() })
afterAll(async () => { await e2e?.close() })

describe('办理结果 Outcomes in Chromium', () => {
  it('renders the stacks and the sankey; a unit click narrows the year chart and the sankey', async () => {
    const p = await e2e.open('#/outcomes?district=demo')
    await p.waitForEngine()
    await p.waitForCharts(['outcomes-by-unit', 'outcomes-by-year', 'outcomes-sankey'])
    await p.screenshot('outcomes')
    await clickChartUntil(p.page, 'outcomes-by-unit', (h) => h.includes('x_unit='), { xFraction: 0.35, fromY: 70 })
    const unit = /x_unit=([^&]+)/.exec(await hashOf(p.page))![1]!
    await p.page.waitForFunction((u) => document.querySelector('[data-card="outcomes-by-year"] h2')?.textContent?.includes(u), unit)
    await waitRedrawn(p.page, 'outcomes-by-year')
    await waitRedrawn(p.page, 'outcomes-sankey')
    expect(await p.page.locator('[data-card="outcomes-sankey"] h2').textContent()).toContain(unit)
    await p.page.locator('[data-toggle="mode"] [data-value="share"]').click()
    await p.page.waitForFunction(() => location.hash.includes('mode=share'))
    await waitRedrawn(p.page, 'outcomes-by-year')
    await p.screenshot('outcomes-share-unit')
    p.expectClean()
    await p.page.close()
  })
})
