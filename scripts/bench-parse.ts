/**
 * Parser throughput: `npm run bench:parse [-- SECONDS]`. Parses every report fixture in
 * tests/fixtures/reports/ repeatedly on this one thread and prints reports/s overall and per
 * rendering, then the real corpus (tests/corpus/raw, its PDF measured with the PDFs). Target:
 * ≥ 500 reports/s on one core.
 *
 * Rates are per second of this process's CPU time (process.cpuUsage), so a busy shared machine
 * does not distort them; wall-clock rates are printed beside for comparison. They are steady-state
 * rates, as a build of thousands of reports sees them: 2 CPU-s over all fixtures warm up the JIT
 * and the lazy OpenCC dictionaries, and each rendering is warmed again before it is measured
 * (with a 0.5 s warm-up V8 was still compiling the shared extractor during the first group).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { parseReportAsync } from '../src/report/read'

const dir = new URL('../tests/fixtures/reports/', import.meta.url)
// Real PDFs are read with pdf.js, far slower than the rest: measured as their own group only.
const pdfDir = new URL('../tests/corpus/raw/', import.meta.url)
const seconds = Number(process.argv.slice(2).find((a) => /^\d+(\.\d+)?$/.test(a)) ?? 3)
const files = [
  ...readdirSync(dir)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, dir))) })),
  ...readdirSync(pdfDir)
    .filter((name) => name.endsWith('.pdf'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, pdfDir))) })),
]
const fixtures = await Promise.all(
  files.map(async (f) => {
    const outcome = await parseReportAsync(f.bytes, f.name)
    return { ...f, rendering: outcome.ok ? outcome.report.meta.rendering : 'unreadable' }
  }),
)
const textual = fixtures.filter((f) => f.rendering !== 'pdf')

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1e6
}

/** Parses one group round-robin for about `budget` CPU seconds; returns reports per CPU and wall second. */
async function measure(group: readonly { name: string; bytes: Uint8Array }[], budget: number): Promise<{ count: number; perSecond: number; perWallSecond: number }> {
  let count = 0
  const cpuStart = cpuSeconds()
  const wallStart = performance.now()
  while (cpuSeconds() - cpuStart < budget) {
    for (const f of group) await parseReportAsync(f.bytes, f.name)
    count += group.length
  }
  const cpu = cpuSeconds() - cpuStart
  const wall = (performance.now() - wallStart) / 1000
  return { count, perSecond: count / cpu, perWallSecond: count / wall }
}

await measure(textual, 2) // warm-up: JIT and the lazy OpenCC dictionaries
const renderings = [...new Set(fixtures.map((f) => f.rendering))].sort()
const rows = []
for (const r of renderings) {
  const group = fixtures.filter((f) => f.rendering === r)
  await measure(group, 0.2)
  rows.push({ rendering: r, files: group.length, ...(await measure(group, seconds / renderings.length)) })
}
const overall = await measure(textual, seconds)
// The real published reports (tests/corpus: crawler pages, pipe rows, cells per line…), PDFs apart.
const realCorpus = readdirSync(pdfDir)
  .filter((name) => !name.endsWith('.pdf'))
  .sort()
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, pdfDir))) }))
await measure(realCorpus, 0.3)
const real = await measure(realCorpus, seconds)
const line = (name: string, files: number, m: { perSecond: number; perWallSecond: number }) =>
  `${name.padEnd(11)} ${String(files).padStart(3)} files  ${m.perSecond.toFixed(0).padStart(6)} reports/CPU-s  ${m.perWallSecond.toFixed(0).padStart(6)} reports/wall-s`
for (const r of rows) console.log(line(r.rendering, r.files, r))
console.log(`${line('overall', textual.length, overall)}  (${overall.count} parses, one thread; PDFs not included)`)
console.log(`${line('real corpus', realCorpus.length, real)}  (tests/corpus without its PDF)`)
