/**
 * `npm run bench:build [-- --sizes 1000,10000]`: generate synthetic districts of N reports with the
 * demo generator (scripts/demo), write them to a temp folder, run the data build on them and print
 * seconds, reports/s and output sizes. Target: 10,000 reports ≤ 60 s.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildData } from './build/build'
import type { BuildLog } from './build/log'
import { withEngines } from './build-data'
import { generateDistrict } from './demo/generate'

const YEARS: [number, number] = [2019, 2025]
const PER_UNIT = YEARS[1] - YEARS[0] + 1

/** Write a generated district of about `reports` reports under `<root>/districts/bench`. */
function writeDistrict(root: string, reports: number): number {
  const demo = generateDistrict({ seed: 7, units: Math.ceil(reports / PER_UNIT), years: YEARS })
  const dir = join(root, 'districts', 'bench')
  const write = (path: string, data: string | Uint8Array) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), data)
  }
  write('district.json', JSON.stringify(demo.district))
  write('units.csv', demo.unitsCsv)
  for (const f of demo.files) write(f.path, f.bytes)
  return demo.files.length
}

function sizes(dir: string, prefix = ''): [string, number][] {
  return readdirSync(dir).flatMap((e): [string, number][] => {
    const p = join(dir, e)
    return statSync(p).isDirectory() ? sizes(p, `${prefix}${e}/`) : [[`${prefix}${e}`, statSync(p).size]]
  })
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`

/** Progress only at the end of each district: the benchmark's output should be the numbers. */
const quietLog: BuildLog = { info: (l) => void (l.startsWith('time:') && console.log(`  ${l}`)), problem: () => {}, progress: () => {} }

async function bench(n: number): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'gov-bench-'))
  try {
    let t = performance.now()
    const files = writeDistrict(join(root, 'in'), n)
    const genSeconds = (performance.now() - t) / 1000
    t = performance.now()
    let peak = 0
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200)
    const load = loadavg()[0]!
    const cpu0 = process.cpuUsage()
    const result = await withEngines(jobs, (engines) => buildData({ dataDir: join(root, 'in'), outDir: join(root, 'out'), strict: false, log: quietLog }, engines))
    const cpu = process.cpuUsage(cpu0)
    clearInterval(timer)
    const seconds = (performance.now() - t) / 1000
    const d = result.districts[0]!
    console.log(`\n${files} reports (generated in ${genSeconds.toFixed(1)} s)`)
    console.log(`  build: ${seconds.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (all threads), ${(files / seconds).toFixed(0)} reports/s, peak RSS ≈ ${mb(peak)}`)
    console.log(`  ${jobs} parser workers on ${availableParallelism()} cores; 1-min load average before the build: ${load.toFixed(1)}`)
    console.log(`  ${d.unreadable} unreadable, ${d.unmatched} unmatched, ${d.errors} error findings, ${d.warnings} warnings`)
    const out = sizes(join(root, 'out')).filter(([f]) => !f.startsWith('summary/') || f === 'summary/bench.json')
    for (const [f, size] of out.sort()) console.log(`  ${f.padEnd(24)} ${mb(size).padStart(10)}`)
    console.log(`  total ${mb(sizes(join(root, 'out')).reduce((a, [, s]) => a + s, 0))}`)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' }, jobs: { type: 'string', default: String(availableParallelism()) } } })
const jobs = Number(values.jobs)
for (const n of values.sizes.split(',').map(Number)) {
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--sizes: "${n}" is not a positive integer`)
  await bench(n)
}
