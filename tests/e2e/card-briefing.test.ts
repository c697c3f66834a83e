/**
 * The report card and the district briefing on the real data in Chromium: the numbers shown are
 * checked against the built database with plain SQL of their own (not the card's builders), the
 * missing-year state, the links from the unit page and from 总览, and each page printed with
 * page.pdf on one A4 page (pages counted by pdf.js) in zh and en. Screenshots (desktop 1360 px,
 * phone 390 px) go to test-results/screenshots/.
 */
import { join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeConnector, type NodeConnector } from '~/db/node'
import { E2E_DIST, startE2E, type E2E, type TrackedPage } from './harness'

const PT_UNIT = '平潭综合实验区财政金融局'
const HULAN_UNIT = '白奎镇'

let e2e: E2E
let db: NodeConnector
beforeAll(async () => {
  e2e = await startE2E()
  db = await openNodeConnector(join(`${E2E_DIST}.public`, 'data', 'gov.duckdb'))
})
afterAll(async () => {
  db?.close()
  await e2e?.close()
})

async function openSettled(path: string, width = 1360): Promise<TrackedPage> {
  const p = await e2e.open(path)
  await p.page.setViewportSize({ width, height: 900 })
  await p.waitForEngine()
  await p.page.waitForFunction(() => document.documentElement.dataset.queries === 'idle')
  await p.page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-chart]')].every((c) => c.dataset.rendered === '1'))
  return p
}

