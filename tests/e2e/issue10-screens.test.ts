import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, type E2E } from './harness'

/**
 * The views issue 10 changed, in Chinese and English, at desktop (1360 px) and phone (390 px)
 * width: each draws cleanly, names itself in <html data-view>, and does not scroll sideways on a
 * phone. Screenshots go to test-results/screenshots/issue10-*.png for review by eye.
 */
let e2e: E2E
beforeAll(async () => { e2e = await startE2E() })
afterAll(async () => { await e2e?.close() })

const VIEWS = [
  { name: 'overview', path: '#/?district=demo&year=2024', ready: '[data-attention] h3' },
  { name: 'compare', path: `#/compare?district=demo&year=2024&pick=${encodeURIComponent('青山镇|南关街道')}`, ready: '[data-chart="compare-units"][data-rendered="1"]' },
  { name: 'outcomes', path: '#/outcomes?district=pingtan&year=2023', ready: '[data-chart="outcomes-sankey"][data-rendered="1"]' },
  { name: 'unit', path: `#/unit/${encodeURIComponent('青山镇')}?district=demo&year=2024`, ready: '[data-missing-year]' },
  { name: 'units', path: '#/units?district=hulan', ready: '[data-table="units"] .el-table__row' },
  { name: 'coverage', path: '#/coverage?district=demo', ready: '[data-table="coverage-findings"] .el-table__row' },
  // The real district: long unit names (district prefixes dropped on axes), 复议诉讼 panel titles, wrapped legends.
  { name: 'appeal', path: '#/appeal?district=pingtan&year=2023', ready: '[data-chart="appeal-by-unit"][data-rendered="1"]' },
  { name: 'active', path: '#/active?district=pingtan&year=2023', ready: '[data-chart="active-decisions-by-unit"][data-rendered="1"]' },
  { name: 'compare', shot: 'compare-pingtan', path: `#/compare?district=pingtan&year=2023&x_unit=${encodeURIComponent('平潭综合实验区公安局')}`, ready: '[data-table="ranking-table"] tbody tr' },
  { name: 'coverage', shot: 'coverage-pingtan', path: '#/coverage?district=pingtan', ready: '[data-coverage-grid] tbody tr' },
] as { name: string; shot?: string; path: string; ready: string }[]

describe('issue 10 views in zh and en at 1360 and 390 px', () => {
  for (const v of VIEWS) {
    it(v.shot ?? v.name, async () => {
      for (const lang of ['zh', 'en'] as const) {
        const p = await e2e.open(`${v.path}${lang === 'en' ? '&lang=en' : ''}`)
        await p.waitForEngine()
        await p.page.waitForSelector(v.ready, { timeout: 30_000 })
        await p.page.waitForFunction(() => document.documentElement.dataset.queries === 'idle')
        expect(await p.page.evaluate(() => document.documentElement.dataset.view)).toBe(v.name)
        await p.screenshot(`issue10-${v.shot ?? v.name}-${lang}-1360`)
        await p.page.setViewportSize({ width: 390, height: 844 })
        await p.page.waitForTimeout(400)
        await p.screenshot(`issue10-${v.shot ?? v.name}-${lang}-390`)
        expect(await p.page.evaluate(() => document.documentElement.scrollWidth), `${v.name} ${lang} scrolls sideways at 390 px`).toBeLessThanOrEqual(390)
        p.expectClean()
        await p.page.close()
      }
    }, 120_000)
  }
})
