import type { CoverageRow } from './coverage'
import { buildFinding } from './rules'
import type { BuiltReport } from './types'

// Pure (no node:): the data build and the browser's local district (src/local) share it.
/** A report filed for a unit in a year it does not exist gets a finding beside its coverage row. */
export function flagNotExpected(b: { coverage: readonly CoverageRow[]; reports: readonly BuiltReport[]; years: readonly number[] }): void {
  const notExpected = new Set(b.coverage.filter((c) => c.status === 'not_expected').map((c) => `${c.unit.name}\u0000${c.year}`))
  for (const r of b.reports) {
    if (!r.unit || r.year === null || !notExpected.has(`${r.unit.name}\u0000${r.year}`)) continue
    const span = `${r.unit.valid_from ?? '…'}–${r.unit.valid_to ?? '…'}`
    r.findings.push(
      buildFinding('not_expected', 'warn',
        `${r.unit.name} 在 ${r.year} 年不在应报范围内（单位存续 ${span}，覆盖年度 ${b.years[0] ?? '…'}–${b.years.at(-1) ?? '…'}）：${r.file}`,
        `${r.unit.name} is not expected to report for ${r.year} (unit exists ${span}, coverage years ${b.years[0] ?? '…'}–${b.years.at(-1) ?? '…'}): ${r.file}`,
        { actual: r.year }),
    )
  }
}