async function pdfPages(p: TrackedPage): Promise<number> {
  const pdf = await p.page.pdf({ format: 'A4', printBackground: true })
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise
  const n = doc.numPages
  await doc.destroy()
  return n
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** New applications (apply.new.total) of every unit's counted report in a year, with the unit's registry kind. */
async function newApplications(district: string, year: number): Promise<{ unit: string; kind: string; v: number }[]> {
  return db.query(`SELECT c.unit, u.unit_kind AS kind, c.value AS v FROM cells c JOIN reports r USING (report_id) JOIN units u ON u.district = c.district AND u.unit = c.unit
WHERE c.district = '${district}' AND c.year = ${year} AND c.key = 'apply.new.total' AND r.counted AND c.value IS NOT NULL`)
}

const cardPath = (district: string, unit: string, year: number, lang = '') => `#/card/${encodeURIComponent(unit)}?district=${district}&year=${year}${lang}`

describe('report card', () => {
  it('shows a 平潭 department’s year against the district and department medians, its years and original link; one A4 page in zh and en', async () => {
    const all = await newApplications('pingtan', 2024)
    const own = all.find((r) => r.unit === PT_UNIT)!
    const peers = all.filter((r) => r.kind === '部门')
    const [report] = await db.query<{ source_url: string; published_at: string }>(
      `SELECT source_url, published_at FROM reports WHERE district = 'pingtan' AND unit = '${PT_UNIT}' AND year = 2024 AND counted`)

    const p = await openSettled(cardPath('pingtan', PT_UNIT, 2024))
    expect(await p.page.evaluate(() => document.documentElement.dataset.view)).toBe('card')
    await p.page.waitForSelector('tr[data-metric="new"]')
    const text = (sel: string) => p.page.locator(sel).innerText()
    expect((await text('tr[data-metric="new"] [data-value]')).split('\n')[0]).toBe(String(own.v))
    expect(await text('tr[data-metric="new"] [data-district-median]')).toBe(`${median(all.map((r) => r.v))} n=${all.length}`)
    expect(await text('tr[data-metric="new"] [data-peer-median]')).toBe(`${median(peers.map((r) => r.v))} n=${peers.length}`)
    expect(await p.page.locator('tr[data-metric] svg[role="img"][aria-label]').count()).toBe(11)
    expect(await p.page.locator('[data-card-years] tbody tr').count()).toBe(7)
    const row = p.page.locator('[data-card-years] tr[data-year="2024"]')
    expect(await row.getAttribute('data-status')).toBe('received')
    expect(await row.innerText()).toContain(report!.published_at)
    expect(await row.locator('a[data-source-link]').getAttribute('href')).toBe(report!.source_url)
    expect(await row.locator('a[data-source-link]').getAttribute('rel')).toContain('noopener')
    expect(await text('[data-card-source] a')).toBe(report!.source_url)
    await p.screenshot('card-pingtan-zh')
    expect(await pdfPages(p)).toBe(1)
    p.expectClean()
    await p.page.close()

    const en = await openSettled(cardPath('pingtan', PT_UNIT, 2024, '&lang=en'))
    await en.page.waitForSelector('tr[data-metric="new"]')
    expect(await en.page.locator('h2').innerText()).toBe(`${PT_UNIT} · report card 2024`)
    await en.screenshot('card-pingtan-en')
    expect(await pdfPages(en)).toBe(1)
    en.expectClean()
    await en.page.close()

    const phone = await openSettled(cardPath('pingtan', PT_UNIT, 2024), 390)
    await phone.page.waitForSelector('tr[data-metric="new"]')
    // The phone layout fits the width: no sideways scrolling of the page.
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await phone.screenshot('card-pingtan-phone')
    phone.expectClean()
    await phone.page.close()
  }, 180_000)

  it('prints 呼兰 白奎镇 2021 on one page in zh and en; a year without a report says so with its status', async () => {
    for (const lang of ['', '&lang=en']) {
      const p = await openSettled(cardPath('hulan', HULAN_UNIT, 2021, lang))
      await p.page.waitForSelector('tr[data-metric="new"]')
      expect(await p.page.locator('[data-card-years] tr[data-year="2021"]').getAttribute('data-status')).toBe('received')
      expect(await p.page.locator('[data-card-years] tr[data-year="2023"]').getAttribute('data-status')).toBe('not_collected')
      // The only 呼兰 report: the district median is its own value, over 1 unit.
      expect(await p.page.locator('tr[data-metric="new"] [data-district-median]').innerText()).toMatch(/ n=1$/)
      await p.screenshot(`card-hulan${lang ? '-en' : '-zh'}`)
      expect(await pdfPages(p)).toBe(1)
      p.expectClean()
      await p.page.close()
    }
    const missing = await openSettled(cardPath('hulan', HULAN_UNIT, 2023))
    const note = missing.page.locator('[data-missing-year]')
    expect(await note.getAttribute('data-status')).toBe('not_collected')
    expect(await note.innerText()).toContain('2023 年未收到报告')
    expect(await missing.page.locator('tr[data-metric="new"] [data-value]').innerText()).toBe('—')
    missing.expectClean()
    await missing.page.close()
  }, 180_000)

  it('prints the 平潭 unit-year with the most findings on one page too (the rest counted, not printed)', async () => {
    const [worst] = await db.query<{ unit: string; year: number; n: number }>(`SELECT unit, year, COUNT(*)::INTEGER AS n FROM findings
WHERE district = 'pingtan' AND unit IS NOT NULL AND year IS NOT NULL GROUP BY unit, year ORDER BY n DESC, unit, year LIMIT 1`)
    expect(worst!.n).toBeGreaterThan(4)
    for (const lang of ['', '&lang=en']) {
      const p = await openSettled(cardPath('pingtan', worst!.unit, worst!.year, lang))
      await p.page.waitForSelector('[data-card-findings] [data-findings] li')
      expect(await p.page.locator('[data-card-findings] [data-findings] > li').count()).toBe(worst!.n)
      expect(await pdfPages(p)).toBe(1)
      await p.page.emulateMedia({ media: 'print' })
      expect(await p.page.locator('[data-print-only]').innerText()).toContain(String(worst!.n - 4))
      p.expectClean()
      await p.page.close()
    }
  }, 180_000)

  it('is one click from the unit page', async () => {
    const p = await openSettled(`#/unit/${encodeURIComponent(PT_UNIT)}?district=pingtan&year=2024`)
    await p.page.locator('[data-card-link]').click()
    await p.page.waitForFunction(() => document.documentElement.dataset.view === 'card')
    expect(decodeURIComponent(p.page.url())).toContain(`/card/${PT_UNIT}?`)
    expect(p.page.url()).toContain('year=2024')
    p.expectClean()
    await p.page.close()
  }, 90_000)
})

describe('district briefing', () => {
  it('shows 平潭 2024’s key figures with their basis and the top units, one A4 page in zh and en; reached from 总览', async () => {
    const all = await newApplications('pingtan', 2024)
    const [grid] = await db.query<{ expected: number; received: number }>(`SELECT COUNT(*) FILTER (WHERE status <> 'not_expected')::INTEGER AS expected,
  COUNT(*) FILTER (WHERE status IN ('received', 'duplicate'))::INTEGER AS received FROM coverage WHERE district = 'pingtan' AND year = 2024`)
    const overview = await openSettled('#/?district=pingtan&year=2024')
    await overview.page.locator('[data-briefing-link]').click()
    await overview.page.waitForFunction(() => document.documentElement.dataset.view === 'briefing')
    overview.expectClean()
    await overview.page.close()

    const p = await openSettled('#/briefing?district=pingtan&year=2024')
    await p.page.waitForSelector('[data-kpi="new"] [data-kpi-delta]')
    expect(await p.page.locator('[data-coverage-line]').innerText()).toBe(`基于 ${grid!.received}/${grid!.expected} 份报告`)
    expect(await p.page.locator('[data-kpi="new"] [data-kpi-value]').innerText()).toBe(all.reduce((a, r) => a + r.v, 0).toLocaleString('zh-CN'))
    expect(await p.page.locator('[data-attention]').count()).toBeGreaterThan(0)
    await p.waitForCharts(['briefing-trend', 'briefing-outcomes', 'briefing-top'])
    expect(await p.page.locator('[data-briefing-synthetic]').count()).toBe(0)
    expect(await p.page.locator('[data-data-date]').innerText()).toMatch(/^数据日期：\d+ 份报告，最近发布于 \d{4}-\d{2}-\d{2}。$/)
    await p.screenshot('briefing-pingtan-zh')
    expect(await pdfPages(p)).toBe(1)
    p.expectClean()
    await p.page.close()

    const en = await openSettled('#/briefing?district=pingtan&year=2024&lang=en')
    await en.page.waitForSelector('[data-kpi="new"] [data-kpi-value]')
    expect(await en.page.locator('h2').first().innerText()).toBe('平潭综合实验区 · disclosure briefing 2024')
    await en.screenshot('briefing-pingtan-en')
    expect(await pdfPages(en)).toBe(1)
    en.expectClean()
    await en.page.close()
  }, 180_000)

  it('marks 示例区 as 示例数据 and prints it on one page in zh and en', async () => {
    for (const lang of ['', '&lang=en']) {
      const p = await openSettled(`#/briefing?district=demo&year=2024${lang}`)
      await p.page.waitForSelector('[data-kpi="new"] [data-kpi-value]')
      expect(await p.page.locator('[data-briefing-synthetic]').innerText()).toBe(lang ? 'Demo data' : '示例数据')
      await p.screenshot(`briefing-demo${lang ? '-en' : '-zh'}`)
      expect(await pdfPages(p)).toBe(1)
      p.expectClean()
      await p.page.close()
    }
    const phone = await openSettled('#/briefing?district=demo&year=2024', 390)
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await phone.screenshot('briefing-demo-phone')
    phone.expectClean()
    await phone.page.close()
  }, 180_000)
})
