import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, type E2E } from './harness'

let e2e: E2E
beforeAll(async () => { e2e = await startE2E() })
afterAll(async () => { await e2e?.close() })

const unitPath = (unit: string, query: string) => `#/unit/${encodeURIComponent(unit)}?${query}`

describe('单位 Unit page in Chromium', () => {
  it('redraws the published 白奎镇 2021 report as the official tables, with provenance and trend', async () => {
    const p = await e2e.open(unitPath('白奎镇', 'district=hulan&year=2021'))
    await p.waitForEngine()
    await p.page.waitForSelector('[data-layout="gov2021.apply"]')
    await p.waitForCharts(['unit-trend'])
    // The sample prints 四、结转下年度继续办理 as seven blank cells.
    expect(await p.page.locator('td[data-key="apply.carry_forward.total"]').getAttribute('data-presence')).toBe('blank')
    expect(await p.page.locator('td[data-key="apply.new.total"]').textContent()).toBe('0')
    expect(await p.page.locator('[data-provenance]').textContent()).toContain('真实发布')
    expect(await p.page.locator('[data-prose="other"]').textContent()).toContain('2021年我镇无收取信息处理费情况')
    await p.screenshot('unit-hulan-baikui-2021')
    p.expectClean()
    await p.page.close()
  })

  it('marks broken arithmetic on the cells and explains a clicked cell (demo, A1)', async () => {
    const p = await e2e.open(unitPath('河滨街道', 'district=demo&year=2021'))
    await p.waitForEngine()
    await p.page.waitForSelector('td[data-level="error"]')
    const cell = p.page.locator('td[data-level="error"]').first()
    await cell.click()
    expect(await p.page.locator('[data-cell-explain]').textContent()).toMatch(/A1/)
    expect(await p.page.locator('[data-findings] [data-rule="A1"]').count()).toBeGreaterThan(0)
    await p.waitForCharts(['unit-trend'])
    await p.screenshot('unit-demo-error')
    await p.page.setViewportSize({ width: 390, height: 844 })
    await p.page.waitForTimeout(300)
    expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await p.screenshot('unit-demo-error-phone')
    p.expectClean()
    await p.page.close()
  })

  it('switches year with the year switcher and keeps it in the URL', async () => {
    const p = await e2e.open(unitPath('河滨街道', 'district=demo&year=2021&lang=en'))
    await p.waitForEngine()
    await p.page.waitForSelector('[data-year-switcher] button')
    await p.page.locator('[data-year-switcher] button', { hasText: '2022' }).first().click()
    await p.page.waitForFunction(() => location.hash.includes('year=2022'))
    await p.page.waitForSelector('[data-layout]')
    expect(await p.page.locator('[data-year-switcher] [aria-pressed="true"]').textContent()).toContain('2022')
    expect(await p.page.locator('.unit-view h3').first().textContent()).toContain('Official tables')
    p.expectClean()
    await p.page.close()
  })
})
