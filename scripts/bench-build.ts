/**
 * `npm run bench:build [-- --sizes 20000,100000 --jobs N --keep --merge]`: generate N reports as synthetic
 * districts of 22 units × 2019–2025 (the demo generator, scripts/demo, one seed per district),
 * grouped into provinces of 5 cities × 6 districts, run the data build on them in a child process
 * and print wall time, reports/s, CPU, the child's peak RSS (the whole process: main thread and
 * parser worker threads), output bytes per report and the per-district file sizes. The load
 * average is printed with every figure: on a shared machine it says how far to trust them.
 * `--merge`: then time `npm run merge` of the output (as one part) in another child: what putting
 * per-district jobs together costs (copying every district database, writing the shared files).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { buildData } from './build/build'
import type { BuildLog } from './build/log'
import { withEngines } from './build-data'
import { mergeOutputs } from './build/merge'
import { generateDistrict } from './demo/generate'
import { writeDistrictFolder } from './demo/write-folder'

const YEARS: [number, number] = [2019, 2025]
const UNITS = 22
const DISTRICTS_PER_CITY = 6
const CITIES_PER_PROVINCE = 5

/** Write generated districts of about `reports` reports in all under `<root>/districts/`; returns files and districts written. */
function writeDistricts(root: string, reports: number): { files: number; districts: number; provinces: number } {
  const perDistrict = UNITS * (YEARS[1] - YEARS[0] + 1)
  const n = Math.max(1, Math.round(reports / perDistrict))
  let files = 0
  for (let i = 0; i < n; i++) {
    const city = Math.floor(i / DISTRICTS_PER_CITY)
    const province = Math.floor(city / CITIES_PER_PROVINCE)
    const id = `bench-${String(i + 1).padStart(4, '0')}`
    const demo = generateDistrict({ seed: 7 + i, units: UNITS, years: YEARS })
    files += writeDistrictFolder(join(root, 'districts', id), demo, { name: `测试${i + 1}区`, city: `测试${city + 1}市`, province: `测试${province + 1}省` })
  }
  return { files, districts: n, provinces: Math.floor((n - 1) / DISTRICTS_PER_CITY / CITIES_PER_PROVINCE) + 1 }
}

