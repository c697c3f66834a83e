import { parseReport } from '~/report/parse'
import { generateDistrict } from './generate'
import { buildDemoContent } from './reports'
const demo = generateDistrict({ seed: 20260101 })
const content = buildDemoContent({ seed: 20260101, units: 22, years: [2019, 2025], faults: true })
let i = 0, mism = 0
const byRendering = new Map<string, { n: number; bad: number }>()
for (const f of demo.files) {
  const r = content.reports[i++]!
  const out = parseReport(f.bytes, f.path.split('/').pop()!)
  const ext = f.path.split('.').pop()!
  if (!out.ok) { console.log('UNREADABLE', f.path, out.error); continue }
  const p = out.report
  const rend = p.meta.rendering
  const s = byRendering.get(rend) ?? { n: 0, bad: 0 }; s.n++
  const diffs = Object.entries(r.cells).filter(([k, v]) => p.cells[k] !== v && !(v === null && p.cells[k] === null))
  const errs = p.findings.filter((x) => x.level !== 'info')
  if (!r.tablesMissing && (diffs.length || errs.length || p.meta.year !== r.year || p.meta.format !== r.format)) {
    s.bad++; mism++
    if (mism < 60) console.log(f.path.slice(13,40), rend, 'unit', p.meta.unit, 'year', p.meta.year, p.meta.format, 'diffs', diffs.length, diffs.slice(0, 2).map(([k, v]) => `${k}=${v}/${p.cells[k]}`).join(' '), errs.map((e) => e.rule).join(","))
  }
  if (r.tablesMissing) console.log('TM', f.path, p.findings.map((x) => x.rule))
  byRendering.set(rend, s)
}
console.log([...byRendering], 'mismatch', mism)
