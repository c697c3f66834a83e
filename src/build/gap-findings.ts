import type { CoverageRow } from './coverage'
import type { CrossFinding } from './cross-checks'
import { buildFinding } from './rules'

/**
 * One finding for every expected unit-year without a report, so the findings list names every gap:
 * `not_published` (warn) where sources.csv records it as looked for and not found — the unit's
 * failure — and `not_collected` (info) where we simply lack the file, which is no fault of the unit.
 * A not_published row for a unit-year whose report is in reports/ is an input problem (returned in
 * `problems`; the caller logs it). Pure (no node:): the browser's local district shares it.
 */
export function gapFindings(b: { coverage: readonly CoverageRow[] }): { findings: CrossFinding[]; problems: string[] } {
  const out: CrossFinding[] = []
  const problems: string[] = []
  for (const c of b.coverage) {
    const s = c.source
    if (c.status === 'not_collected') {
      out.push({
        unit: c.unit.name,
        year: c.year,
        report: null,
        finding: buildFinding('not_collected', 'info',
          `${c.unit.name} ${c.year} 年度报告未收录：本站没有该报告文件，也没有查找记录（不是单位的过失）`,
          `${c.unit.name} ${c.year}: report not collected — we hold no file and no record of a search (not the unit's fault)`),
      })
      continue
    }
    if (s?.status !== 'not_published') continue
    if (c.status === 'not_published') {
      const note = s.note ? `（${s.note}）` : ''
      out.push({
        unit: c.unit.name,
        year: c.year,
        report: null,
        finding: buildFinding('not_published', 'warn',
          `${c.unit.name} ${c.year} 年度报告经查未发布（${s.checked_at} 查找未发现${note}）`,
          `${c.unit.name} did not publish its ${c.year} report: looked for on ${s.checked_at} and not found${s.note ? ` (${s.note})` : ''}`,
          { actual: s.checked_at }),
      })
    } else if (c.n_reports > 0) {
      const p = `${s.where}: "${c.unit.name}" ${c.year} is marked not_published, but ${c.n_reports} report file(s) for it are in reports/; the files count`
      problems.push(p)
    }
  }
  return { findings: out, problems }
}
