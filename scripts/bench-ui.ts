/**
 * `npm run bench:ui [-- --runs 5]`: build the site, serve it with the Range-correct static server,
 * and over N fresh Chromium profiles (cold cache) measure:
 * - time to first chart (navigation start → `<html data-first-chart="1">`), target ≤ 0.8 s;
 * - time to engine ready (navigation start → `<html data-engine="ready">`), target ≤ 3.5 s;
 * - 20 filter changes per run (URL change → the view shows the new filter, no query is running
 *   (`<html data-queries="idle">`) and every chart has `data-rendered="1"`), p95 over all runs,
 *   target ≤ 100 ms. Waiting for the queries matters: a kind change keeps the old charts drawn
 *   while its SQL runs, and without it the change would count as done before the new numbers.
 * Prints medians and exits 0; the targets are reported, not enforced (machines differ).
 * `--dist DIR` measures a site built before (e.g. an older commit) instead of building this tree;
 * a build without the `data-queries` hook is then measured without the wait for queries.
 * The machine's load average is printed with the results: on a shared 2-core machine it moves
 * every number far more than most code changes do, so compare runs made under similar load.
 * `--breakdown` also prints where the time went, from the app's own `gov:` user-timing measures
 * (src/util/perf.ts): engine phases per load, and per filter change the SQL time, the
 * setOption time and the time until ECharts reported the chart drawn.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { startStaticServer } from './serve-static'
import { buildSite, launchBrowser, track } from '../tests/e2e/harness'

const BENCH_DIST = join(import.meta.dirname, '..', '.cache', 'bench-dist')

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, breakdown: { type: 'boolean', default: false }, dist: { type: 'string' } },
})
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
    const idle = document.documentElement.dataset.queries !== 'busy';
    if (title.includes(year) && kpis > 0 && idle && charts.length >= 2 && charts.every((c) => c.dataset.rendered === '1')) {
      const ms = performance.now() - t0;
      const parts = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('gov:') && m.startTime >= t0)
        .map((m) => ({ name: m.name.slice(4), start: m.startTime - t0, duration: m.duration }));
      return { ms, parts };
    }
    if (performance.now() - t0 > 10000) throw new Error('filter change ' + q + ' did not finish');
  }
}`

/** One `gov:` measure (or resource/navigation milestone) of a page load: ms since navigation start. */
interface LoadPart { name: string; start: number; duration: number }
/** One filter change: its total and the app's measures that started inside it (start relative to the change). */
interface ChangeTiming { ms: number; parts: LoadPart[] }

