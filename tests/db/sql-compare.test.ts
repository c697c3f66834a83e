import type { DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  heatmapSql, rankingSql, resolveMetric, unitYearSql, type HeatmapRow, type RankingRow, type UnitYearRow,
} from '~/db/sql/compare'
import type { Scope } from '~/db/sql/scope'
import { openFixtureDb, rows, type FixtureCoverage, type FixtureReport } from './sql-views-fixture'

const QUOTED = "O'Brien镇"
const base = { district: 'hl', unit_kind: '镇' }
const REPORTS: FixtureReport[] = [
  { ...base, report_id: 1, unit: '甲镇', unit_code: '001', year: 2020, format: 'gov2019',
    cells: { 'apply.new.total': 5, 'apply.result.granted.total': 3, 'apply.result.total.total': 4, 'review.corrected': 1, 'review.total': 3, 'review.pending': 1, 'active.fee.prev_items': 2 } },
  { ...base, report_id: 2, unit: '甲镇', unit_code: '001', year: 2021, format: 'gov2021',
    cells: { 'apply.new.total': 7, 'apply.result.granted.total': 2, 'apply.result.partial.total': 1, 'apply.result.total.total': 6, 'review.corrected': 0, 'review.total': 1, 'review.pending': 0, 'active.fee.amount_wan': 1.5 } },
  { ...base, report_id: 3, unit: '乙街道', unit_code: '002', unit_kind: '街道', year: 2021, format: 'gov2021',
    cells: { 'apply.new.total': 9, 'apply.result.total.total': 0, 'active.fee.amount_wan': null } },
  // A second, smaller file for 乙街道 2021 (coverage: duplicate): report 3 (more cells) is the primary one.
  { ...base, report_id: 4, unit: '乙街道', unit_code: '002', unit_kind: '街道', year: 2021, format: 'gov2021',
    cells: { 'apply.new.total': 100 } },
  { ...base, report_id: 5, unit: QUOTED, unit_code: null, year: 2021, format: 'gov2021',
    cells: { 'apply.new.total': 0, 'apply.result.total.total': 0 } },
]
const cov = (unit: string, unit_code: string | null, unit_kind: string, year: number, status: FixtureCoverage['status']): FixtureCoverage =>
  ({ district: 'hl', unit, unit_code, unit_kind, year, status })
const COVERAGE: FixtureCoverage[] = [
  cov('甲镇', '001', '镇', 2020, 'received'), cov('甲镇', '001', '镇', 2021, 'received'),
  cov('乙街道', '002', '街道', 2020, 'not_collected'), cov('乙街道', '002', '街道', 2021, 'duplicate'),
  cov(QUOTED, null, '镇', 2020, 'not_expected'), cov(QUOTED, null, '镇', 2021, 'received'),
]

const ALL_SCOPE: Scope = { district: 'hl' }
let con: DuckDBConnection
beforeAll(async () => { con = await openFixtureDb(REPORTS, COVERAGE) })
afterAll(() => con?.closeSync())

const metric = (key: string) => resolveMetric(key)!

