import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DistrictSummary } from '~/db/summary'
import { E2E_DIST, startE2E, type E2E } from './harness'
import { clickChartUntil, hashOf, waitRedrawn } from './compare-clicks'

let e2e: E2E
beforeAll(async () => { e2e = await startE2E() })
afterAll(async () => { await e2e?.close() })

describe('单位对比 Compare in Chromium', () => {
  it('renders ranking, heatmap and chosen units; a ranking click sets the crossfilter in the URL and the other charts', async () => {
    const p = await e2e.open('#/compare?district=demo&metric=granted_share')
    await p.page.setViewportSize({ width: 1280, height: 800 })
    await p.waitForEngine()
    await p.waitForCharts(['compare-ranking', 'compare-heatmap'])
    const legend = await p.page.locator('[data-heatmap-legend]').textContent()
    expect(legend).toContain('未收录')
    expect(legend).toContain('不是单位的过失')
    expect(legend).toContain('未发布')
    await p.screenshot('compare')
    await clickChartUntil(p.page, 'compare-ranking', (h) => h.includes('x_unit='))
    const unit = /x_unit=([^&]+)/.exec(await hashOf(p.page))![1]!
    await p.page.waitForSelector('[data-xf-unit]')
    expect(await p.page.locator('[data-xf-unit]').textContent()).toContain(unit)
    await p.page.locator('[data-table="compare-table"] .el-table__row').first().waitFor()
    expect(await p.page.locator('[data-table="compare-table"] .el-table__row').count()).toBeGreaterThan(0)
    await p.page.locator('[data-xf-clear]').click()
    await p.page.waitForFunction(() => !location.hash.includes('x_unit='))
    p.expectClean()
    await p.page.close()
  })

  it('a shared link with chosen units and a heatmap-cell crossfilter reproduces the view on a phone', async () => {
    const summary = JSON.parse(readFileSync(join(E2E_DIST, 'data', 'summary', 'demo.json'), 'utf8')) as DistrictSummary
    const pick = summary.units.slice(0, 2).map((u) => u.unit)
    const p = await e2e.open(`#/compare?district=demo&pick=${encodeURIComponent(pick.join('|'))}`)
    await p.page.setViewportSize({ width: 390, height: 844 })
    await p.waitForEngine()
    await p.waitForCharts(['compare-ranking', 'compare-heatmap', 'compare-units'])
    await clickChartUntil(p.page, 'compare-heatmap', (h) => h.includes('x_unit=') && h.includes('x_year='), { xFraction: 0.8, fromY: 40 })
    const hash = await hashOf(p.page)
    const year = /x_year=(\d{4})/.exec(hash)![1]!
    await waitRedrawn(p.page, 'compare-ranking')
    expect(await p.page.locator('[data-card="compare-ranking"] h2').textContent()).toContain(year)
    await waitRedrawn(p.page, 'compare-units')
    await p.screenshot('compare-phone')
    p.expectClean()
    await p.page.close()
  })
})
