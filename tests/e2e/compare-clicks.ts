import type { Page } from 'playwright-core'

/**
 * Click inside a chart's canvas until the URL hash satisfies `done` (a crossfilter was set).
 * Charts are canvas, so there is no element per bar: this scans a column of points from the top
 * of the plot downwards (at `xFraction` of the width) and stops at the first click that hits an
 * item. Throws when no point did.
 */
export async function clickChartUntil(
  page: Page,
  chartId: string,
  done: (hash: string) => boolean,
  opts: { xFraction?: number; fromY?: number; toY?: number; step?: number; row?: { y: number; fromX: number; toX: number } } = {},
): Promise<void> {
  const chart = page.locator(`[data-chart="${chartId}"]`)
  // Mouse clicks land only inside the viewport: bring the chart's top into view first.
  await chart.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  const box = await chart.boundingBox()
  if (!box) throw new Error(`chart ${chartId} is not visible`)
  const read = async () => decodeURIComponent(await page.evaluate(() => location.hash))
  if (opts.row) {
    // Scan a row instead (bars along years): y in px from the chart top, x as fractions of the width.
    for (let f = opts.row.fromX; f <= opts.row.toX; f += 0.01) {
      await page.mouse.click(box.x + box.width * f, box.y + opts.row.y)
      if (done(await read())) return
    }
    throw new Error(`no click inside ${chartId} set the crossfilter`)
  }
  const x = box.x + box.width * (opts.xFraction ?? 0.6)
  const from = opts.fromY ?? 30
  const to = Math.min(opts.toY ?? box.height - 10, box.height - 10)
  for (let y = from; y <= to; y += opts.step ?? 8) {
    await page.mouse.click(x, box.y + y)
    if (done(await read())) return
  }
  throw new Error(`no click inside ${chartId} set the crossfilter`)
}

/** The decoded URL hash of the page. */
export async function hashOf(page: Page): Promise<string> {
  return decodeURIComponent(await page.evaluate(() => location.hash))
}

/** Wait until a chart has finished redrawing after a change (data-rendered back to 1). */
export async function waitRedrawn(page: Page, chartId: string): Promise<void> {
  await page.waitForFunction((id) => document.querySelector<HTMLElement>(`[data-chart="${id}"]`)?.dataset.rendered === '1', chartId, { timeout: 30_000 })
}
