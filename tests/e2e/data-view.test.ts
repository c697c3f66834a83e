import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { officialSheet } from '~/components/data/official-sheet'
import { openNodeConnector } from '~/db/node'
import { E2E_DIST, startE2E, type E2E } from './harness'

let e2e: E2E
beforeAll(async () => { e2e = await startE2E() })
afterAll(async () => { await e2e?.close() })

describe('开放数据 Open data page in Chromium', () => {
  it('lists every file of datapackage.json, and each link downloads that file', async () => {
    const pkg = JSON.parse(readFileSync(join(E2E_DIST, 'data', 'datapackage.json'), 'utf8')) as { resources: { path: string }[] }
    const p = await e2e.open('#/data')
    await p.page.waitForSelector('[data-downloads] tbody tr')
    expect(await p.page.locator('[data-downloads] tbody tr').count()).toBe(pkg.resources.length)
    const href = await p.page.locator('[data-file="open/units.csv"] a').getAttribute('href')
    const res = await p.page.request.get(new URL(href!, p.page.url()).href)
    expect(res.status()).toBe(200)
    expect((await res.text()).split('\n')[0]).toContain('unit')
    p.expectClean()
    await p.page.close()
  })

  it('per-district files download with their rows only; cells.csv says what each row is; the page names each district\'s license, the version and the local time', async () => {
    const pkg = JSON.parse(readFileSync(join(E2E_DIST, 'data', 'datapackage.json'), 'utf8')) as { version: string; districts: { id: string; license: string }[] }
    const p = await e2e.open('#/data')
    await p.page.waitForSelector('[data-downloads] [data-version]')
    expect(await p.page.locator('[data-version]').textContent()).toBe(pkg.version)
    expect(await p.page.locator('[data-created]').textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/)
    expect(await p.page.locator('[data-cite]').textContent()).toContain(pkg.version)
    for (const d of pkg.districts) {
      expect(await p.page.locator(`[data-district-files="${d.id}"] [data-district-license]`).textContent()).toBe(d.license)
    }
    await p.page.waitForSelector('[data-changelog] [data-build]')
    const demo = pkg.districts.find((d) => d.id === 'demo')!
    await p.page.locator(`[data-district-files="${demo.id}"] summary`).click()
    const href = await p.page.locator(`[data-file="open/${demo.id}/cells.csv"] a`).getAttribute('href')
    const text = await (await p.page.request.get(new URL(href!, p.page.url()).href)).text()
    const [header, ...rows] = text.replace(/^\uFEFF/, '').trim().split('\n')
    expect(header).toContain('label_zh')
    expect(header).toContain('provenance')
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.startsWith('demo,'))).toBe(true)
    expect(rows.some((r) => /,synthetic\r?$/.test(r))).toBe(true)
    p.expectClean()
    await p.page.close()
  })

  it('exports a unit\'s tables in the official layout as .xlsx and .docx, with the values of the database', async () => {
    const file = await openNodeConnector(join(E2E_DIST, 'data', 'gov.duckdb'))
    const [truth] = await file.query<{ value: number; format: string }>(
      "SELECT c.value, r.format FROM cells c JOIN reports r USING (report_id) WHERE c.district = 'demo' AND c.unit = '河滨街道' AND c.year = 2022 AND r.counted AND c.key = 'apply.new.total'",
    )
    file.close()
    const p = await e2e.open('#/data?district=demo')
    await p.waitForEngine()
    await p.page.waitForSelector('[data-official-unit] option[value="河滨街道"]', { state: 'attached' })
    await p.page.locator('[data-official-unit]').selectOption('河滨街道')
    await p.page.locator('[data-official-year]').selectOption('2022')
    const [xlsx] = await Promise.all([p.page.waitForEvent('download'), p.page.locator('[data-official="xlsx"]').click()])
    expect(xlsx.suggestedFilename()).toBe('河滨街道-2022.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync((await xlsx.path())!).buffer as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(String(ws.getCell(1, 1).value)).toContain('河滨街道 2022年')
    expect(String(ws.getCell(1, 1).value)).toContain('合成示例数据')
    const sheet = officialSheet(truth!.format as 'gov2021', new Map([['apply.new.total', truth!.value]]), '')
    const r = sheet.rows.findIndex((row) => row.some((c) => c?.key === 'apply.new.total'))
    const c = sheet.rows[r]!.findIndex((x) => x?.key === 'apply.new.total')
    expect(ws.getCell(r + 1, c + 1).value).toBe(truth!.value)
    const [docx] = await Promise.all([p.page.waitForEvent('download'), p.page.locator('[data-official="docx"]').click()])
    const xml = strFromU8(unzipSync(readFileSync((await docx.path())!))['word/document.xml']!)
    expect(xml).toContain('河滨街道 2022年')
    expect(await p.page.locator('[data-official-note]').textContent()).toContain(truth!.format)
    p.expectClean()
    await p.page.close()
  })

  it('runs SQL in the browser engine and shows the result; errors come with their SQL', async () => {
    const p = await e2e.open('#/data')
    await p.waitForEngine()
    await p.page.locator('[data-sql-input]').fill("SELECT district, COUNT(*) AS n FROM reports GROUP BY district ORDER BY district")
    await p.page.locator('[data-run]').click()
    await p.page.waitForSelector('[data-table="sql-result"] .el-table__row')
    expect(await p.page.locator('[data-table="sql-result"]').textContent()).toContain('hulan')
    await p.page.waitForSelector('[data-dict-table="cells"] h3 small')
    await p.screenshot('data')
    await p.page.locator('[data-sql-input]').fill('SELECT nope FROM reports')
    await p.page.locator('[data-run]').click()
    await p.page.waitForSelector('[data-sql-error]')
    expect(await p.page.locator('[data-sql-error]').textContent()).toContain('nope')
    p.expectClean()
    await p.page.close()
  })
})
