/**
 * `npm run bench:local [-- --runs 5 --files 100 --dist DIR]`: how long 我的报告 takes to read a pile of
 * reports in Chromium. Each run opens the built site in a fresh profile on #/my-reports, waits until
 * the analysis engine is ready (it starts on page load, as for a staff member who opens the page),
 * then picks N report files at once and times "drop → ready": the page reading the files, the Web
 * Worker parsing and matching them, the rows loaded into DuckDB-WASM and saved in IndexedDB
 * (`data-local-ms` on the page, measured by the page itself from the input's change event).
 *
 * The files are copies of the real corpus (tests/corpus/raw: crawler pages, pipe/line layouts, a
 * PDF, a .docx), cycled and each made distinct by a trailing comment line (identical content would
 * be taken once). Units are inferred from the reports. Prints the median and the worst run and the
 * machine's load average (os.loadavg) before and after: on a shared 2-core machine load moves the
 * numbers more than most code changes. Target: under 10 s for 100 reports. Not a test: exits 0.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startStaticServer } from './serve-static'
import { buildSite, launchBrowser, track } from '../tests/e2e/harness'

const ROOT = resolve(import.meta.dirname, '..')
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, files: { type: 'string', default: '100' }, dist: { type: 'string' } } })
const RUNS = Math.max(5, Number(values.runs) || 5)
const FILES = Math.max(1, Number(values.files) || 100)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ')

/** N distinct report files made from the real corpus, in a temporary folder. */
function makeFiles(dir: string, n: number): string[] {
  const rawDir = join(ROOT, 'tests/corpus/raw')
  const pool = readdirSync(rawDir).filter((f) => /\.(txt|html|pdf|docx)$/.test(f)).sort()
  const paths: string[] = []
  for (let i = 0; i < n; i++) {
    const name = pool[i % pool.length]!
    // A comment line after the end: ignored by every reader, but the bytes (and so the hash) differ.
    const bytes = Buffer.concat([readFileSync(join(rawDir, name)), Buffer.from(`\n% copy ${i}\n`)])
    const path = join(dir, `${String(i).padStart(3, '0')}-${name}`)
    writeFileSync(path, bytes)
    paths.push(path)
  }
  return paths
}

const loadBefore = load()
const dist = values.dist ? resolve(values.dist) : buildSite(join(ROOT, '.cache', 'bench-local-dist'))
const server = await startStaticServer(dist)
const work = mkdtempSync(join(tmpdir(), 'bench-local-'))
const files = makeFiles(work, FILES)
const times: number[] = []
let reports = 0
try {
  for (let run = 1; run <= RUNS; run++) {
    const browser = await launchBrowser()
    try {
      const page = await browser.context.newPage()
      const tracked = await track(page, server.url)
      await page.goto(`${server.url}#/my-reports`)
      await tracked.waitForEngine(120_000)
      await page.check('[data-registry="inferred"]')
      await page.setInputFiles('[data-pick="files"]', files)
      await page.waitForSelector('section[data-view="my-reports"][data-local-ms]', { timeout: 300_000 })
      const ms = Number(await page.locator('section[data-view="my-reports"]').getAttribute('data-local-ms'))
      reports = Number(await page.locator('[data-local-reports]').textContent())
      if (tracked.foreignRequests.length) throw new Error(`requests beyond the site: ${tracked.foreignRequests.join(', ')}`)
      times.push(ms)
      // Where the time went, from the page's own user-timing measures (src/util/perf.ts).
      const parts = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('gov:local:')).map((m) => `${m.name.slice(10)} ${(m.duration / 1000).toFixed(2)} s`).join(', '))
      console.log(`run ${run}: ${(ms / 1000).toFixed(2)} s for ${FILES} files (${reports} reports) — ${parts}`)
    } finally {
      await browser.close()
    }
  }
} finally {
  await server.close()
  rmSync(work, { recursive: true, force: true })
}
console.log(`bench:local — ${FILES} files → ${reports} reports, ${RUNS} runs: median ${(median(times) / 1000).toFixed(2)} s, worst ${(Math.max(...times) / 1000).toFixed(2)} s (target < 10 s)`)
console.log(`load average (1, 5, 15 min): before ${loadBefore}, after ${load()}`)
