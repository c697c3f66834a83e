import { describe, expect, it } from 'vitest'
import { buildRankingTable, MIN_RATE_N, peerKinds } from '~/components/compare/ranking-table'
import type { RankingSumRow, RankingUnitRow } from '~/db/sql/ranking-table'

const sum = (unit: string, year: number, cells: Record<string, number>): RankingSumRow[] =>
  Object.entries(cells).map(([key, value]) => ({ unit, year, key, value }))
const UNITS: RankingUnitRow[] = [
  { unit: '甲镇', unit_kind: '镇', status: 'received' },
  { unit: '乙镇', unit_kind: '镇', status: 'received' },
  { unit: '丙镇', unit_kind: '镇', status: 'received' },
  { unit: '丁镇', unit_kind: '镇', status: 'not_published' },
]
const SUMS: RankingSumRow[] = [
  ...sum('甲镇', 2021, { 'apply.new.total': 10, 'apply.result.total.total': 20, 'apply.result.granted.total': 10 }),
  ...sum('甲镇', 2022, { 'apply.new.total': 30, 'apply.result.total.total': 40, 'apply.result.granted.total': 30 }),
  ...sum('乙镇', 2021, { 'apply.new.total': 50, 'apply.result.total.total': 5, 'apply.result.granted.total': 5 }),
  ...sum('乙镇', 2022, { 'apply.new.total': 20, 'apply.result.total.total': 4, 'apply.result.granted.total': 4 }),
  ...sum('丙镇', 2022, { 'apply.new.total': 30 }),
]

describe('ranking table', () => {
  const { rows, total, median } = buildRankingTable(UNITS, SUMS, 2022, 'new')
  const row = (u: string) => rows.find((r) => r.unit === u)!

  it('ranks by the chosen metric (ties share a rank) and lists a unit without a report last, without values', () => {
    expect(rows.map((r) => [r.unit, r.rank])).toEqual([['甲镇', 1], ['丙镇', 1], ['乙镇', 3], ['丁镇', null]])
    expect(row('丁镇')).toMatchObject({ missing: true, status: 'not_published', change: null, share: null })
    expect(row('丁镇').values.new).toBeNull()
  })

  it('gives share of the district, change and rank change only like for like', () => {
    expect(row('甲镇').share).toBeCloseTo(30 / 80)
    expect(row('甲镇')).toMatchObject({ change: 20, rankChange: 1 }) // 2021: 2nd, 2022: 1st
    expect(row('乙镇')).toMatchObject({ change: -30, rankChange: -2 })
    expect(row('丙镇')).toMatchObject({ change: null, rankChange: null }) // no 2021 report
  })

  it('carries each rate’s denominator n, so a rate over a few cases can be marked', () => {
    expect(row('乙镇').values.granted_share).toBe(1)
    expect(row('乙镇').n.granted_share).toBe(4)
    expect(row('乙镇').n.granted_share!).toBeLessThan(MIN_RATE_N)
    expect(row('甲镇').n.granted_share).toBe(40)
  })

  it('has a district total (ratios of sums) and a median row', () => {
    expect(total.new).toBe(80)
    expect(total.granted_share).toBeCloseTo(34 / 44)
    expect(median.new).toBe(30)
  })
})

describe('ranking table peer groups', () => {
  const units: RankingUnitRow[] = [...UNITS, { unit: '甲街道', unit_kind: '街道', status: 'received' }]
  const sums = [...SUMS, ...sum('甲街道', 2022, { 'apply.new.total': 100 }), ...sum('甲街道', 2021, { 'apply.new.total': 1 })]

  it('offers the kinds present, in registry kind order', () => {
    expect(peerKinds(units)).toEqual(['街道', '镇'])
  })

  it('ranks, shares, totals and medians within the peer group only', () => {
    const all = buildRankingTable(units, sums, 2022, 'new')
    expect(all.rows[0]!.unit).toBe('甲街道')
    const town = buildRankingTable(units, sums, 2022, 'new', '镇')
    expect(town.rows.map((r) => r.unit)).toEqual(['甲镇', '丙镇', '乙镇', '丁镇'])
    expect(town.rows[0]!.rank).toBe(1)
    expect(town.total.new).toBe(80)
    expect(town.rows[0]!.share).toBeCloseTo(30 / 80)
    expect(town.median.new).toBe(30)
  })
})
