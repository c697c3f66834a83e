/**
 * `npm run bench:ui [-- --runs 5 --dist DIR | --data DIR --breakdown --skip-views --skip-4g]`: build the site,
 * serve it with our static server (precompressed files, cache headers: scripts/serve-static.ts),
 * and measure in headless Chromium, each figure as a median over N ≥ 5 runs with the worst run:
 * - cold visit to 总览 (fresh profile): time to first chart (navigation start →
 *   `<html data-first-chart="1">`, target ≤ 0.8 s) and to engine ready (→ `<html data-engine="ready">`,
 *   target ≤ 3.5 s); then 20 filter changes, year × the district's two commonest unit kinds (URL
 *   change → the view shows the new filter, no query the page waits for running
 *   (`<html data-queries="idle">`) and every chart `data-rendered="1"`), p95 over all runs,
 *   target ≤ 100 ms. Waiting for the queries matters: a kind change keeps the old charts drawn
 *   while its SQL runs, and without it the change would count as done before the new numbers.
 *   These states are prebuilt by the data build (src/db/prebuilt.ts), so they are also reported
 *   until the engine's background run has confirmed them (`<html data-confirming="idle">`); and,
 *   apart, changes nothing prebuilt covers — 单位对比 metric changes and 办理结果 unit clicks
 *   (cross-filter) — from each view settled until the chart they change is set again and drawn;
 * - district switches on 总览 (to up to 5 other districts of index.json, spread over the list), each
 *   until the page shows the new district, its charts set again and drawn, and no query running;
 * - warm visit: once the service worker of that cold visit has finished installing, a second visit
 *   in the same profile (service worker + HTTP cache), first chart and engine ready;
 * - every view (总览, 单位对比, 办理结果, 复议诉讼, 主动公开, 单位, 收录与异常, 省级对比), each from its
 *   own fresh profile: time to its first chart, to engine ready (省级对比 never starts the engine) and
 *   to every chart of the page drawn (on a first visit the others follow the first: first-chart.ts);
 * - a throttled 4G visit (CDP Network.emulateNetworkConditions: 20 Mbit/s down, 80 ms RTT) to 总览
 *   and 单位对比 from a fresh profile, then a second throttled visit once the service worker has
 *   installed: first chart and engine ready, and the encoding the engine's wasm came with
 *   (Brotli/gzip from the precompressed copies, or none).
 * The targets are reported, not enforced (machines differ); exits 0 unless a page fails.
 * `--data DIR` measures this tree's site over another data build's output (a 100,000-report bench:build
 * kept with --keep: scripts/bench-scale-site.ts links it in rather than copying gigabytes).
 * `--dist DIR` measures a site built before (e.g. an older commit) instead of building this tree;
 * a build without the `data-queries` hook is then measured without the wait for queries.
 * The machine's load average (1, 5 and 15 min) is printed before, during and after: on a shared
 * 2-core machine it moves every number far more than most code changes do, so compare runs made
 * under similar load.
 * `--breakdown` also prints where the time went, from the app's own `gov:` user-timing measures
 * (src/composables/perf.ts): engine phases per load, and per filter change the SQL time, the
 * setOption time and the time until ECharts reported the chart drawn.
 */
import { readFileSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import { join, resolve } from 'node:path'
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { startStaticServer } from './serve-static'
import { buildSiteOver } from './bench-scale-site'
import { buildSite, launchBrowser } from '../tests/e2e/harness'
import { METRICS } from '../src/report/metrics'
import { DEFAULT_METRIC } from '../src/components/compare/metric'

const BENCH_DIST = join(import.meta.dirname, '..', '.cache', 'bench-dist')

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' }, breakdown: { type: 'boolean', default: false }, dist: { type: 'string' }, data: { type: 'string' },
    'skip-views': { type: 'boolean', default: false }, 'skip-4g': { type: 'boolean', default: false },
  },
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
    const charts = document.querySelectorAll('[data-chart]');
    if (!marks.allCharts && marks.firstChart && charts.length && [...charts].every((c) => c.dataset.rendered === '1')) marks.allCharts = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-first-chart', 'data-engine', 'data-rendered'] });
})()`

// Runs in the page. A string, not a function: tsx would inject its `__name` helper into a function
// body, which does not exist in the page.
const FILTER_CHANGE_SCRIPT = `async (q, year) => {
  const t0 = performance.now();
  location.hash = '#/?' + q;
  let shown = null;
  for (;;) {
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const title = document.querySelector('.overview__head h2')?.textContent ?? '';
    const charts = [...document.querySelectorAll('[data-chart]')];
    const kpis = document.querySelectorAll('[data-kpi]').length;
    const h = document.documentElement.dataset;
    const drawn = title.includes(year) && kpis > 0 && h.queries !== 'busy' && charts.length >= 2 && charts.every((c) => c.dataset.rendered === '1');
    if (drawn && shown === null) shown = performance.now() - t0;
    if (drawn && h.confirming !== 'busy') {
      const ms = performance.now() - t0;
      const parts = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('gov:') && m.startTime >= t0)
        .map((m) => ({ name: m.name.slice(4), start: m.startTime - t0, duration: m.duration }));
      return { ms: shown, confirmed: ms, parts };
    }
    if (performance.now() - t0 > 10000) throw new Error('filter change ' + q + ' did not finish');
  }
}`

// A change the build did not prebuild (a metric, a cross-filter click): done when the given chart was
// set again after the change, every chart is drawn and no query runs.
const OTHER_CHANGE_SCRIPT = `async (hash, chart) => {
  const t0 = performance.now();
  location.hash = hash;
  for (;;) {
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const set = performance.getEntriesByType('measure').some((m) => m.name === 'gov:setOption:' + chart && m.startTime >= t0);
    const charts = [...document.querySelectorAll('[data-chart]')];
    const h = document.documentElement.dataset;
    if (set && h.queries !== 'busy' && h.confirming !== 'busy' && charts.length > 0 && charts.every((c) => c.dataset.rendered === '1')) {
      const parts = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('gov:') && m.startTime >= t0)
        .map((m) => ({ name: m.name.slice(4), start: m.startTime - t0, duration: m.duration }));
      return { ms: performance.now() - t0, parts };
    }
    if (performance.now() - t0 > 10000) throw new Error('change ' + hash + ' did not finish');
  }
}`

// A district switch on 总览 (the header's district choice, by URL): done when the page shows the new
// district's summary, its charts were set again after the switch and are drawn, and no query runs.
const SWITCH_SCRIPT = `async (id) => {
  const t0 = performance.now();
  location.hash = '#/?district=' + encodeURIComponent(id);
  for (;;) {
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const h = document.documentElement.dataset;
    const set = performance.getEntriesByType('measure').some((m) => m.name.startsWith('gov:setOption:') && m.startTime >= t0);
    const charts = [...document.querySelectorAll('[data-chart]')];
    if (h.district === id && set && h.queries !== 'busy' && charts.length > 0 && charts.every((c) => c.dataset.rendered === '1')) return performance.now() - t0;
    if (performance.now() - t0 > 60000) throw new Error('district switch to ' + id + ' did not finish');
  }
}`

/** One `gov:` measure (or resource/navigation milestone) of a page load: ms since navigation start. */
interface LoadPart { name: string; start: number; duration: number }
/**
 * One filter change: `ms` until its charts show the new numbers (no query the page waits for),
 * `confirmed` until the engine has also confirmed any prebuilt rows shown; and the app's measures
 * that started inside it (start relative to the change).
 */
interface ChangeTiming { ms: number; confirmed?: number; parts: LoadPart[] }

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
  if (loads.length) console.log('\nload (median over runs; start → end, ms since navigation start):')
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
  const prebuilt = changes.filter((c) => c.parts.some((p) => p.name === 'sql:confirm'))
  if (prebuilt.length) row(`total, answered from prebuilt (n=${prebuilt.length})`, prebuilt.map((c) => c.ms))
  const cached = changes.filter((c) => !c.parts.some((p) => p.name === 'sql'))
  if (cached.length) row(`total, the others (n=${cached.length})`, cached.map((c) => c.ms))
  row('hash → first setOption', changes.map(firstSetOption))
  row('SQL (sum, uncached runs only)', changes.map((c) => sum(c, 'sql') - sum(c, 'sql:confirm')))
  row('background confirmation SQL (sum)', changes.map((c) => sum(c, 'sql:confirm')))
  row('setOption (sum)', changes.map((c) => sum(c, 'setOption:')))
  if (ranSql.length) row('setOption (sum), changes that ran SQL', ranSql.map((c) => sum(c, 'setOption:')))
  row('hash → last chart drawn', changes.map(lastDrawn))
  row('last chart drawn → bench saw it', changes.map((c) => c.ms - lastDrawn(c)))
  console.log('  slowest changes:')
  for (const c of [...changes].sort((a, b) => b.ms - a.ms).slice(0, 8)) {
    console.log(`    ${c.ms.toFixed(0).padStart(5)} ms  ${decodeURIComponent(c.q).padEnd(20)} ${c.parts.map((p) => `${p.name}@${p.start.toFixed(0)}+${p.duration.toFixed(0)}`).join(' ')}`)
  }
}

/** The 4G link of the issue: 20 Mbit/s down, 80 ms round trip (upload set to 5 Mbit/s). */
const FOUR_G = { offline: false, latency: 80, downloadThroughput: (20e6 / 8), uploadThroughput: (5e6 / 8) }

const load = () => loadavg().map((x) => x.toFixed(1)).join(' / ')

/**
 * Problems a page shows: console errors, page errors, requests to another host (of the pages and
 * of the service worker). Events, not request interception: Playwright's routing turns the HTTP
 * cache off, and the warm visit is about that cache.
 */
function watch(context: BrowserContext, base: string): { problems: string[]; encodings: Map<string, string> } {
  const problems: string[] = []
  const encodings = new Map<string, string>()
  const origin = new URL(base).origin
  const onPage = (page: Page) => {
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`))
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  }
  context.pages().forEach(onPage)
  context.on('page', onPage)
  context.on('request', (r) => {
    const u = r.url()
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) problems.push(`foreign request: ${u}`)
  })
  context.on('response', (r) => {
    if (/\.wasm$/.test(new URL(r.url()).pathname)) void r.allHeaders().then((h) => encodings.set(r.url(), h['content-encoding'] ?? 'identity'), () => {})
  })
  return { problems, encodings }
}

