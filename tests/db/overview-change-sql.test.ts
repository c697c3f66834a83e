import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import { likeForLikeSql, type LikeForLikeRow } from '~/db/sql/overview-change'
import { changeFromRows } from '~/composables/kpi-change'
import { FIXTURE_CELLS, openFixtureDb } from './fixture-db'

let db: NodeConnector
let close: () => void
beforeAll(async () => {
  ;({ db, close } = await openFixtureDb())
})
afterAll(() => close())

/** Sum of a cell over the given units in a year, from the hand-written fixture. */
const sum = (key: string, year: number, units: string[]) => units.reduce((a, u) => a + (FIXTURE_CELLS[u]?.[year]?.[key] ?? 0), 0)

describe('likeForLikeSql: year-over-year change over the same units', () => {
  it('2022 vs 2021 leaves out 丙局, which only reported in 2022', async () => {
    const rows = await db.query<LikeForLikeRow>(likeForLikeSql({ district: 'demo' }, 2022))
    const c = changeFromRows(rows, 2022)
    const common = ['甲镇', "乙'街道"]
    expect(c.units).toBe(2)
    expect(c.cur.new).toBe(sum('apply.new.total', 2022, common))
    expect(c.prev.new).toBe(sum('apply.new.total', 2021, common))
    // The district total of 2022 includes 丙局: the like-for-like value differs from it.
    expect(c.cur.new).not.toBe(sum('apply.new.total', 2022, Object.keys(FIXTURE_CELLS)))
  })

  it('2021 vs 2020 compares 甲镇 alone (乙\'街道 was not collected in 2020)', async () => {
    const c = changeFromRows(await db.query<LikeForLikeRow>(likeForLikeSql({ district: 'demo' }, 2021)), 2021)
    expect(c.units).toBe(1)
    expect([c.prev.new, c.cur.new]).toEqual([sum('apply.new.total', 2020, ['甲镇']), sum('apply.new.total', 2021, ['甲镇'])])
  })

  it('no unit in both years → no rows, no change; a year range in the scope does not hide the previous year', async () => {
    expect(await db.query(likeForLikeSql({ district: 'demo' }, 2020))).toEqual([])
    expect(changeFromRows([], 2020).units).toBe(0)
    const ranged = changeFromRows(await db.query<LikeForLikeRow>(likeForLikeSql({ district: 'demo', years: [2022, 2022] }, 2022)), 2022)
    expect(ranged.units).toBe(2)
  })
})
