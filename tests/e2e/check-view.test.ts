import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, type E2E } from './harness'

let e2e: E2E
beforeAll(async () => { e2e = await startE2E() })
afterAll(async () => { await e2e?.close() })

const SAMPLE = resolve(import.meta.dirname, '../fixtures/shared/hulan-baikui-2021.txt')
const PDF = resolve(import.meta.dirname, '../corpus/raw/c027.pdf')

describe('草稿检查 Draft check in Chromium', () => {
  it('parses a chosen file in the browser, with no request leaving the machine', async () => {
    const p = await e2e.open('#/check')
    await p.page.waitForSelector('[data-view="check"] input[type="file"]', { state: 'attached' })
    await p.page.setInputFiles('[data-view="check"] input[type="file"]', SAMPLE)
    await p.page.waitForSelector('[data-draft-meta]')
    expect(await p.page.locator('[data-meta="unit"]').textContent()).toBe('呼兰区白奎镇')
    expect(await p.page.locator('[data-meta="format"]').textContent()).toBe('gov2021')
    expect(await p.page.locator('[data-layout="gov2021.appeal"] td[data-key]').count()).toBe(15)
    await p.screenshot('check')
    await p.page.setViewportSize({ width: 390, height: 844 })
    await p.page.waitForTimeout(300)
    expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await p.screenshot('check-phone')
    p.expectClean()
    await p.page.close()
  })

  it('reads a real PDF draft in the browser (pdf.js from our own build), with no request leaving the machine', async () => {
    const p = await e2e.open('#/check')
    await p.page.waitForSelector('[data-view="check"] input[type="file"]', { state: 'attached' })
    await p.page.setInputFiles('[data-view="check"] input[type="file"]', PDF)
    await p.page.waitForSelector('[data-draft-meta]', { timeout: 60_000 })
    expect(await p.page.locator('[data-meta="unit"]').textContent()).toBe('洪泽区人民政府')
    // 复议 结果维持 10, as printed (the report breaks its own 四 totals; tests/corpus/expected/c027.json).
    expect(await p.page.locator('[data-layout="gov2021.appeal"] td[data-key="review.maintained"]').first().textContent()).toContain('10')
    p.expectClean()
    await p.page.close()
  }, 90_000)

  it('compares a draft with the unit’s published previous year and points at the wrong cell (real c025 with a planted 上年结转)', async () => {
    // c025 is 平潭 财政金融局's real 2023 report; the embedded data holds its 2022 report (结转下年度 0).
    const text = readFileSync(resolve(import.meta.dirname, '../corpus/raw/c025.txt'), 'utf8')
    const row = '上年结转政府信息公开申请数量0 0 0 0 0 00'
    expect(text).toContain(row)
    const planted = Buffer.from(text.replace(row, '上年结转政府信息公开申请数量0 0 0 0 0 02'), 'utf8')
    // Opened on 示例区: the draft names 平潭, whose database the engine then attaches for the comparison.
    // The registries to match against come from the open data's JSON: no other district's database is read.
    const databases = new Set<string>()
    const onResponse = (res: Response) => {
      const path = new URL(res.url()).pathname
      if (path.endsWith('.duckdb') && !res.request().serviceWorker()) databases.add(path.slice(path.lastIndexOf('/') + 1))
    }
    e2e.context.on('response', onResponse)
    const p = await e2e.open('#/check?district=demo')
    await p.page.waitForSelector('[data-view="check"] input[type="file"]', { state: 'attached' })
    await p.page.setInputFiles('[data-view="check"] input[type="file"]', { name: '财政金融局2023草稿.txt', mimeType: 'text/plain', buffer: planted })
    await p.page.waitForSelector('[data-prev-state="mismatch"]', { timeout: 60_000 }).catch(async (e) => {
      console.log('previous-year panel:', await p.page.locator('[data-previous-year]').textContent().catch(() => 'none'), p.page.url())
      throw e
    })
    expect(await p.page.locator('[data-prev-unit]').textContent()).toContain('平潭综合实验区财政金融局（平潭综合实验区）')
    expect(await p.page.locator('[data-prev-state="mismatch"] [data-rule="C1"] [data-pair]').textContent())
      .toBe('本稿“二、上年结转政府信息公开申请数量 · 总计” 2 ≠ 2022 年报告的“四、结转下年度继续办理 · 总计” 0')
    const likely = p.page.locator('[data-suspect="likely"]')
    expect(await likely.getAttribute('data-key')).toBe('apply.carried_over.total')
    expect(await likely.textContent()).toContain('（现为 2，使各项相符应为 0）')
    e2e.context.off('response', onResponse)
    expect([...databases].sort()).toEqual(['demo.duckdb', 'pingtan.duckdb'])
    await p.screenshot('check-previous-year')
    // At phone width the long printed cell names wrap instead of pushing the page sideways.
    await p.page.setViewportSize({ width: 390, height: 844 })
    await p.page.waitForTimeout(300)
    expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await p.screenshot('check-previous-year-phone')
    await p.page.setViewportSize({ width: 1360, height: 900 })
    // The link opens last year's report of the unit on its page.
    await p.page.locator('[data-previous-year] [data-prev-link]').click()
    await p.page.waitForSelector('[data-view="unit"] [data-report-year="2022"]', { timeout: 60_000 })
    p.expectClean()
    await p.page.close()
  }, 120_000)
})