/** Ms since navigation start: the first chart drawn, every chart of the page drawn (the rest follow the first), the engine ready. */
interface VisitTiming { firstChart: number; engine: number; allCharts?: number }

/** Pages that never start the engine (router.ts `engine: false`). */
const NO_ENGINE = ['#/province']

const marksOf = (page: Page) => page.evaluate(() => (window as unknown as { __marks: { firstChart?: number; engine?: number; allCharts?: number } }).__marks)

/** Open `path` in a new page of `context`; wait for the first chart and the engine; their times on the page's clock. */
async function visit(context: BrowserContext, url: string, timeout = 120_000): Promise<{ page: Page; t: VisitTiming }> {
  const page = await context.newPage()
  await page.goto(url)
  await page.waitForSelector('html[data-first-chart="1"]', { timeout, state: 'attached' })
  // A page drawn from prebuilt files alone (省级对比) never starts the engine: no engine time.
  if (NO_ENGINE.some((p) => url.includes(p))) {
    await page.waitForFunction(() => (window as unknown as { __marks: { allCharts?: number } }).__marks.allCharts !== undefined, null, { timeout })
    const m = await marksOf(page)
    return { page, t: { firstChart: m.firstChart ?? NaN, engine: NaN, allCharts: m.allCharts ?? NaN } }
  }
  await page.waitForFunction(() => {
    const e = document.documentElement.dataset.engine
    if (e === 'error') throw new Error(document.querySelector('[data-engine-status]')?.textContent ?? 'engine error')
    return e === 'ready'
  }, null, { timeout })
  // The charts that follow the first are drawn from prebuilt rows or (if none) the engine's: wait for them too.
  await page.waitForFunction(() => (window as unknown as { __marks: { allCharts?: number } }).__marks.allCharts !== undefined, null, { timeout })
  const m = await marksOf(page)
  return { page, t: { firstChart: m.firstChart ?? NaN, engine: m.engine ?? NaN, allCharts: m.allCharts ?? NaN } }
}

/** Wait until the service worker is active and has precached (a loop inside the page: the check is async). */
async function waitServiceWorker(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return false
    const deadline = Date.now() + 180_000
    while (Date.now() < deadline) {
      const reg = await navigator.serviceWorker.getRegistration()
      if (reg?.active?.state === 'activated' && !reg.installing && !reg.waiting) return true
      await new Promise((r) => setTimeout(r, 250))
    }
    return false
  })
}

const fmt = (xs: number[]) => {
  const ok = xs.filter((x) => Number.isFinite(x))
  if (!ok.length) return '—'.padStart(20)
  return `${median(ok).toFixed(0).padStart(7)} ms (worst ${Math.max(...ok).toFixed(0)})`.padStart(20)
}