// Runs in the page after the load: navigation milestones, the app's measures, and the big downloads.
const LOAD_PARTS_SCRIPT = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const out = [
    { name: 'nav:responseEnd', start: 0, duration: nav.responseEnd },
    { name: 'nav:domContentLoaded', start: 0, duration: nav.domContentLoadedEventEnd },
  ];
  for (const m of performance.getEntriesByType('measure')) if (m.name.startsWith('gov:')) out.push({ name: m.name.slice(4), start: m.startTime, duration: m.duration });
  for (const r of performance.getEntriesByType('resource')) {
    const file = r.name.split('/').pop().replace(/-[A-Za-z0-9_-]{8}(?=\\.)/, '');
    if (r.transferSize > 50000 || /\\.json$/.test(file) || /index/.test(file)) out.push({ name: 'fetch:' + file, start: r.startTime, duration: r.responseEnd - r.startTime });
  }
  return out;
})()`

/** Print medians of the load phases and of the parts of the filter changes (slowest changes listed). */
function printBreakdown(loads: LoadPart[][], changes: (ChangeTiming & { q: string })[]): void {
  console.log('\nload (median over runs; start → end, ms since navigation start):')
  const names = [...new Set(loads.flatMap((l) => l.map((p) => p.name)))]
  for (const name of names) {
    const hits = loads.map((l) => l.find((p) => p.name === name)).filter((p): p is LoadPart => !!p)
    const start = median(hits.map((p) => p.start))
    const end = median(hits.map((p) => p.start + p.duration))
    console.log(`  ${name.padEnd(44)} ${start.toFixed(0).padStart(6)} → ${end.toFixed(0).padStart(6)}  (${median(hits.map((p) => p.duration)).toFixed(0)} ms)`)
  }
  const sum = (c: ChangeTiming, prefix: string) => c.parts.filter((p) => p.name.startsWith(prefix)).reduce((a, p) => a + p.duration, 0)
  const lastDrawn = (c: ChangeTiming) => Math.max(0, ...c.parts.filter((p) => p.name.startsWith('drawn:')).map((p) => p.start + p.duration))
  const firstSetOption = (c: ChangeTiming) => Math.min(c.ms, ...c.parts.filter((p) => p.name.startsWith('setOption:')).map((p) => p.start))
  console.log('\nfilter changes (median / p95 / max, ms):')
  const row = (label: string, xs: number[]) =>
    console.log(`  ${label.padEnd(44)} ${median(xs).toFixed(1).padStart(7)} ${p95(xs).toFixed(1).padStart(7)} ${Math.max(...xs).toFixed(1).padStart(7)}`)
  row('total', changes.map((c) => c.ms))
  const ranSql = changes.filter((c) => c.parts.some((p) => p.name === 'sql'))
  if (ranSql.length) row(`total, changes that ran SQL (n=${ranSql.length})`, ranSql.map((c) => c.ms))
  const cached = changes.filter((c) => !c.parts.some((p) => p.name === 'sql'))
  if (cached.length) row(`total, the others (n=${cached.length})`, cached.map((c) => c.ms))
  row('hash → first setOption', changes.map(firstSetOption))
  row('SQL (sum, uncached runs only)', changes.map((c) => sum(c, 'sql')))
  row('setOption (sum)', changes.map((c) => sum(c, 'setOption:')))
  if (ranSql.length) row('setOption (sum), changes that ran SQL', ranSql.map((c) => sum(c, 'setOption:')))
  row('hash → last chart drawn', changes.map(lastDrawn))
  row('last chart drawn → bench saw it', changes.map((c) => c.ms - lastDrawn(c)))
  console.log('  slowest changes:')
  for (const c of [...changes].sort((a, b) => b.ms - a.ms).slice(0, 8)) {
    console.log(`    ${c.ms.toFixed(0).padStart(5)} ms  ${decodeURIComponent(c.q).padEnd(20)} ${c.parts.map((p) => `${p.name}@${p.start.toFixed(0)}+${p.duration.toFixed(0)}`).join(' ')}`)
  }
}

async function main(): Promise<void> {
  let dist: string
  if (values.dist) {
    dist = resolve(values.dist)
    console.log(`measuring the site already built in ${dist}`)
  } else {
    process.stdout.write('building… ')
    // Its own output folder: the e2e tests of other work in progress rebuild .cache/e2e-dist.
    dist = buildSite(BENCH_DIST)
    console.log('done')
  }
  const index = JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8')) as { districts: { id: string; summary: string }[] }
  const summary = JSON.parse(readFileSync(join(dist, 'data', index.districts[0]!.summary), 'utf8')) as { years: number[] }
  const combos: string[] = []
  for (const kind of ['', '街道', '镇']) for (const y of summary.years) combos.push(`year=${y}${kind ? `&kind=${encodeURIComponent(kind)}` : ''}`)
  const changes = Array.from({ length: 20 }, (_, i) => combos[(i + 1) % combos.length]!)

  const server = await startStaticServer(dist)
  const loadBefore = loadavg()[0]!
  const firstChart: number[] = []
  const engine: number[] = []
  const filter: number[] = []
  const loadTimings: LoadPart[][] = []
  const changeTimings: (ChangeTiming & { q: string })[] = []
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
        // The first SQL answer (replacing the summary's numbers) is part of the load, not of the first change.
        await page.waitForFunction(() => document.documentElement.dataset.queries !== 'busy')
        const marks = await page.evaluate(() => (window as unknown as { __marks: { firstChart: number; engine: number } }).__marks)
        loadTimings.push(await page.evaluate(LOAD_PARTS_SCRIPT) as LoadPart[])
        firstChart.push(marks.firstChart)
        engine.push(marks.engine)
        for (const q of changes) {
          const year = /year=(\d+)/.exec(q)![1]!
          const change = (await page.evaluate(`(${FILTER_CHANGE_SCRIPT})(${JSON.stringify(q)}, ${JSON.stringify(year)})`)) as ChangeTiming
          filter.push(change.ms)
          changeTimings.push({ q, ...change })
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
  console.log(`\n${RUNS} fresh profiles, headless Chromium, loopback; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`)
  console.log(line('median time to first chart', median(firstChart), 800))
  console.log(line('median time to engine ready', median(engine), 3500))
  console.log(line(`filter change p95 (n=${filter.length})`, p95(filter), 100))
  console.log(`${'filter change median'.padEnd(30)} ${median(filter).toFixed(1).padStart(8)} ms`)
  if (values.breakdown) printBreakdown(loadTimings, changeTimings)
}

main().catch((err: unknown) => {
  console.error(`bench:ui: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
