import { describe, expect, it } from 'vitest'
import { keysOf } from '~/report/model'
import { validateDistrict, validateReport, validateSeries } from '~/report/validate'
import { buildDemoContent, type DemoReport } from '../../scripts/demo/reports'

const SHAPE = { seed: 20260101, units: 22, years: [2019, 2025] as [number, number] }

const validate = (r: DemoReport) =>
  validateReport(
    { meta: { year: r.year, format: r.format, format_claimed: r.claimed, period_year: r.year }, cells: r.cells, prose: r.prose },
    { unitKind: r.unit.kind },
  )

describe('demo records before faults are planted', () => {
  const clean = buildDemoContent({ ...SHAPE, faults: false })

  it('has 22 units of four kinds, every unit × year, in the year’s format', () => {
    const kinds = clean.roster.reduce<Record<string, number>>((a, u) => ({ ...a, [u.kind]: (a[u.kind] ?? 0) + 1 }), {})
    expect(kinds).toEqual({ 街道: 6, 镇: 7, 乡: 3, 部门: 6 })
    expect(clean.reports).toHaveLength(22 * 7)
    for (const r of clean.reports) {
      expect(r.format).toBe(r.year >= 2021 ? 'gov2021' : 'gov2019')
      expect(Object.keys(r.cells)).toEqual(keysOf(r.format))
    }
    expect(clean.faults).toEqual([])
  })

  it('satisfies every within-report rule (A1–A11): no finding at all', () => {
    const findings = clean.reports.flatMap((r) => validate(r).map((f) => `${r.unit.name} ${r.year} ${f.rule}: ${f.message}`))
    expect(findings).toEqual([])
  })

  it('chains carry-over, documents in force and 2019 item counts across years (C1–C4), with no gap (C5)', () => {
    const findings = clean.roster.flatMap((u) =>
      validateSeries(clean.reports.filter((r) => r.unit === u)).map((f) => `${u.name} ${f.year} ${f.finding.rule}: ${f.finding.message}`),
    )
    expect(findings).toEqual([])
  })

  it('has no spike (X2) and every report says it is synthetic', () => {
    const district = validateDistrict(clean.reports.map((r) => ({ unit: r.unit.name, year: r.year, cells: r.cells, prose: r.prose })))
    expect(district.filter((f) => f.finding.rule === 'X2')).toEqual([])
    for (const r of clean.reports) expect(r.prose.overview).toContain('本报告为程序生成的示例数据，非真实政府报告')
  })

  it('keeps townships small and departments busy, mostly natural persons', () => {
    const sum = (rs: DemoReport[], key: string) => rs.reduce((a, r) => a + (r.cells[key] ?? 0), 0)
    const towns = clean.reports.filter((r) => r.unit.kind !== '部门')
    const depts = clean.reports.filter((r) => r.unit.kind === '部门')
    const townNew = towns.map((r) => r.cells['apply.new.total'] ?? 0).sort((a, b) => a - b)
    expect(townNew[Math.floor(townNew.length * 0.9)]).toBeLessThanOrEqual(10)
    expect(Math.max(...depts.map((r) => r.cells['apply.new.total'] ?? 0))).toBeGreaterThanOrEqual(100)
    expect(sum(clean.reports, 'apply.new.natural_person') / sum(clean.reports, 'apply.new.total')).toBeGreaterThan(0.7)
    expect(towns.every((r) => r.cells['active.regulation.issued'] === undefined || r.cells['active.regulation.issued'] === 0)).toBe(true)
    const fees = depts.filter((r) => r.format === 'gov2021').map((r) => r.cells['active.fee.amount_wan'] ?? 0)
    expect(fees.some((v) => !Number.isInteger(v))).toBe(true)
  })

  it('is deterministic: the same seed gives the same records, another seed different ones', () => {
    const again = buildDemoContent({ ...SHAPE, faults: false })
    expect(again.reports.map((r) => r.cells)).toEqual(clean.reports.map((r) => r.cells))
    const other = buildDemoContent({ ...SHAPE, seed: 7, faults: false })
    expect(other.reports.map((r) => r.cells)).not.toEqual(clean.reports.map((r) => r.cells))
  })
})