async function main(): Promise<void> {
  let dist: string
  if (values.dist) {
    dist = resolve(values.dist)
    console.log(`measuring the site already built in ${dist}`)
  } else if (values.data) {
    process.stdout.write(`building the site over the data in ${values.data}… `)
    dist = buildSiteOver(values.data)
    console.log('done')
  } else {
    process.stdout.write('building… ')
    // Its own output folder: the e2e tests of other work in progress rebuild .cache/e2e-dist.
    dist = buildSite(BENCH_DIST)
    console.log('done')
  }
  const index = JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8')) as { districts: { id: string; summary: string }[] }
  // District switches from the opening district: up to 5 others, spread over the list (a province-size build has hundreds).
  const otherDistricts = index.districts.slice(1)
  const switchTo = otherDistricts.length <= 5 ? otherDistricts.map((d) => d.id) : Array.from({ length: 5 }, (_, i) => otherDistricts[Math.floor((i * otherDistricts.length) / 5)]!.id)
  const summary = JSON.parse(readFileSync(join(dist, 'data', index.districts[0]!.summary), 'utf8')) as { years: number[]; units: { unit: string; unit_kind: string }[] }
  // Year × kind switches over the two most common unit kinds of the district (the ones its header offers with units).
  const kindCount = new Map<string, number>()
  for (const u of summary.units) kindCount.set(u.unit_kind, (kindCount.get(u.unit_kind) ?? 0) + 1)
  const kinds = [...kindCount.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([k]) => k)
  const combos: string[] = []
  for (const kind of ['', ...kinds]) for (const y of summary.years) combos.push(`year=${y}${kind ? `&kind=${encodeURIComponent(kind)}` : ''}`)
  // Changes no prebuilt state covers: a metric of 单位对比, a unit clicked in 办理结果 (cross-filter).
  const metrics = METRICS.map((m) => m.key).filter((k) => k !== DEFAULT_METRIC).slice(0, 5)
  const others: [hash: string, chart: string][] = [
    ...metrics.map((m): [string, string] => [`#/compare?metric=${encodeURIComponent(m)}`, 'compare-ranking']),
    ...summary.units.slice(0, 5).map((u): [string, string] => [`#/outcomes?x_unit=${encodeURIComponent(u.unit)}`, 'outcomes-by-year']),
  ]
  const changes = Array.from({ length: 20 }, (_, i) => combos[(i + 1) % combos.length]!)
  const views: [string, string][] = [
    ['总览 overview', '#/'], ['单位对比 compare', '#/compare'], ['办理结果 outcomes', '#/outcomes'], ['复议诉讼 appeal', '#/appeal'],
    ['主动公开 active', '#/active'], ['单位 unit', `#/unit/${encodeURIComponent(summary.units[0]?.unit ?? '')}`], ['收录与异常 coverage', '#/coverage'],
    ['省级对比 province', '#/province'],
  ]

  const server = await startStaticServer(dist)
  const loads: string[] = [load()]
  console.log(`load average (1 / 5 / 15 min) before: ${loads[0]}`)
  const cold: VisitTiming[] = []
  const warm: VisitTiming[] = []
  const filter: number[] = []
  const filterConfirmed: number[] = []
  const other: number[] = []
  const switches: number[] = []
  const otherTimings: (ChangeTiming & { q: string })[] = []
  const loadTimings: LoadPart[][] = []
  const changeTimings: (ChangeTiming & { q: string })[] = []
  const perView = new Map<string, VisitTiming[]>(views.map(([name]) => [name, []]))
  const throttled = new Map<string, VisitTiming[]>()
  const throttledWarm = new Map<string, VisitTiming[]>()
  const wasmEncodings = new Set<string>()
  const fresh = async <T>(fn: (context: BrowserContext, problems: string[], encodings: Map<string, string>) => Promise<T>): Promise<T> => {
    const browser = await launchBrowser()
    try {
      await browser.context.addInitScript(MARKS_SCRIPT)
      const { problems, encodings } = watch(browser.context, server.url)
      const out = await fn(browser.context, problems, encodings)
      if (problems.length) throw new Error(`page not clean:\n${problems.join('\n')}`)
      return out
    } finally {
      await browser.close()
    }
  }
  try {
    // Cold visit, filter changes, then the warm second visit in the same profile.
    for (let run = 0; run < RUNS; run++) {
      await fresh(async (context) => {
        const { page, t } = await visit(context, `${server.url}#/`)
        await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-chart]')].every((c) => c.dataset.rendered === '1'))
        // The first SQL answer (replacing the summary's numbers) is part of the load, not of the first change.
        await page.waitForFunction(() => document.documentElement.dataset.queries !== 'busy')
        loadTimings.push(await page.evaluate(LOAD_PARTS_SCRIPT) as LoadPart[])
        cold.push(t)
        for (const q of changes) {
          const year = /year=(\d+)/.exec(q)![1]!
          const change = (await page.evaluate(`(${FILTER_CHANGE_SCRIPT})(${JSON.stringify(q)}, ${JSON.stringify(year)})`)) as ChangeTiming
          filter.push(change.ms)
          filterConfirmed.push(change.confirmed ?? change.ms)
          changeTimings.push({ q, ...change })
        }
        // Then the changes that were not prebuilt, each from its view drawn and settled.
        for (const [hash, chart] of others) {
          const base = hash.split('?')[0]!
          await page.evaluate((h) => (location.hash = h), base)
          await page.waitForFunction(() => {
            const d = document.documentElement.dataset
            const charts = [...document.querySelectorAll<HTMLElement>('[data-chart]')]
            return d.queries !== 'busy' && d.confirming !== 'busy' && charts.length > 0 && charts.every((c) => c.dataset.rendered === '1')
          }, null, { timeout: 60_000 })
          const change = (await page.evaluate(`(${OTHER_CHANGE_SCRIPT})(${JSON.stringify(hash)}, ${JSON.stringify(chart)})`)) as ChangeTiming
          other.push(change.ms)
          otherTimings.push({ q: hash, ...change })
        }
        // District switches, each from the previous district settled.
        for (const id of switchTo) {
          await page.waitForFunction(() => document.documentElement.dataset.queries !== 'busy' && document.documentElement.dataset.confirming !== 'busy', null, { timeout: 60_000 })
          switches.push((await page.evaluate(`(${SWITCH_SCRIPT})(${JSON.stringify(id)})`)) as number)
        }
        if (switchTo.length) await page.evaluate((h) => (location.hash = h), '#/')
        const sw = await waitServiceWorker(page)
        await page.close()
        const second = await visit(context, `${server.url}#/`)
        warm.push(second.t)
        await second.page.close()
        console.log(`run ${run + 1}: cold first chart ${t.firstChart.toFixed(0)} ms, engine ${t.engine.toFixed(0)} ms, filter p95 ${p95(filter.slice(-20)).toFixed(1)} ms (confirmed ${p95(filterConfirmed.slice(-20)).toFixed(1)}), not prebuilt p95 ${p95(other.slice(-others.length)).toFixed(1)} ms; warm${sw ? '' : ' (no service worker)'} first chart ${second.t.firstChart.toFixed(0)} ms, engine ${second.t.engine.toFixed(0)} ms; load ${load()}`)
      })
    }
    loads.push(load())
    if (!values['skip-views']) {
      for (let run = 0; run < RUNS; run++) {
        const line: string[] = []
        for (const [name, path] of views) {
          const t = await fresh(async (context) => (await visit(context, server.url + path)).t)
          perView.get(name)!.push(t)
          line.push(`${name.split(' ')[1]} ${t.firstChart.toFixed(0)}/${t.engine.toFixed(0)}`)
        }
        console.log(`views run ${run + 1} (first chart/engine ms): ${line.join(', ')}; load ${load()}`)
      }
      loads.push(load())
    }
    if (!values['skip-4g']) {
      for (let run = 0; run < RUNS; run++) {
        for (const [name, path] of views.slice(0, 2)) {
          // A throttled first visit, then (once the service worker has installed) a throttled second visit.
          const [t, again] = await fresh(async (context, _problems, encodings) => {
            const throttledVisit = async () => {
              const p = await context.newPage()
              const session = await context.newCDPSession(p)
              await session.send('Network.enable')
              await session.send('Network.emulateNetworkConditions', FOUR_G)
              await p.goto(server.url + path)
              await p.waitForSelector('html[data-first-chart="1"]', { timeout: 180_000, state: 'attached' })
              await p.waitForSelector('html[data-engine="ready"]', { timeout: 180_000, state: 'attached' })
              const m = await marksOf(p)
              return { p, t: { firstChart: m.firstChart ?? NaN, engine: m.engine ?? NaN } }
            }
            const first = await throttledVisit()
            for (const e of encodings.values()) wasmEncodings.add(e)
            await waitServiceWorker(first.p)
            await first.p.close()
            const second = await throttledVisit()
            await second.p.close()
            return [first.t, second.t]
          })
          throttled.set(name, [...(throttled.get(name) ?? []), t])
          throttledWarm.set(name, [...(throttledWarm.get(name) ?? []), again])
          console.log(`4G run ${run + 1} ${name}: first visit first chart ${t.firstChart.toFixed(0)} ms, engine ${t.engine.toFixed(0)} ms; second visit ${again.firstChart.toFixed(0)} / ${again.engine.toFixed(0)} ms; load ${load()}`)
        }
      }
      loads.push(load())
    }
  } finally {
    await server.close()
  }
  loads.push(load())
  const line = (label: string, v: number, target: number) => `${label.padEnd(34)} ${v.toFixed(1).padStart(8)} ms  (target ≤ ${target} ms: ${v <= target ? 'met' : 'MISSED'})`
  console.log(`\n${RUNS} runs each, headless Chromium, loopback; load average (1 / 5 / 15 min) during the phases: ${loads.join(' → ')}`)
  console.log(line('cold median time to first chart', median(cold.map((t) => t.firstChart)), 800))
  console.log(line('cold median time to engine ready', median(cold.map((t) => t.engine)), 3500))
  console.log(line(`filter change p95 (n=${filter.length})`, p95(filter), 100))
  console.log(`${'filter change median'.padEnd(34)} ${median(filter).toFixed(1).padStart(8)} ms`)
  console.log(`${'  same changes, engine confirmed p95'.padEnd(34)} ${p95(filterConfirmed).toFixed(1).padStart(8)} ms  (until the engine's background run agreed; median ${median(filterConfirmed).toFixed(1)} ms)`)
  console.log(line(`not prebuilt: metric / cross-filter p95 (n=${other.length})`, p95(other), 100))
  console.log(`${'  not prebuilt median'.padEnd(34)} ${median(other).toFixed(1).padStart(8)} ms  (单位对比 metric changes, 办理结果 unit clicks)`)
  if (switches.length) console.log(`${`district switch on 总览 (n=${switches.length})`.padEnd(34)} median ${median(switches).toFixed(0)} ms, p95 ${p95(switches).toFixed(0)} ms, worst ${Math.max(...switches).toFixed(0)} ms  (to ${switchTo.length} districts of ${index.districts.length}; the district's file attached, its charts drawn)`)
  console.log(`\n${''.padEnd(34)} ${'first chart'.padStart(20)}  ${'engine ready'.padStart(20)}  ${'every chart drawn'.padStart(20)}`)
  const row = (label: string, ts: VisitTiming[]) => console.log(`${label.padEnd(34)} ${fmt(ts.map((t) => t.firstChart))}  ${fmt(ts.map((t) => t.engine))}  ${fmt(ts.map((t) => t.allCharts ?? NaN))}`)
  row('总览 cold (fresh profile)', cold)
  row('总览 warm (2nd visit, SW + cache)', warm)
  if (!values['skip-views']) {
    console.log('every view, fresh profile each:')
    for (const [name, ts] of perView) row(`  ${name}`, ts)
    const slowest = [...perView].map(([name, ts]) => [name, median(ts.map((t) => t.firstChart))] as const).sort((a, b) => b[1] - a[1])[0]
    if (slowest) console.log(line(`slowest view's median first chart (${slowest[0].split(' ')[1]})`, slowest[1], 800))
    const engines = [...perView].flatMap(([, ts]) => ts.map((t) => t.engine)).filter(Number.isFinite)
    if (engines.length) console.log(line('every view: median engine ready', median(engines), 3500))
  }
  if (!values['skip-4g']) {
    console.log(`throttled 4G (20 Mbit/s, 80 ms RTT), fresh profile; wasm sent as: ${[...wasmEncodings].join(', ') || 'unknown'}`)
    for (const [name, ts] of throttled) row(`  ${name}, first visit`, ts)
    for (const [name, ts] of throttledWarm) row(`  ${name}, second visit (SW)`, ts)
  }
  if (values.breakdown) {
    printBreakdown(loadTimings, changeTimings)
    console.log('\nchanges not prebuilt:')
    printBreakdown([], otherTimings)
  }
}

main().catch((err: unknown) => {
  console.error(`bench:ui: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
