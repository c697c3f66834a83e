import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeConnector, type NodeConnector } from '~/db/node'
import { gridAndKeySumsCte, OVERVIEW_METRICS } from '~/db/sql/overview'
import { metricColumns } from '~/db/sql/metric'
import type { Scope } from '~/db/sql/scope'
import { overviewRowsFromSums, overviewSumsSql, type OverviewSumRow } from '~/composables/overview-sums'
import { str } from '~/db/sql/literal'
import { openFixtureDb } from '../db/fixture-db'
import { buildDataIntoTemp } from '../util/built-data'

/**
 * Reference: the same per-key sums with every metric evaluated in SQL (metricColumns), in one
 * query. The browser evaluates the metrics in TypeScript (evaluateMetric); both must agree.
 */
function metricsInSqlSql(scope: Scope): string {
  return `${gridAndKeySumsCte(scope)}
SELECT g.year, g.expected, g.received,
  ${metricColumns(OVERVIEW_METRICS, 'c')}
FROM grid g LEFT JOIN per_key c ON c.year = g.year
GROUP BY g.year, g.expected, g.received
ORDER BY g.year`
}

/** The two ways of computing the overview give the same rows (years, coverage, every metric). */
async function expectSameAsOneQuery(db: NodeConnector, scope: Scope): Promise<number> {
  const reference = await db.query<Record<string, number | null>>(metricsInSqlSql(scope))
  const got = overviewRowsFromSums(await db.query<OverviewSumRow>(overviewSumsSql(scope)))
  const label = JSON.stringify(scope)
  expect(got.map((r) => r.year), label).toEqual(reference.map((r) => r.year))
  for (const [i, want] of reference.entries()) {
    const row = got[i]!
    expect([row.expected, row.received], `${label} ${want.year} coverage`).toEqual([want.expected, want.received])
    for (const m of OVERVIEW_METRICS) {
      if (want[m] === null) expect(row[m], `${label} ${want.year} ${m}`).toBeNull()
      else expect(row[m], `${label} ${want.year} ${m}`).toBeCloseTo(want[m]!, 9)
    }
  }
  return reference.length
}

describe('overview metrics evaluated in TypeScript equal the same metrics in SQL', () => {
  let db: NodeConnector
  let close: () => void
  beforeAll(async () => {
    ;({ db, close } = await openFixtureDb())
  })
  afterAll(() => close?.())

  it('on the fixture: whole district, a kind, units with a quote, one year, a unit without cells', async () => {
    const scopes: Scope[] = [
      { district: 'demo' },
      { district: 'demo', kinds: ['街道'] },
      { district: 'demo', units: ["乙'街道"], years: [2021, 2022] },
      { district: 'demo', units: ['丙局'], years: [2022, 2022] },
      { district: 'demo', units: ['丙局'] },
    ]
    let years = 0
    for (const s of scopes) years += await expectSameAsOneQuery(db, s)
    expect(years).toBeGreaterThan(5)
  })

  it('a year of the coverage grid with no cells still appears, with zero sums and null ratios', () => {
    const rows = overviewRowsFromSums([
      { year: 2021, expected: 3, received: 0, key: null, value: null },
      { year: 2020, expected: 3, received: 2, key: 'apply.new.total', value: 4 },
      { year: 2020, expected: 3, received: 2, key: 'apply.result.total.total', value: 5 },
      { year: 2020, expected: 3, received: 2, key: 'apply.result.granted.total', value: 2 },
    ])
    expect(rows.map((r) => [r.year, r.expected, r.received, r.new, r.granted_share])).toEqual([
      [2020, 3, 2, 4, 2 / 5],
      [2021, 3, 0, 0, null],
    ])
  })
})

// The real data build (built into a temporary folder): every district, whole and by kind.
describe('on the built data', () => {
  it('every district, and each unit kind of it', async () => {
    const built = buildDataIntoTemp()
    const db = await openNodeConnector(join(built.out, 'gov.duckdb'))
    try {
      const index = JSON.parse(readFileSync(join(built.out, 'index.json'), 'utf8')) as { districts: { id: string }[] }
      expect(index.districts.length).toBeGreaterThan(0)
      for (const { id } of index.districts) {
        await expectSameAsOneQuery(db, { district: id })
        const kinds = await db.query<{ k: string }>(`SELECT DISTINCT unit_kind AS k FROM reports WHERE district = ${str(id)} AND unit_kind IS NOT NULL`)
        expect(kinds.length).toBeGreaterThan(0)
        for (const { k } of kinds) await expectSameAsOneQuery(db, { district: id, kinds: [k] })
      }
    } finally {
      db.close()
      built.remove()
    }
  }, 120_000)
})
