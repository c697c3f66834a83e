/**
 * `npm run bench:ui [-- --runs 5]`: build the site, serve it with the Range-correct static server,
 * and over N fresh Chromium profiles (cold cache) measure:
 * - time to first chart (navigation start → `<html data-first-chart="1">`), target ≤ 0.8 s;
 * - time to engine ready (navigation start → `<html data-engine="ready">`), target ≤ 3.5 s;
 * - 20 filter changes per run (URL change → the view shows the new filter and every chart has
 *   `data-rendered="1"`), p95 over all runs, target ≤ 100 ms.
 * Prints medians and exits 0; the targets are reported, not enforced (machines differ).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startStaticServer } from './serve-static'
import { buildSite, launchBrowser, track } from '../tests/e2e/harness'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } })
const RUNS = Math.max(5, Number(values.runs) || 5)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!

// Record when the test-hook attributes appear, on the page's own clock (ms since navigation start).
const MARKS_SCRIPT = `(() => {
  const marks = (window.__marks = {});
  new MutationObserver(() => {
    const h = document.documentElement;
    if (h.dataset.firstChart === '1' && !marks.firstChart) marks.firstChart = performance.now();
    if (h.dataset.engine === 'ready' && !marks.engine) marks.engine = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-first-chart', 'data-engine'] });
})()`

// Runs in the page. A string, not a function: tsx would inject its `__name` helper into a function
// body, which does not exist in the page.
const FILTER_CHANGE_SCRIPT = `async (q, year) => {
  const t0 = performance.now();
  location.hash = '#/?' + q;
  for (;;) {
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const title = document.querySelector('.overview__head h2')?.textContent ?? '';
    const charts = [...document.querySelectorAll('[data-chart]')];
    const kpis = document.querySelectorAll('[data-kpi]').length;
    if (title.includes(year) && kpis > 0 && charts.length >= 2 && charts.every((c) => c.dataset.rendered === '1')) return performance.now() - t0;
    if (performance.now() - t0 > 10000) throw new Error('filter change ' + q + ' did not finish');
  }
}`

async function main(): Promise<void> {
  process.stdout.write('building… ')
  const dist = buildSite()
  console.log('done')
  const index = JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8')) as { districts: { id: string; summary: string }[] }
  const summary = JSON.parse(readFileSync(join(dist, 'data', index.districts[0]!.summary), 'utf8')) as { years: number[] }
  const combos: string[] = []
  for (const kind of ['', '街道', '镇']) for (const y of summary.years) combos.push(`year=${y}${kind ? `&kind=${encodeURIComponent(kind)}` : ''}`)
  const changes = Array.from({ length: 20 }, (_, i) => combos[(i + 1) % combos.length]!)

  const server = await startStaticServer(dist)
  const firstChart: number[] = []
  const engine: number[] = []
  const filter: number[] = []
  try {
    for (let run = 0; run < RUNS; run++) {
      const browser = await launchBrowser()
      try {
        const page = await browser.context.newPage()
        await page.addInitScript(MARKS_SCRIPT)
        const t = await track(page, server.url)
        await page.goto(`${server.url}#/`)
        await t.waitForFirstChart()
        await t.waitForEngine()
        await t.waitForCharts()
        const marks = await page.evaluate(() => (window as unknown as { __marks: { firstChart: number; engine: number } }).__marks)
        firstChart.push(marks.firstChart)
        engine.push(marks.engine)
        for (const q of changes) {
          const year = /year=(\d+)/.exec(q)![1]!
          const ms = (await page.evaluate(`(${FILTER_CHANGE_SCRIPT})(${JSON.stringify(q)}, ${JSON.stringify(year)})`)) as number
          filter.push(ms)
        }
        t.expectClean()
        console.log(`run ${run + 1}: first chart ${marks.firstChart.toFixed(0)} ms, engine ready ${marks.engine.toFixed(0)} ms, filter p95 ${p95(filter.slice(-20)).toFixed(1)} ms`)
      } finally {
        await browser.close()
      }
    }
  } finally {
    await server.close()
  }
  const line = (label: string, v: number, target: number) => `${label.padEnd(30)} ${v.toFixed(1).padStart(8)} ms  (target ≤ ${target} ms: ${v <= target ? 'met' : 'MISSED'})`
  console.log(`\n${RUNS} fresh profiles, headless Chromium, loopback`)
  console.log(line('median time to first chart', median(firstChart), 800))
  console.log(line('median time to engine ready', median(engine), 3500))
  console.log(line(`filter change p95 (n=${filter.length})`, p95(filter), 100))
  console.log(`${'filter change median'.padEnd(30)} ${median(filter).toFixed(1).padStart(8)} ms`)
}

main().catch((err: unknown) => {
  console.error(`bench:ui: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
