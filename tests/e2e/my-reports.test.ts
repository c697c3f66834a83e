import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, type E2E, type TrackedPage } from './harness'

const ROOT = resolve(import.meta.dirname, '../..')
const raw = (name: string) => join(ROOT, 'tests/corpus/raw', name)

let e2e: E2E
let folder: string
let work: string

/**
 * A staff member's folder: real 平潭 reports of two renderings in a year folder and loose, a real
 * PDF of another district (unmatched), a .zip of two more, a meeting notice (not a report), a
 * file with a PNG's bytes, and a hidden file.
 */
function makeFolder(): string {
  work = mkdtempSync(join(tmpdir(), 'my-reports-'))
  const dir = join(work, '平潭年报')
  mkdirSync(join(dir, '2021'), { recursive: true })
  copyFileSync(raw('c001.txt'), join(dir, '2021', '公安局2021.txt'))
  copyFileSync(raw('c002.txt'), join(dir, 'c002.txt'))
  copyFileSync(raw('c030.txt'), join(dir, 'c030.txt'))
  copyFileSync(raw('c027.pdf'), join(dir, 'c027.pdf'))
  writeFileSync(join(dir, '两份.zip'), zipSync({ '2023/c025.txt': readFileSync(raw('c025.txt')), 'c031.txt': readFileSync(raw('c031.txt')) }))
  writeFileSync(join(dir, '会议通知.txt'), '关于召开会议的通知\n请各单位准时参加。\n')
  writeFileSync(join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))
  writeFileSync(join(dir, '.hidden'), 'x')
  return dir
}

beforeAll(async () => {
  folder = makeFolder()
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
  if (work) rmSync(work, { recursive: true, force: true })
})

const status = (p: TrackedPage, name: string) => p.page.locator(`[data-review-row="${name}"]`).getAttribute('data-status')
const cellText = (p: TrackedPage, key: string) => p.page.locator(`td[data-key="${key}"]`).first().textContent()

describe('我的报告 in Chromium: a folder read in the browser becomes a local district', () => {
  it('reads a folder against an uploaded units.csv, shows it on every page, keeps it across a reload, exports and removes it — with no request beyond the site', async () => {
    const p = await e2e.open('#/my-reports')
    await p.page.waitForSelector('[data-view="my-reports"]')
    await p.page.check('[data-registry="csv"]')
    await p.page.setInputFiles('[data-units-csv]', join(ROOT, 'data/districts/pingtan/units.csv'))
    await p.page.fill('[data-district-name]', '平潭综合实验区')
    await p.page.setInputFiles('[data-pick="folder"]', folder)
    await p.page.waitForSelector('[data-view="my-reports"][data-local-status="ready"]', { timeout: 120_000 })

    // Seven reports: 2 loose + 1 in 2021/ + the PDF + 2 from the zip + the notice and the PNG as unreadable reports.
    expect(await p.page.locator('[data-local-reports]').textContent()).toBe('8')
    expect(await status(p, '平潭年报/2021/公安局2021.txt')).toMatch(/^(ok|error)$/)
    expect(await p.page.locator('[data-review-row="平潭年报/2021/公安局2021.txt"] td').nth(2).textContent()).toBe('平潭综合实验区公安局')
    expect(await status(p, '平潭年报/两份.zip/2023/c025.txt')).toMatch(/^(ok|error)$/)
    expect(await status(p, '平潭年报/c027.pdf')).toBe('unmatched')
    expect(await p.page.locator('[data-review-row="平潭年报/c027.pdf"]').textContent()).toContain('洪泽区')
    expect(await status(p, '平潭年报/会议通知.txt')).toBe('unreadable')
    expect(await p.page.locator('[data-review-row="平潭年报/会议通知.txt"]').textContent()).toContain('不是政府信息公开工作年度报告')
    expect(await status(p, '平潭年报/photo.png')).toBe('unreadable')
    expect(await status(p, '平潭年报/.hidden')).toBe('skipped')
    await p.screenshot('my-reports-review')

    // Every view works on it: overview, the unit page with its cells, coverage.
    await p.page.click('[data-action="view"]')
    await p.page.waitForFunction(() => location.hash.includes('district=local'))
    await p.waitForEngine()
    await p.page.waitForSelector('[data-local-banner]')
    await p.waitForCharts()
    await p.page.goto(`${e2e.url}#/unit/${encodeURIComponent('平潭综合实验区公安局')}?district=local&year=2021`)
    await p.page.waitForSelector('[data-layout="gov2021.apply"]', { timeout: 60_000 })
    expect(await cellText(p, 'apply.new.total')).toBe('1')
    expect(await p.page.locator('td[data-key]').count()).toBeGreaterThanOrEqual(200)
    await p.page.goto(`${e2e.url}#/coverage?district=local`)
    await p.waitForEngine()
    await p.waitForCharts()
    // 18 registry units × 2019–2023: 5 unit-years received (the PDF is another district's, unmatched).
    await p.page.waitForFunction(() => document.body.textContent?.includes('收录进度 5/90'), null, { timeout: 60_000 })
    await p.screenshot('my-reports-coverage')

    // A reload keeps it: the picker lists it, the unit page reads its cells from the engine again.
    await p.page.reload()
    await p.waitForEngine()
    await p.page.waitForSelector('[data-local-banner]')
    await p.page.goto(`${e2e.url}#/unit/${encodeURIComponent('平潭综合实验区公安局')}?district=local&year=2019`)
    await p.page.waitForSelector('[data-layout]', { timeout: 60_000 })
    await p.page.goto(`${e2e.url}#/my-reports`)
    await p.page.waitForSelector('[data-view="my-reports"][data-local-status="ready"]')
    expect(await p.page.locator('[data-local-reports]').textContent()).toBe('8')

    // Export: a district folder zip the data build reads.
    const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.click('[data-action="export"]')])
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)))
    const names = Object.keys(zip)
    expect(names).toEqual(expect.arrayContaining(['district.json', 'units.csv', 'sources.csv', 'reports/2021/公安局2021.txt', 'reports/2023/c025.txt', 'reports/2023/c027.pdf']))
    expect(names.filter((n) => n.startsWith('reports/'))).toHaveLength(8)
    expect(JSON.parse(new TextDecoder().decode(zip['district.json']!)).name).toBe('平潭综合实验区')

    // Removal (confirmed) clears it from the page, the picker and the browser's storage.
    p.page.once('dialog', (d) => void d.accept())
    await p.page.click('[data-action="remove"]')
    await p.page.waitForSelector('[data-view="my-reports"][data-local-status="empty"]')
    await p.page.reload()
    await p.page.waitForSelector('[data-view="my-reports"][data-local-status="empty"]')
    const stored = await p.page.evaluate(() => new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('gov-local-district')
      open.onerror = () => reject(open.error)
      open.onsuccess = () => {
        const db = open.result
        if (!db.objectStoreNames.contains('local')) return resolve(0)
        const count = db.transaction('local').objectStore('local').count()
        count.onsuccess = () => resolve(count.result)
        count.onerror = () => reject(count.error)
      }
    }))
    expect(stored).toBe(0)
    await p.page.goto(`${e2e.url}#/`)
    await p.waitForEngine()
    await p.waitForFirstChart()
    expect(await p.page.locator('[data-filter="district"]').textContent()).not.toContain('我的报告')
    expect(await p.page.locator('[data-local-banner]').count()).toBe(0)

    expect(p.foreignRequests).toEqual([])
    p.expectClean()
    await p.page.close()
  }, 300_000)
})