describe('compare SQL on DuckDB', () => {
  it('ranks units by a derived sum metric over all years, counting a duplicate report once', async () => {
    const r = await rows<RankingRow>(con, rankingSql(ALL_SCOPE, metric('new')))
    expect(r.map((x) => [x.unit, x.value, x.reports])).toEqual([['甲镇', 12, 2], ['乙街道', 9, 1], [QUOTED, 0, 1]])
  })

  it('computes a ratio metric as a ratio of sums, null on a zero denominator', async () => {
    const r = await rows<RankingRow>(con, rankingSql(ALL_SCOPE, metric('granted_share')))
    const byUnit = Object.fromEntries(r.map((x) => [x.unit, x.value]))
    expect(byUnit['甲镇']).toBeCloseTo(6 / 10)
    expect(byUnit['乙街道']).toBeNull()
    const rate = await rows<RankingRow>(con, rankingSql(ALL_SCOPE, metric('correction_rate')))
    // corrected 1 of concluded (3 - 1) + (1 - 0) = 3
    expect(rate.find((x) => x.unit === '甲镇')!.value).toBeCloseTo(1 / 3)
  })

  it('ranks by a single cell key and keeps the format boundary: a 2019 report lacks the 2021 fee amount', async () => {
    const r = await rows<UnitYearRow>(con, unitYearSql(ALL_SCOPE, metric('active.fee.amount_wan')))
    // Every expected unit-year with its status: 乙街道 2020 is a year without a report (not a 0).
    expect(r.map((x) => [x.unit, x.year, x.status, x.value])).toEqual([
      [QUOTED, 2021, 'received', null], ['乙街道', 2020, 'not_collected', null], ['乙街道', 2021, 'duplicate', 0], ['甲镇', 2020, 'received', null], ['甲镇', 2021, 'received', 1.5],
    ])
    const heat = await rows<HeatmapRow>(con, heatmapSql(ALL_SCOPE, metric('active.fee.amount_wan')))
    expect(heat.find((x) => x.unit === '甲镇' && x.year === 2020)).toMatchObject({ value: null, cells_present: 0 })
  })

  it('marks missing, duplicate and not-expected years in the heatmap, and reported zeros as 0', async () => {
    const r = await rows<HeatmapRow>(con, heatmapSql(ALL_SCOPE, metric('new')))
    const cell = (u: string, y: number) => r.find((x) => x.unit === u && x.year === y)
    expect(r).toHaveLength(6)
    expect(cell('乙街道', 2020)).toMatchObject({ status: 'not_collected', value: null })
    expect(cell('乙街道', 2021)).toMatchObject({ status: 'duplicate', value: 9 })
    expect(cell(QUOTED, 2020)).toMatchObject({ status: 'not_expected', value: null })
    expect(cell(QUOTED, 2021)).toMatchObject({ status: 'received', value: 0, cells_present: 1 })
    expect(cell('乙街道', 2020)).toMatchObject({ cells_present: 0 })
  })

  it('filters by year range, unit kind and chosen units (escaping quotes in unit names)', async () => {
    const scope: Scope = { district: 'hl', years: [2021, 2021], kinds: ['镇'], units: [QUOTED, '甲镇'] }
    const r = await rows<RankingRow>(con, rankingSql(scope, metric('new')))
    expect(r.map((x) => [x.unit, x.value])).toEqual([['甲镇', 7], [QUOTED, 0]])
    const other = await rows<RankingRow>(con, rankingSql({ ...ALL_SCOPE, district: "x' OR '1'='1" }, metric('new')))
    expect(other).toEqual([])
  })

  it('lists expected units without any report in scope at the end of the ranking, with why they have none', async () => {
    // 2020: 乙街道 was not collected — it stays in the ranking, last, marked not_collected.
    const r = await rows<RankingRow>(con, rankingSql({ district: 'hl', years: [2020, 2020] }, metric('new')))
    expect(r.map((x) => [x.unit, x.reports, x.missing])).toEqual([['甲镇', 1, null], ['乙街道', 0, 'not_collected']])
    expect(r.at(-1)!.value).toBeNull()
  })

  it('does not call a received report without tables missing: no value, but not 未收录', async () => {
    await con.run(`INSERT INTO coverage (district, unit, unit_code, unit_kind, year, status, n_reports) VALUES ('hl', '丁镇', '009', '镇', 2020, 'received', 1)`)
    try {
      const r = await rows<RankingRow>(con, rankingSql({ district: 'hl', years: [2020, 2020] }, metric('new')))
      expect(r.find((x) => x.unit === '丁镇')).toMatchObject({ value: null, reports: 0, missing: null })
    } finally {
      await con.run(`DELETE FROM coverage WHERE unit = '丁镇'`)
    }
  })

  it('resolves derived metrics and model cell keys, and nothing else', () => {
    expect(resolveMetric('correction_rate')!.kind).toBe('ratio')
    expect(resolveMetric('apply.result.withheld.state_secret.total')!.label.zh).toContain('国家秘密')
    expect(resolveMetric('apply.nope.total')).toBeUndefined()
  })
})
