import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import { attentionChangesSql, attentionFindingsSql, attentionMissingSql } from '~/db/sql/attention'
import { FIXTURE_DISTRICT, openStaffFixture, TRICKY_UNIT } from './staff-views-fixture'

let db: NodeConnector
beforeAll(async () => { db = await openStaffFixture() })
afterAll(() => db.close())

const scope = { district: FIXTURE_DISTRICT }

describe('需要关注 SQL', () => {
  it('names the year’s missing units, not published before not collected; never a not-expected unit', async () => {
    expect(await db.query(attentionMissingSql(scope, 2019))).toEqual([
      { unit: '甲镇', status: 'not_published' }, { unit: '乙街道', status: 'not_collected' },
    ])
    expect(await db.query(attentionMissingSql(scope, 2020))).toEqual([{ unit: TRICKY_UNIT, status: 'not_collected' }])
  })

  it('lists units with error-level findings of the year, most first, with their rules', async () => {
    const rows = await db.query(attentionFindingsSql(scope, 2021))
    expect(rows).toEqual([
      { unit: TRICKY_UNIT, kind: 'error', n: 1, rules: 'A3' },
      { unit: '甲镇', kind: 'error', n: 1, rules: 'A1' },
    ])
  })

  it('ranks units by their like-for-like change from the previous year', async () => {
    // 甲镇 4 → 10, 乙街道 2 → 6; the tricky unit has no 2020 report and is left out.
    expect(await db.query(attentionChangesSql(scope, 2021))).toEqual([
      { unit: '甲镇', prev: 4, cur: 10, change: 6 }, { unit: '乙街道', prev: 2, cur: 6, change: 4 },
    ])
  })
})