describe('demo records with planted faults', () => {
  const content = buildDemoContent({ ...SHAPE, faults: true })
  const faulty = new Set(content.faults.map((f) => `${f.unit}/${f.year}`))

  it('plants every fault kind', () => {
    const kinds = new Set(content.faults.map((f) => f.kind))
    for (const kind of ['missing', 'A1', 'A2', 'A3', 'A4', 'carry_over', 'copy_paste', 'format_mismatch', 'spike', 'renamed_unit', 'tables_missing'])
      expect(kinds, kind).toContain(kind)
  })

  it('fires exactly the planted rule, at error level, for each A1–A4 break', () => {
    for (const fault of content.faults.filter((f) => /^A[1-4]$/.test(f.kind))) {
      const report = content.reports.find((r) => r.unit.name === fault.unit && r.year === fault.year)!
      const errors = validate(report).filter((f) => f.level === 'error')
      expect(new Set(errors.map((f) => f.rule)), fault.id).toEqual(new Set([fault.kind]))
      const named = errors.flatMap((f) => f.cells)
      for (const cell of fault.expect.cells ?? []) expect(named, fault.id).toContain(cell)
    }
  })

  it('leaves every other report free of error-level findings', () => {
    const errors = content.reports
      .filter((r) => !faulty.has(`${r.unit.name}/${r.year}`))
      .flatMap((r) => validate(r).filter((f) => f.level === 'error').map((f) => `${r.unit.name} ${r.year} ${f.rule}`))
    expect(errors).toEqual([])
  })

  it('leaves out the missing reports, one of them a middle-year gap (C5)', () => {
    for (const fault of content.faults.filter((f) => f.kind === 'missing'))
      expect(content.reports.some((r) => r.unit.name === fault.unit && r.year === fault.year), fault.id).toBe(false)
    const gap = content.faults.find((f) => f.kind === 'missing' && f.expect.rule === 'C5')!
    const series = validateSeries(content.reports.filter((r) => r.unit.name === gap.unit))
    expect(series.map((f) => [f.finding.rule, f.year])).toContainEqual(['C5', gap.year])
  })

  it('raises the series and district rules the manifest expects (C1, X1, X2, F1)', () => {
    for (const fault of content.faults.filter((f) => ['C1', 'X1', 'X2', 'F1'].includes(f.expect.rule))) {
      const unitReports = content.reports.filter((r) => r.unit.name === fault.unit)
      const report = unitReports.find((r) => r.year === fault.year)!
      const rules =
        fault.expect.rule === 'C1'
          ? validateSeries(unitReports).filter((f) => f.year === fault.year).map((f) => f.finding.rule)
          : fault.expect.rule === 'F1'
            ? validate(report).map((f) => f.rule)
            : validateDistrict(content.reports.map((r) => ({ unit: r.unit.name, year: r.year, cells: r.cells })))
                .filter((f) => f.unit === fault.unit && f.year === fault.year)
                .map((f) => f.finding.rule)
      expect(rules, fault.id).toContain(fault.expect.rule)
    }
  })

  it('prints the renamed unit under its alias and flags the tables-missing report', () => {
    for (const fault of content.faults.filter((f) => f.kind === 'renamed_unit')) {
      const report = content.reports.find((r) => r.unit.name === fault.unit && r.year === fault.year)!
      expect(report.unit.aliases.some((a) => report.printedName.endsWith(a))).toBe(true)
      expect(report.printedName).not.toContain(fault.unit)
    }
    const bare = content.faults.find((f) => f.kind === 'tables_missing')!
    expect(content.reports.find((r) => r.unit.name === bare.unit && r.year === bare.year)!.tablesMissing).toBe(true)
  })
})
