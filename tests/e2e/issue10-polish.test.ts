import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, type E2E } from './harness'

/**
 * Issue 10 items 14 and 15 where only a browser can tell: the KPI definition reached by keyboard,
 * an Element Plus dropdown whose options stay inside their popup (the scrollbar CSS), and unit
 * labels without the district prefix in the real district's drawn page.
 */
let e2e: E2E
beforeAll(async () => { e2e = await startE2E() })
afterAll(async () => { await e2e?.close() })

describe('issue 10 polish in Chromium', () => {
  it('a KPI card opens its metric definition from the keyboard', async () => {
    const p = await e2e.open('#/?district=demo&year=2024')
    await p.page.waitForSelector('[data-kpi="granted_share"] [data-kpi-definition-toggle]')
    await p.page.focus('[data-kpi="granted_share"] [data-kpi-definition-toggle]')
    await p.page.keyboard.press('Enter')
    const pop = p.page.locator('[data-kpi="granted_share"] [data-kpi-definition]')
    await pop.waitFor({ state: 'visible' })
    expect(await pop.textContent()).toContain('（七）总计')
    expect(await p.page.getAttribute('[data-kpi="granted_share"] [data-kpi-definition-toggle]', 'aria-label')).toBe('公开率的定义')
    await p.page.keyboard.press('Escape')
    await pop.waitFor({ state: 'hidden' })
    p.expectClean()
    await p.page.close()
  }, 90_000)

  it('the unit picker lists its options inside the dropdown, scrolling, not spilling out', async () => {
    const p = await e2e.open('#/compare?district=pingtan&year=2023')
    await p.waitForEngine()
    await p.page.click('[data-filter="compare-units"]')
    const dropdown = p.page.locator('.el-select-dropdown:visible')
    await dropdown.waitFor()
    const box = await dropdown.evaluate((el) => {
      const wrap = el.querySelector('.el-scrollbar__wrap') as HTMLElement
      const r = el.getBoundingClientRect()
      const options = [...el.querySelectorAll('.el-select-dropdown__item')].map((o) => o.getBoundingClientRect())
      return { overflow: getComputedStyle(wrap).overflowY, popupBottom: r.bottom, height: r.height, options: options.length, lastBottom: options.at(-1)!.bottom, scrolls: wrap.scrollHeight > wrap.clientHeight }
    })
    expect(box.options).toBe(19)
    expect(box.overflow).toMatch(/auto|scroll|hidden/)
    expect(box.scrolls).toBe(true)
    expect(box.height).toBeLessThanOrEqual(300)
    // The last of 19 options lies below the popup's edge, hidden inside the scrolling list — not drawn over the page.
    expect(await dropdown.evaluate((el) => {
      const wrap = el.querySelector('.el-scrollbar__wrap') as HTMLElement
      return wrap.getBoundingClientRect().bottom <= el.getBoundingClientRect().bottom + 1
    })).toBe(true)
    p.expectClean()
    await p.page.close()
  }, 90_000)

  it('drops the district prefix from unit labels in the coverage grid, keeping the full name as its title', async () => {
    const p = await e2e.open('#/coverage?district=pingtan')
    await p.waitForEngine()
    const row = p.page.locator('[data-unit-row="平潭综合实验区公安局"]')
    await row.waitFor()
    expect((await row.textContent())!.trim()).toMatch(/^公安局/)
    expect(await row.getAttribute('title')).toBe('平潭综合实验区公安局')
    // Registry order (units.csv): the district level first, then its departments, then the 片区.
    const units = await p.page.$$eval('[data-coverage-grid] tbody th[data-unit-row]', (ths) => ths.map((th) => th.getAttribute('data-unit-row')))
    expect(units.slice(0, 3)).toEqual(['平潭综合实验区', '平潭综合实验区管委会办公室', '平潭综合实验区公安局'])
    expect(units.at(-1)).toBe('平潭综合实验区苏平片区管理局')
    p.expectClean()
    await p.page.close()
  }, 90_000)
})
