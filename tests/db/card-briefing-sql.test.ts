/**
 * The report card's and the briefing's SQL on real DuckDB, over the hand-checked fixture
 * (tests/db/fixture-db.ts, with publication data from card-fixture.ts): medians of the district and of the unit's peer kind with their n,
 * gaps as no value (never 0), duplicates counted once, untrusted names quoted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import { briefingSourceSql, briefingTopUnitsSql } from '~/db/sql/briefing'
import { cardIndicators, cardMetricsSql, cardYearsSql, type CardMetricRow, type CardYearRow } from '~/db/sql/card'
import { openCardFixture } from './card-fixture'

let db: NodeConnector
let close: () => void
beforeAll(async () => { ({ db, close } = await openCardFixture()) })
afterAll(() => close?.())

const metrics = async (unit: string) => db.query<CardMetricRow>(cardMetricsSql('demo', unit))
const at = (rows: CardMetricRow[], metric: string, year: number) => rows.find((r) => r.metric === metric && r.year === year)

describe('cardMetricsSql', () => {
  it('gives the unit’s value beside the district median and its peer kind’s median, each with n', async () => {
    const rows = await metrics('甲镇')
    // 2022 new applications: 甲镇 5, 乙'街道 7, 丙局 1 (its uncounted duplicate says 50) → median 5 of 3.
    expect(at(rows, 'new', 2022)).toEqual({ year: 2022, metric: 'new', unit_value: 5, district_median: 5, district_n: 3, peer_median: 5, peer_n: 1 })
    // 2021: 甲镇 6, 乙'街道 12 → median 9 of 2; 镇 peers: 甲镇 only.
    expect(at(rows, 'new', 2021)).toMatchObject({ unit_value: 6, district_median: 9, district_n: 2, peer_median: 6, peer_n: 1 })
    // Ratios per report: 公开率 (2+1)/6 and 8/12 → median 7/12; 纠错率 1/(2+1−1) and 1/1 → median 0.75.
    expect(at(rows, 'granted_share', 2021)!.unit_value).toBeCloseTo(0.5)
    expect(at(rows, 'granted_share', 2021)!.district_median).toBeCloseTo(7 / 12)
    expect(at(rows, 'correction_rate', 2021)).toMatchObject({ unit_value: 0.5, district_median: 0.75, district_n: 2 })
  })

  it('uses the peer kind of the registry: a 街道 is compared with 街道', async () => {
    const rows = await metrics("乙'街道")
    expect(at(rows, 'new', 2022)).toMatchObject({ unit_value: 7, district_median: 5, district_n: 3, peer_median: 7, peer_n: 1 })
  })

  it('leaves a year without a report, a table without the cells and a zero denominator without value — never 0', async () => {
    const rows = await metrics("乙'街道")
    // 2020 not collected: other units have values, this one none.
    expect(at(rows, 'new', 2020)).toMatchObject({ unit_value: null, district_median: 5, district_n: 1, peer_n: 0, peer_median: null })
    // 甲镇 2020 (gov2019) printed no 部分公开 row: no value, so no row at all for 2020.
    expect(at(await metrics('甲镇'), 'partial', 2020)).toBeUndefined()
    // 2022 纠错率: 甲镇 has review.total 0 (no denominator), the others no appeal cells → nobody has a value.
    expect(at(rows, 'correction_rate', 2022)).toBeUndefined()
  })

  it('covers every indicator of the card and quotes untrusted names', async () => {
    const keys = new Set((await metrics('甲镇')).map((r) => r.metric))
    for (const k of keys) expect(cardIndicators().map((m) => m.key)).toContain(k)
    const evil = `x' OR 1=1; DROP TABLE cells; --`
    expect(cardMetricsSql('demo', evil)).toContain(`'x'' OR 1=1; DROP TABLE cells; --'`)
    const rows = await metrics(evil)
    expect(rows.every((r) => r.unit_value === null && r.peer_n === 0)).toBe(true)
    expect(rows.length).toBeGreaterThan(0)
  })
})

describe('cardYearsSql', () => {
  it('lists every year of the coverage row with the counted report’s link, date and lateness', async () => {
    const years = await db.query<CardYearRow>(cardYearsSql('demo', '甲镇'))
    expect(years.map((y) => [y.year, y.status])).toEqual([[2020, 'received'], [2021, 'received'], [2022, 'received']])
    expect(years[1]).toMatchObject({ source_url: 'https://example.gov.cn/2021.htm', published_at: '2022-01-20', days_late: 0 })
    expect(years[2]).toMatchObject({ published_at: '2023-03-02', days_late: 30 })
    const missing = await db.query<CardYearRow>(cardYearsSql('demo', "乙'街道"))
    expect(missing[0]).toMatchObject({ year: 2020, status: 'not_collected', report_id: null, published_at: null })
  })

  it('joins only the counted report of a duplicate year', async () => {
    const years = await db.query<CardYearRow>(cardYearsSql('demo', '丙局'))
    expect(years.map((y) => y.status)).toEqual(['not_expected', 'not_expected', 'duplicate'])
    expect(years.filter((y) => y.report_id !== null)).toHaveLength(1)
    const [counted] = await db.query<{ report_id: number }>(`SELECT report_id FROM reports WHERE unit = '丙局' AND counted`)
    expect(years[2]!.report_id).toBe(counted!.report_id)
  })
})

describe('briefing SQL', () => {
  it('ranks the year’s units by new applications over counted reports', async () => {
    expect(await db.query(briefingTopUnitsSql({ district: 'demo' }, 2022))).toEqual([
      { unit: "乙'街道", value: 7 }, { unit: '甲镇', value: 5 }, { unit: '丙局', value: 1 },
    ])
    expect(await db.query(briefingTopUnitsSql({ district: 'demo' }, 2022, 'new', 1))).toEqual([{ unit: "乙'街道", value: 7 }])
    // 2020: only 甲镇 has a report; 乙'街道 is not listed with a 0.
    expect(await db.query(briefingTopUnitsSql({ district: 'demo' }, 2020))).toEqual([{ unit: '甲镇', value: 5 }])
    expect(() => briefingTopUnitsSql({ district: 'demo' }, 2022, 'granted_share')).toThrow(/not a sum metric/)
  })

  it('names the district’s publisher, reports and latest publication date', async () => {
    const [row] = await db.query(briefingSourceSql('demo'))
    expect(row).toMatchObject({ name: '示例区', synthetic: true, reports: 7, latest_published: '2023-03-02' })
    expect(await db.query(briefingSourceSql(`demo' OR '1'='1`))).toEqual([])
  })
})
