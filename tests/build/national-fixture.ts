import type { CoverageRow } from '~/build/coverage'
import { buildNationalIndex, countedByYear, findingYears, type NationalDistrictInput, type NationalIndex } from '~/build/national-index'
import { buildSummary, countedReports } from '~/build/summary'
import type { BuiltReport, DistrictData, UnitRecord } from '~/build/types'
import { KPI_MIN_COVERAGE } from '~/charts/options/overview-kpis'
import type { Finding } from '~/report/types'

/** National-index fixtures made through the build's own steps (countedReports, buildSummary, buildNationalIndex). */

const unit = (name: string): UnitRecord => ({ code: null, name, kind: '镇', aliases: [], valid_from: null, valid_to: null })
export const warn: Finding = { rule: 'A1', level: 'warn', cells: [], message: '不平', message_en: 'Off' }
export const error: Finding = { ...warn, level: 'error' }

let nextId = 1
/** A built report with the given cells (`null` cells = unreadable report). */
export function report(unitName: string, year: number, cells: Record<string, number> | null, findings: Finding[] = [], file = `${unitName}-${year}.txt`): BuiltReport {
  return {
    reportId: nextId++, district: 'd', file, sha256: `sha-${nextId}`, provenance: 'published', url: null,
    report: cells === null ? null : {
      meta: {
        unit: unitName, year, format: 'gov2021', format_claimed: null, format_sections: { active: 'gov2021', apply: 'gov2021' },
        period_year: null, file, rendering: 'docx-text', encoding: 'utf-8', traditional: false, sections_found: [],
      },
      cells, cell_notes: {}, prose: {}, findings: [],
    },
    unit: unit(unitName), unitName, year, status: cells === null ? 'unreadable' : 'ok', findings,
  }
}

/** Cells of a report: applications and review/litigation figures. */
export const cells = (o: { new?: number; decided?: number; granted?: number; partial?: number; review?: number; corrected?: number; pending?: number; direct?: number }) => ({
  'apply.new.total': o.new ?? 0,
  'apply.result.total.total': o.decided ?? 0,
  'apply.result.granted.total': o.granted ?? 0,
  'apply.result.partial.total': o.partial ?? 0,
  'review.total': o.review ?? 0,
  'review.corrected': o.corrected ?? 0,
  'review.pending': o.pending ?? 0,
  'litigation.direct.total': o.direct ?? 0,
})

/**
 * One district run through the build's own steps (countedReports, buildSummary), as output.ts does:
 * `units` expected every year in `years`; a coverage row per unit-year, received when a report is given.
 */
export function district(id: string, info: { name: string; province: string; city?: string; synthetic?: boolean }, unitNames: string[], years: number[], reports: BuiltReport[], cross: { year: number | null; finding: Finding }[] = []): NationalDistrictInput {
  const data: DistrictData = {
    id,
    info: {
      name: info.name, city: info.city ?? '', province: info.province, publisher: '', license: 'CC0-1.0', license_note: '', contact: '',
      provenance: info.synthetic ? 'synthetic' : 'published', synthetic: info.synthetic ?? false, years: [years[0]!, years.at(-1)!],
    },
    units: unitNames.map(unit),
    sources: new Map(),
  }
  const coverage: CoverageRow[] = unitNames.flatMap((u) => years.map((year) => {
    const n = reports.filter((r) => r.unitName === u && r.year === year).length
    return { unit: unit(u), year, status: n === 0 ? 'not_collected' : n > 1 ? 'duplicate' : 'received', n_reports: n, source: null } as CoverageRow
  }))
  const counted = countedReports(reports, coverage)
  const levels = [...reports.flatMap((r) => r.findings.map((f) => f.level)), ...cross.map((c) => c.finding.level)]
  const summary = buildSummary(data, years, reports, counted, coverage, levels)
  return { summary, counted: countedByYear(counted), findings: findingYears(reports, cross) }
}

/** An index of two provinces (one district below the threshold in 2022) and a synthetic district; a district name that is HTML. */
export const EVIL_NAME = '<img src=x onerror=alert(1)>区'
export function fixtureNationalIndex(): NationalIndex {
  const a = district('pt', { name: '平潭', province: '福建省' }, ['甲', '乙'], [2021, 2022], [
    report('甲', 2021, cells({ new: 10, decided: 8, granted: 5, partial: 1, review: 2, corrected: 1 })),
    report('乙', 2021, cells({ new: 4, decided: 4, granted: 4, review: 1, pending: 1 })),
    report('甲', 2022, cells({ new: 7, decided: 6, granted: 3 })),
  ])
  const b = district('gl', { name: EVIL_NAME, province: '福建省', city: '福州市' }, ['丙', '丁', '戊'], [2021, 2022], [
    report('丙', 2021, cells({ new: 3, decided: 3, granted: 2 })),
    report('丁', 2021, cells({ new: 2, decided: 2, granted: 1 })),
    report('丁', 2022, cells({ new: 9, decided: 9, granted: 9 })),
  ])
  const c = district('hl', { name: '呼兰区', province: '黑龙江省', city: '哈尔滨市' }, ['白奎镇', '康金街道', '某镇'], [2021, 2022], [report('白奎镇', 2021, cells({ new: 1, decided: 1, granted: 1 }))])
  const d = district('demo', { name: '示例区', province: '示例省（虚构）', city: '示例市（虚构）', synthetic: true }, ['子'], [2021, 2022], [report('子', 2021, cells({ new: 50, decided: 50, granted: 50 }))])
  return buildNationalIndex([a, b, c, d], KPI_MIN_COVERAGE)
}
