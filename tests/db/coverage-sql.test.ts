import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import {
  coverageByYearSql, coverageGridSql, findingCountsSql, findingsListSql,
  type CoverageRow, type CoverageYearRow, type FindingCountRow, type FindingListRow,
} from '~/db/sql/coverage'
import { FIXTURE_DISTRICT as D, TRICKY_UNIT, openStaffFixture } from './staff-views-fixture'

let db: NodeConnector
beforeAll(async () => { db = await openStaffFixture() })
afterAll(() => db.close())

describe('coverage and findings SQL on DuckDB', () => {
  it('returns the unit × year grid of the district in registry order', async () => {
    const rows = await db.query<CoverageRow>(coverageGridSql({ district: D }))
    expect(rows).toHaveLength(9)
    expect(rows[0]).toMatchObject({ unit: '乙街道', year: 2019, status: 'not_collected' })
    expect(rows.find((r) => r.unit === '甲镇' && r.year === 2019)).toMatchObject({ status: 'not_published' })
    expect(rows.filter((r) => r.unit === TRICKY_UNIT).map((r) => r.status)).toEqual(['not_expected', 'not_collected', 'duplicate'])
  })

  it('narrows the grid by kind and year range', async () => {
    const rows = await db.query<CoverageRow>(coverageGridSql({ district: D, kinds: ['镇'], years: [2021, 2021] }))
    expect(rows.map((r) => r.unit).sort()).toEqual([TRICKY_UNIT, '甲镇'].sort())
  })

  it('counts statuses per year; not_expected is not expected', async () => {
    const rows = await db.query<CoverageYearRow>(coverageByYearSql({ district: D }))
    expect(rows).toEqual([
      { year: 2019, expected: 2, received: 0, not_collected: 1, not_published: 1, duplicate: 0, not_expected: 1 },
      { year: 2020, expected: 3, received: 2, not_collected: 1, not_published: 0, duplicate: 0, not_expected: 0 },
      { year: 2021, expected: 3, received: 2, not_collected: 0, not_published: 0, duplicate: 1, not_expected: 0 },
    ])
  })

  it('lists findings errors first, only in the district', async () => {
    const rows = await db.query<FindingListRow>(findingsListSql({ district: D }))
    expect(rows).toHaveLength(6)
    expect(rows.slice(0, 2).map((r) => r.level)).toEqual(['error', 'error'])
    expect(rows.some((r) => r.message === '别区')).toBe(false)
  })

  it('filters findings by rule, level, unit (untrusted) and year', async () => {
    expect((await db.query<FindingListRow>(findingsListSql({ district: D }, { rules: ['A1', 'A3'] }))).map((r) => r.rule).sort()).toEqual(['A1', 'A3'])
    expect((await db.query<FindingListRow>(findingsListSql({ district: D }, { levels: ['info'] }))).map((r) => r.rule).sort()).toEqual(['A9', 'C5', 'F2'])
    expect((await db.query<FindingListRow>(findingsListSql({ district: D }, { unit: TRICKY_UNIT }))).map((r) => r.rule)).toEqual(['A3'])
    expect((await db.query<FindingListRow>(findingsListSql({ district: D }, { unit: '甲镇', year: 2020 }))).map((r) => r.rule)).toEqual(['C5'])
  })

  it('filters findings by unit kind through the registry and honours the limit', async () => {
    const rows = await db.query<FindingListRow>(findingsListSql({ district: D, kinds: ['街道'] }))
    expect(rows.map((r) => r.unit)).toEqual(['乙街道'])
    expect(await db.query(findingsListSql({ district: D }, {}, 2))).toHaveLength(2)
  })

  it('counts findings per rule and level, ignoring the rule and level filters', async () => {
    const rows = await db.query<FindingCountRow>(findingCountsSql({ district: D }, { rules: ['A1'], levels: ['error'], unit: '甲镇' }))
    expect(rows).toEqual([
      { rule: 'A1', level: 'error', n: 1 },
      { rule: 'A9', level: 'info', n: 1 },
      { rule: 'C1', level: 'warn', n: 1 },
      { rule: 'C5', level: 'info', n: 1 },
    ])
  })
})