function sizes(dir: string, prefix = ''): [string, number][] {
  return readdirSync(dir).flatMap((e): [string, number][] => {
    const p = join(dir, e)
    return statSync(p).isDirectory() ? sizes(p, `${prefix}${e}/`) : [[`${prefix}${e}`, statSync(p).size]]
  })
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`
const kb = (n: number) => `${(n / 1e3).toFixed(0)} kB`
const load = () => loadavg().map((x) => x.toFixed(1)).join(' / ')

/** What the child prints as its last line. */
interface ChildResult { seconds: number; cpuSeconds: number; maxRssBytes: number; ok: boolean; errors: number; unreadable: number }

/** Progress only at the end of each district: the benchmark's output should be the numbers. */
const quietLog: BuildLog = { info: (l) => void (l.startsWith('time:') && console.error(`  ${l}`)), problem: () => {}, progress: () => {} }

/** The build itself, in its own process, so its peak RSS is its own (not the generator's). */
async function child(input: string, out: string, jobs: number): Promise<void> {
  const t = performance.now()
  const result = await withEngines(jobs, (engines) => buildData({ dataDir: input, outDir: out, strict: false, log: quietLog }, engines))
  const usage = process.resourceUsage()
  const res: ChildResult = {
    seconds: (performance.now() - t) / 1000,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    // maxRSS is the process's peak resident set in kB: every thread, the parser workers included.
    maxRssBytes: usage.maxRSS * 1024,
    ok: result.ok,
    errors: result.districts.reduce((a, d) => a + d.errors, 0),
    unreadable: result.districts.reduce((a, d) => a + d.unreadable, 0),
  }
  console.log(JSON.stringify(res))
}

/** The merge of a built output (as one part) into another folder, in its own process like the build. */
async function mergeChild(part: string, out: string): Promise<void> {
  const t = performance.now()
  const r = await mergeOutputs([part], { outDir: out, log: quietLog })
  const usage = process.resourceUsage()
  const res: ChildResult = {
    seconds: (performance.now() - t) / 1000, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssBytes: usage.maxRSS * 1024,
    ok: r.districts.length > 0, errors: 0, unreadable: 0,
  }
  console.log(JSON.stringify(res))
}

/** Run this script as a child with `args`; its last stdout line is a ChildResult. */
function runChild(args: string[]): ChildResult {
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 20,
  })
  if (run.status !== 0) throw new Error(`the child ${args[0]} exited with ${run.status ?? run.signal}`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildResult
}

function bench(n: number, jobs: number, keep: boolean, merge: boolean): void {
  const root = mkdtempSync(join(tmpdir(), 'gov-bench-'))
  try {
    let t = performance.now()
    const gen = writeDistricts(join(root, 'in'), n)
    const genSeconds = (performance.now() - t) / 1000
    const loadBefore = load()
    t = performance.now()
    const r = runChild(['--child', join(root, 'in'), join(root, 'out'), '--jobs', String(jobs)])
    const wall = (performance.now() - t) / 1000
    const files = sizes(join(root, 'out'))
    const total = files.reduce((a, [, s]) => a + s, 0)
    console.log(`\n${gen.files} reports in ${gen.districts} districts, ${gen.provinces} provinces (generated in ${genSeconds.toFixed(1)} s)`)
    console.log(`  build: ${r.seconds.toFixed(1)} s (${wall.toFixed(1)} s with process start), ${r.cpuSeconds.toFixed(1)} s CPU, ${(gen.files / r.seconds).toFixed(0)} reports/s, peak RSS ${mb(r.maxRssBytes)}`)
    console.log(`  ${jobs} parser workers on ${availableParallelism()} cores; load average (1/5/15 min) before ${loadBefore}, after ${load()}`)
    console.log(`  ${r.unreadable} unreadable, ${r.errors} error findings (planted faults); exit ok: ${r.ok}`)
    console.log(`  output ${mb(total)} in ${files.length} files, ${kb(total / gen.files)} per report`)
    const top = (re: RegExp) => files.filter(([f]) => re.test(f)).reduce((a, [, s]) => a + s, 0)
    for (const [label, re] of [
      ['gov.duckdb (all districts)', /^gov\.duckdb$/], ['db/<district>.duckdb, all', /^db\//], ['open/<district>/…, all', /^open\/[^/]+\//],
      ['open/<table>.* (all districts)', /^open\/[^/]+$/], ['  of which open/cells.parquet', /^open\/cells\.parquet$/], ['summary/', /^summary\//], ['prebuilt/', /^prebuilt\//], ['other top-level files', /^(?!gov\.duckdb$)[^/]+$/],
    ] as const) console.log(`  ${label.padEnd(32)} ${mb(top(re)).padStart(10)}`)
    const per = (re: (id: string) => RegExp) => {
      const ids = readdirSync(join(root, 'out', 'db')).map((f) => f.replace(/\.duckdb$/, ''))
      const s = ids.map((id) => top(re(id))).sort((a, b) => a - b)
      return `min ${kb(s[0]!)}, median ${kb(s[Math.floor(s.length / 2)]!)}, max ${kb(s.at(-1)!)}`
    }
    console.log(`  per district: db/<id>.duckdb ${per((id) => new RegExp(`^db/${id}\\.duckdb$`))}; open/<id>/ ${per((id) => new RegExp(`^open/${id}/`))}`)
    console.log(`  per district and year: open/<id>/<year>/cells.parquet ${(() => {
      const s = files.filter(([f]) => /^open\/[^/]+\/\d{4}\/cells\.parquet$/.test(f)).map(([, x]) => x).sort((a, b) => a - b)
      return `min ${kb(s[0]!)}, median ${kb(s[Math.floor(s.length / 2)]!)}, max ${kb(s.at(-1)!)}`
    })()}`)
    if (merge) {
      const loadBefore = load()
      const m = runChild(['--merge-child', join(root, 'out'), join(root, 'merged')])
      console.log(`  merge of the output as one part: ${m.seconds.toFixed(1)} s, ${m.cpuSeconds.toFixed(1)} s CPU, ${(gen.files / m.seconds).toFixed(0)} reports/s, peak RSS ${mb(m.maxRssBytes)}; load before ${loadBefore}, after ${load()}`)
    }
    if (keep) console.log(`  kept: ${root}`)
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true })
  }
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sizes: { type: 'string', default: '1000,10000' }, jobs: { type: 'string', default: String(availableParallelism()) },
    child: { type: 'boolean', default: false }, 'merge-child': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false }, merge: { type: 'boolean', default: false },
  },
})
const jobs = Number(values.jobs)
if (values.child) {
  await child(positionals[0]!, positionals[1]!, jobs)
} else if (values['merge-child']) {
  await mergeChild(positionals[0]!, positionals[1]!)
} else {
  for (const n of values.sizes.split(',').map(Number)) {
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--sizes: "${n}" is not a positive integer`)
    bench(n, jobs, values.keep, values.merge)
  }
}
