import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, type E2E } from './harness'

/**
 * Issue 10 in Chromium on the built site and the real data build: the unit page shows the chosen
 * year's state, parameters that do not fit are corrected with a notice, thin coverage suppresses
 * district KPIs, and every missing unit-year is a finding.
 */
let e2e: E2E
beforeAll(async () => { e2e = await startE2E() })
afterAll(async () => { await e2e?.close() })

const unitPath = (unit: string, query: string) => `#/unit/${encodeURIComponent(unit)}?${query}`
const htmlView = (p: { page: import('playwright-core').Page }) => p.page.evaluate(() => document.documentElement.dataset.view)

describe('honest numbers (issue 10) in Chromium', () => {
  it('unit page: 青山镇 2024 (not published) shows that year’s state, not the 2025 tables', async () => {
    const p = await e2e.open(unitPath('青山镇', 'district=demo&year=2024'))
    await p.waitForEngine()
    await p.page.waitForSelector('[data-missing-year]')
    expect(await htmlView(p)).toBe('unit')
    expect(await p.page.locator('[data-report-year]').count()).toBe(0)
    expect(await p.page.locator('[data-missing-year]').getAttribute('data-status')).toBe('not_published')
    expect(await p.page.locator('[data-missing-year]').textContent()).toContain('2024 年未收到报告')
    expect(await p.page.locator('[data-year-switcher] button[data-year="2024"]').getAttribute('data-status')).toBe('not_published')
    // Its finding is listed on the page at warn level.
    await p.page.waitForSelector('[data-findings] [data-rule="not_published"]')
    // Choosing 2025 in the switcher shows the 2025 tables, marked as such.
    await p.page.locator('[data-year-switcher] button[data-year="2025"]').first().click()
    await p.page.waitForSelector('[data-report-year="2025"] [data-layout]')
    await p.screenshot('issue10-unit-missing-year')
    p.expectClean()
    await p.page.close()
  })

  it('unit page: a registered 呼兰 unit without reports shows its registry entry and coverage row; an unknown name its own message', async () => {
    const p = await e2e.open(unitPath('白奎镇', 'district=hulan&year=2023'))
    await p.waitForEngine()
    await p.page.waitForSelector('[data-missing-year]')
    expect(await p.page.locator('[data-missing-year]').getAttribute('data-status')).toBe('not_collected')
    expect(await p.page.locator('[data-report-year]').count()).toBe(0)
    const q = await e2e.open(unitPath('长岭街道', 'district=hulan'))
    await q.waitForEngine()
    await q.page.waitForSelector('[data-registry]')
    expect(await q.page.locator('[data-registry-progress]').textContent()).toBe('0/7')
    expect(await q.page.locator('[data-year-switcher] button[data-status="not_collected"]').count()).toBe(7)
    expect(await q.page.locator('[data-empty]').count()).toBe(0)
    await q.screenshot('issue10-unit-registered-no-report')
    const r = await e2e.open(unitPath('不存在镇', 'district=hulan'))
    await r.waitForEngine()
    await r.page.waitForSelector('[data-unknown-unit]')
    expect(await r.page.locator('[data-unit-search]').count()).toBe(1)
    for (const x of [p, q, r]) {
      x.expectClean()
      await x.page.close()
    }
  })

  it('an unknown district falls back with a notice; compare then draws; metric=bogus and year=2030 are corrected with notices', async () => {
    const p = await e2e.open('#/compare?district=nowhere&metric=bogus&year=2030')
    await p.waitForEngine()
    await p.page.waitForSelector('[data-param-notice="district"]')
    await p.waitForCharts(['compare-ranking', 'compare-heatmap'])
    expect(await p.page.locator('[data-error-panel]').count()).toBe(0)
    expect(await htmlView(p)).toBe('compare')
    const hash = await p.page.evaluate(() => location.hash)
    expect(hash).not.toContain('district=nowhere')
    const q = await e2e.open('#/compare?district=demo&metric=bogus&year=2030')
    await q.waitForEngine()
    await q.page.waitForSelector('[data-param-notice="metric"]')
    await q.page.waitForSelector('[data-param-notice="year"]')
    await q.waitForCharts(['compare-ranking', 'compare-heatmap'])
    expect(await q.page.locator('[data-error-panel]').count()).toBe(0)
    expect(await q.page.evaluate(() => location.hash)).not.toMatch(/metric=bogus|year=2030/)
    await q.screenshot('issue10-param-notices')
    for (const x of [p, q]) {
      x.expectClean()
      await x.page.close()
    }
  })

  it('switching district drops the picked units and year of the previous district', async () => {
    const p = await e2e.open(`#/compare?district=demo&year=2022&pick=${encodeURIComponent('青山镇|南关街道')}`)
    await p.waitForEngine()
    await p.waitForCharts(['compare-units'])
    await p.page.locator('[data-filter="district"]').click()
    await p.page.locator('.el-select-dropdown__item', { hasText: '平潭综合实验区' }).click()
    await p.page.waitForFunction(() => location.hash.includes('district=pingtan'))
    const hash = await p.page.evaluate(() => decodeURIComponent(location.hash))
    expect(hash).not.toContain('pick=')
    expect(hash).not.toContain('year=2022')
    await p.page.waitForSelector('[data-pick-hint]')
    p.expectClean()
    await p.page.close()
  })

  it('呼兰区 overview: 1/28 reports — district KPIs suppressed with the reason, not shown as totals', async () => {
    const p = await e2e.open('#/?district=hulan')
    await p.waitForEngine()
    await p.page.waitForSelector('[data-kpi-suppressed]')
    expect(await p.page.locator('[data-kpi-suppressed]').textContent()).toContain('1/28')
    expect(await p.page.locator('[data-kpi="new"] [data-kpi-value]').textContent()).toBe('—')
    expect(await p.page.locator('[data-coverage-line]').textContent()).toContain('基于 1/28 份报告')
    p.expectClean()
    await p.page.close()
  })

  it('示例区: every expected unit-year without a report is in the findings list, at the level of its status', async () => {
    const p = await e2e.open('#/coverage?district=demo&rule=not_published,not_collected')
    await p.waitForEngine()
    expect(await htmlView(p)).toBe('coverage')
    await p.page.waitForSelector('[data-table="coverage-findings"] .el-table__row')
    const missing = await p.page.locator('td[data-status="not_published"], td[data-status="not_collected"]').count()
    const rows = await p.page.locator('[data-table="coverage-findings"] .el-table__body-wrapper .el-table__row').count()
    expect(missing).toBe(3)
    expect(rows).toBe(3)
    expect(await p.page.locator('h2').first().textContent()).toBe('收录与异常')
    p.expectClean()
    await p.page.close()
  })
})
