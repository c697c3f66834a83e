import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import { attentionFindingsSql } from '~/db/sql/attention'
import { FIXTURE_DISTRICT, openStaffFixture, TRICKY_UNIT } from './staff-views-fixture'

let db: NodeConnector
beforeAll(async () => { db = await openStaffFixture() })
afterAll(() => db.close())

describe('需要关注 findings under a unit-kind filter', () => {
  it('narrows to units of the kind through the registry (findings have no kind column) instead of failing', async () => {
    const all = await db.query<{ unit: string }>(attentionFindingsSql({ district: FIXTURE_DISTRICT }, 2021))
    const kinds = await db.query<{ unit: string; unit_kind: string }>(`SELECT unit, unit_kind FROM units WHERE district = '${FIXTURE_DISTRICT}'`)
    const kindOf = new Map(kinds.map((k) => [k.unit, k.unit_kind]))
    const jia = kindOf.get('甲镇')!
    const rows = await db.query<{ unit: string }>(attentionFindingsSql({ district: FIXTURE_DISTRICT, kinds: [jia] }, 2021))
    expect(rows.map((r) => r.unit)).toEqual(all.map((r) => r.unit).filter((u) => kindOf.get(u) === jia))
    expect(rows.map((r) => r.unit)).toContain('甲镇')
    if (kindOf.get(TRICKY_UNIT) !== jia) expect(rows.map((r) => r.unit)).not.toContain(TRICKY_UNIT)
  })
})
