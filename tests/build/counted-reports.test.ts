import { describe, expect, it } from 'vitest'
import type { CoverageRow } from '~/build/coverage'
import { countedReports } from '~/build/summary'
import type { BuiltReport, UnitRecord } from '../../scripts/build/types'
import type { Finding } from '~/report/types'

const unit = (name: string): UnitRecord => ({ code: null, name, kind: '镇', aliases: [], valid_from: null, valid_to: null })

const errorFinding: Finding = { rule: 'A1', level: 'error', cells: [], message: '勾稽不平', message_en: 'Balance broken' }

/** A built report with `errors` error findings and `cells` located cells; `unitName` null = unmatched. */
function report(id: number, unitName: string | null, year: number | null, errors: number, cells: number, file: string): BuiltReport {
  const cellValues = Object.fromEntries(Array.from({ length: cells }, (_, i) => [`apply.k${i}`, i]))
  return {
    reportId: id, district: 'd', file, sha256: `sha-${id}`, provenance: 'synthetic', url: null,
    report: {
      meta: {
        unit: unitName, year, format: 'gov2021', format_claimed: null, format_sections: { active: 'gov2021', apply: 'gov2021' },
        period_year: null, file, rendering: 'docx-text', encoding: 'utf-8', traditional: false, sections_found: [],
      },
      cells: cellValues, cell_notes: {}, prose: {}, findings: [],
    },
    unit: unitName === null ? null : unit(unitName),
    unitName: unitName ?? '未匹配',
    year,
    status: unitName === null ? 'unmatched' : errors ? 'error' : 'ok',
    findings: Array.from({ length: errors }, () => errorFinding),
  }
}

const cov = (name: string, year: number, status: CoverageRow['status'], n: number): CoverageRow => ({ unit: unit(name), year, status, n_reports: n, source: null })

const ids = (list: BuiltReport[]) => list.map((r) => r.reportId).sort((a, b) => a - b)

describe('countedReports', () => {
  it('keeps one report per unit-year: fewest errors, then most cells, then file', () => {
    const reports = [
      report(1, '甲镇', 2021, 2, 200, 'a.txt'),
      report(2, '甲镇', 2021, 0, 150, 'b.txt'),
      report(3, '乙镇', 2021, 0, 200, 'b.txt'),
      report(4, '乙镇', 2021, 0, 200, 'a.txt'),
      report(5, '丁镇', 2021, 0, 100, 'a.txt'),
      report(6, '丁镇', 2021, 0, 120, 'z.txt'),
    ]
    const coverage = [cov('甲镇', 2021, 'duplicate', 2), cov('乙镇', 2021, 'duplicate', 2), cov('丁镇', 2021, 'duplicate', 2)]
    expect(ids(countedReports(reports, coverage))).toEqual([2, 4, 6])
  })

  it('leaves out unmatched and unreadable reports and unit-years the registry does not expect', () => {
    const unreadable = { ...report(4, '戊镇', 2022, 1, 0, 'bad.doc'), report: null, status: 'unreadable' as const }
    const reports = [
      report(1, null, 2021, 0, 200, 'x.txt'),
      report(2, '丙局', 2020, 0, 200, 'early.txt'),
      report(3, '丙局', 2022, 0, 200, 'ok.txt'),
      unreadable,
    ]
    const coverage = [cov('丙局', 2020, 'not_expected', 1), cov('丙局', 2022, 'received', 1), cov('戊镇', 2022, 'received', 1)]
    expect(ids(countedReports(reports, coverage))).toEqual([3])
  })

  it('counts the same unit in different years separately', () => {
    const reports = [report(1, '甲镇', 2020, 0, 10, 'a.txt'), report(2, '甲镇', 2021, 3, 10, 'a.txt')]
    expect(ids(countedReports(reports, [cov('甲镇', 2020, 'received', 1), cov('甲镇', 2021, 'received', 1)]))).toEqual([1, 2])
  })
})
