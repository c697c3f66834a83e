/**
 * `npx tsx scripts/bench-national.ts [-- --reports 20000 --districts 100 --provinces 5 --build]`:
 * the size of national.json (raw, gzip, Brotli) for a generated set of districts grouped into
 * provinces, and the bytes per district, which is what the file's size grows with (its series are
 * per district and year, whatever the number of reports).
 *
 * By default the generator's figures go straight through the build's own steps (countedReports,
 * buildSummary, buildNationalIndex) — the parse is what takes the time and does not change the
 * index. `--build` renders the report files and runs the whole data build instead.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { buildData } from './build/build'
import type { BuildLog } from './build/log'
import { withEngines } from './build-data'
import { generateDistrict } from './demo/generate'
import { writeDistrictFolder } from './demo/write-folder'
import { buildDemoContent } from './demo/reports'
import { buildNationalIndex, countedByYear, type NationalDistrictInput } from '~/build/national-index'
import { buildSummary, countedReports } from '~/build/summary'
import type { BuiltReport, DistrictData, UnitRecord } from '~/build/types'
import { computeCoverage } from '~/build/coverage'
import { KPI_MIN_COVERAGE } from '~/charts/options/overview-kpis'
import { NATIONAL_FILE } from '~/db/national'
import type { NationalIndex } from '~/build/national-index'

const YEARS: [number, number] = [2019, 2025]
const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '20000' }, districts: { type: 'string', default: '100' }, provinces: { type: 'string', default: '5' },
    jobs: { type: 'string', default: String(availableParallelism()) }, build: { type: 'boolean', default: false },
  },
})
const reports = Number(values.reports)
const districts = Number(values.districts)
const provinces = Number(values.provinces)
for (const [name, v] of [['--reports', reports], ['--districts', districts], ['--provinces', provinces]] as const) {
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name}: "${v}" is not a positive integer`)
}
const units = Math.max(1, Math.ceil(reports / districts / (YEARS[1] - YEARS[0] + 1)))

const place = (i: number) => ({ name: `示例区${i}`, province: `示例省${i % provinces}（虚构）`, city: `示例市${i % provinces}-${i % 7}（虚构）` })
const kb = (x: number) => `${(x / 1024).toFixed(1)} kB`
const load = loadavg()[0]!
const t = performance.now()
const { bytes, files } = values.build ? await viaBuild() : viaSteps()
const seconds = (performance.now() - t) / 1000
const idx = JSON.parse(bytes.toString('utf8')) as NationalIndex
const n = idx.provinces.reduce((a, p) => a + p.cities.reduce((b, c) => b + c.districts.length, 0), 0)
console.log(`${files} reports in ${n} districts × ${idx.years.length} years, ${idx.provinces.length} provinces (${values.build ? 'full data build' : "the build's summary and index steps on the generated figures"}, ${seconds.toFixed(0)} s, load average before ${load.toFixed(1)})`)
console.log(`  ${NATIONAL_FILE}: ${kb(bytes.length)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzip, ${kb(brotliCompressSync(bytes).length)} Brotli; ${(bytes.length / n).toFixed(0)} bytes per district raw`)

/** The generator's figures as built reports, every roster unit expected every year: the index the build would write for them. */
function viaSteps(): { bytes: Buffer; files: number } {
  const inputs: NationalDistrictInput[] = []
  let files = 0
  for (let i = 0; i < districts; i++) {
    const content = buildDemoContent({ seed: 1000 + i, units, years: YEARS, faults: units >= 16 })
    const id = `d${String(i).padStart(4, '0')}`
    const unitOf = new Map<string, UnitRecord>(content.roster.map((u) => [u.name, { code: u.code || null, name: u.name, kind: u.kind, aliases: u.aliases, valid_from: null, valid_to: null }]))
    const reports: BuiltReport[] = content.reports.filter((r) => !r.tablesMissing).map((r, k) => ({
      reportId: k, district: id, file: `reports/${r.year}/${k}.txt`, sha256: '', provenance: 'synthetic', url: null,
      report: { meta: { unit: r.unit.name, year: r.year, format: r.format, format_claimed: null, format_sections: { active: r.format, apply: r.format }, period_year: null, file: '', rendering: 'docx-text', encoding: 'utf-8', traditional: false, sections_found: [] }, cells: r.cells, cell_notes: {}, prose: {}, findings: [] },
      unit: unitOf.get(r.unit.name)!, unitName: r.unit.name, year: r.year, status: 'ok', findings: [],
    }) satisfies BuiltReport)
    files += reports.length
    const years = Array.from({ length: YEARS[1] - YEARS[0] + 1 }, (_, k) => YEARS[0] + k)
    const data: DistrictData = {
      id, units: [...unitOf.values()], sources: new Map(),
      info: { ...place(i), publisher: '', license: 'CC0-1.0', license_note: '', contact: '', provenance: 'synthetic', synthetic: true, years: YEARS },
    }
    const coverage = computeCoverage(data, reports, years)
    const counted = countedReports(reports, coverage)
    inputs.push({ summary: buildSummary(data, years, reports, counted, coverage, []), counted: countedByYear(counted), findings: [] })
  }
  return { bytes: Buffer.from(JSON.stringify(buildNationalIndex(inputs, KPI_MIN_COVERAGE))), files }
}

/** Render every report file and run the whole data build on them. */
async function viaBuild(): Promise<{ bytes: Buffer; files: number }> {
  const root = mkdtempSync(join(tmpdir(), 'gov-national-'))
  try {
    let files = 0
    for (let i = 0; i < districts; i++) {
      const demo = generateDistrict({ seed: 1000 + i, units, years: YEARS, faults: units >= 16 })
      files += writeDistrictFolder(join(root, 'in', 'districts', `d${String(i).padStart(4, '0')}`), demo, place(i))
    }
    const quiet: BuildLog = { info: () => {}, problem: () => {}, progress: () => {} }
    await withEngines(Number(values.jobs), (engines) => buildData({ dataDir: join(root, 'in'), outDir: join(root, 'out'), strict: false, log: quiet }, engines))
    return { bytes: readFileSync(join(root, 'out', NATIONAL_FILE)), files }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}
