/**
 * `npm run demo:roundtrip`: parse every generated demo report with the project parser and compare
 * what it reads with the figures the generator drew. A diagnostic for the parser and renderers,
 * not a gate: prints agreement per rendering and the first disagreements, exits 0.
 */
import { parseReport } from '~/report/read'
import { DEFAULT_SEED, generateDistrict } from './generate'
import { buildDemoContent } from './reports'
import { baseName, extOf } from '~/util/file-name'

const demo = generateDistrict({ seed: DEFAULT_SEED })
const { reports } = buildDemoContent({ seed: DEFAULT_SEED, units: demo.manifest.options.units, years: demo.manifest.options.years, faults: true })
const tally = new Map<string, { files: number; exact: number }>()
const problems: string[] = []
demo.files.forEach((file, i) => {
  const expected = reports[i]!
  if (expected.tablesMissing) return
  const ext = extOf(file.path)
  const outcome = parseReport(file.bytes, baseName(file.path))
  const rendering = outcome.ok ? `${outcome.report.meta.rendering} (.${ext})` : `unreadable (.${ext})`
  const t = tally.get(rendering) ?? { files: 0, exact: 0 }
  tally.set(rendering, t)
  t.files++
  if (!outcome.ok) return void problems.push(`${file.path}: ${outcome.error}`)
  const got = outcome.report
  const wrong = Object.entries(expected.cells).filter(([k, v]) => got.cells[k] !== v)
  if (wrong.length === 0 && got.meta.year === expected.year && got.meta.format === expected.format) return void t.exact++
  const sample = wrong.slice(0, 3).map(([k, v]) => `${k} drawn ${v} read ${got.cells[k]}`).join('; ')
  problems.push(`${file.path}: year ${got.meta.year}, format ${got.meta.format}, ${wrong.length} cells differ${sample ? ` (${sample})` : ''}`)
})
for (const [rendering, t] of [...tally].sort()) console.log(`${rendering.padEnd(22)} ${t.exact}/${t.files} read exactly`)
if (problems.length) console.log(`\n${problems.length} reports differ:\n${problems.slice(0, 40).join('\n')}`)
