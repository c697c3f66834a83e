/**
 * Exports for slides and print, in Chromium: a chart's saved PNG frames the chart with its context
 * (taller than the chart, the synthetic mark only on generated data); printing hides the controls
 * and keeps charts and tables; the unit page prints on one A4 page (page.pdf, pages counted by pdf.js).
 */
import { readFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, type E2E, type TrackedPage } from './harness'

let e2e: E2E
beforeAll(async () => { e2e = await startE2E() })
afterAll(async () => { await e2e?.close() })

async function openSettled(path: string): Promise<TrackedPage> {
  const p = await e2e.open(path)
  await p.waitForEngine()
  await p.page.waitForFunction(() => document.documentElement.dataset.queries === 'idle')
  await p.waitForCharts()
  return p
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** Save a chart's image through its card's button; the PNG's bytes, name and the chart's drawn size. */
async function saveChart(p: TrackedPage, id: string) {
  const drawn = await p.page.locator(`[data-chart="${id}"]`).evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }))
  const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.locator(`[data-save="${id}"]`).click()])
  const bytes = readFileSync((await download.path())!)
  // A pixel near the top-right corner of the content (CSS 26 px in, at 2×): inside the synthetic
  // mark's pink band when there is one, else the white page (titles are short and start left).
  const corner = await p.page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.width
    c.height = img.height
    const ctx = c.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    return [...ctx.getImageData(img.width - 52, 52, 1, 1).data.slice(0, 3)]
  }, bytes.toString('base64'))
  return { name: download.suggestedFilename(), size: pngSize(bytes), drawn, corner }
}

describe('a chart saved as PNG carries its context', () => {
  it('frames the chart with title, scope, legend and source; marks synthetic data', async () => {
    const real = await openSettled('#/?district=pingtan&year=2021')
    const saved = await saveChart(real, 'overview-trend')
    expect(saved.name).toBe('overview-trend-pingtan-2021.png')
    // Drawn at 2× and framed: wider than the chart by the margins, taller by the title, scope, legend and source lines.
    expect(saved.size.width).toBeGreaterThanOrEqual(saved.drawn.width * 2)
    expect(saved.size.height).toBeGreaterThan(saved.drawn.height * 2 + 2 * (28 + 20 + 20 + 3 * 18))
    expect(saved.corner).toEqual([255, 255, 255])
    real.expectClean()
    await real.page.close()

    const demo = await openSettled('#/?district=demo&year=2021')
    const marked = await saveChart(demo, 'overview-trend')
    expect(marked.name).toBe('overview-trend-demo-2021.png')
    // The synthetic mark's pink band at the top.
    expect(marked.corner).toEqual([0xfd, 0xec, 0xea])
    expect(marked.size.height).toBeGreaterThan(saved.size.height)
    demo.expectClean()
    await demo.page.close()
  }, 120_000)
})

/** Pages of a PDF, counted by pdf.js. */
async function pageCount(pdf: Buffer): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise
  const n = doc.numPages
  await doc.destroy()
  return n
}

describe('print', () => {
  it('prints a view without its controls, with its charts and tables', async () => {
    const p = await openSettled('#/compare?district=pingtan&year=2021')
    await p.page.emulateMedia({ media: 'print' })
    const shown = await p.page.evaluate(() => {
      const visible = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].some((e) => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0)
      return {
        nav: visible('.shell__nav'), filters: visible('.shell__filters'), buttons: visible('button:not(th button):not(td button)'), selects: visible('.el-select, select'),
        charts: visible('[data-chart] canvas'), tables: visible('table'), title: visible('h1'),
      }
    })
    expect(shown).toEqual({ nav: false, filters: false, buttons: false, selects: false, charts: true, tables: true, title: true })
    // A chart fits the paper's width (A4 minus margins ≈ 718 CSS px).
    const widest = await p.page.evaluate(() => Math.max(...[...document.querySelectorAll('canvas')].map((c) => c.getBoundingClientRect().width)))
    await p.page.setViewportSize({ width: 718, height: 1000 })
    const onPaper = await p.page.evaluate(() => Math.max(...[...document.querySelectorAll('canvas')].map((c) => c.getBoundingClientRect().right)))
    expect(widest).toBeGreaterThan(0)
    expect(onPaper).toBeLessThanOrEqual(718)
    const pdf = await p.page.pdf({ format: 'A4', printBackground: true })
    expect(await pageCount(pdf)).toBeGreaterThanOrEqual(1)
    p.expectClean()
    await p.page.close()
  }, 120_000)

  it('prints the unit page on one A4 page', async () => {
    const p = await openSettled(`#/unit/${encodeURIComponent('平潭综合实验区公安局')}?district=pingtan&year=2021`)
    await p.page.waitForSelector('[data-official-tables] table')
    const pdf = await p.page.pdf({ format: 'A4', printBackground: true })
    expect(await pageCount(pdf)).toBe(1)
    p.expectClean()
    await p.page.close()
  }, 120_000)
})
