import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, type E2E } from './harness'

let e2e: E2E
beforeAll(async () => { e2e = await startE2E() })
afterAll(async () => { await e2e?.close() })

describe('缺报与异常 Coverage page in Chromium', () => {
  it('shows the coverage grid, missing per year and the findings; a finding opens the unit page', async () => {
    const p = await e2e.open('#/coverage?district=demo')
    await p.waitForEngine()
    await p.page.waitForSelector('[data-coverage-grid] td[data-status]')
    await p.waitForCharts(['coverage-by-year'])
    await p.page.waitForSelector('[data-findings-panel] .el-table__row')
    expect(await p.page.locator('[data-coverage-grid] td[data-status="missing"]').count()).toBeGreaterThan(0)
    await p.screenshot('coverage')
    await p.page.locator('[data-filter-level="error"]').check()
    await p.page.waitForFunction(() => location.hash.includes('level=error'))
    await p.page.waitForFunction(() => [...document.querySelectorAll('[data-findings-panel] .el-table__row')].every((r) => r.textContent?.includes('错误')))
    await p.page.locator('[data-findings-panel] .el-table__row').first().click()
    await p.page.waitForSelector('[data-view="unit"] [data-layout]')
    expect(await p.page.locator('[data-findings] [data-level="error"]').count()).toBeGreaterThan(0)
    p.expectClean()
    await p.page.close()
  })

  it('is readable on a 390-px phone', async () => {
    const p = await e2e.open('#/coverage?district=demo')
    await p.page.setViewportSize({ width: 390, height: 844 })
    await p.waitForEngine()
    await p.page.waitForSelector('[data-coverage-grid] td[data-status]')
    await p.waitForCharts(['coverage-by-year'])
    expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await p.screenshot('coverage-phone')
    p.expectClean()
    await p.page.close()
  })
})
