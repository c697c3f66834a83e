import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import { DbError } from '~/db/errors'
import { countedReportIdsSql, metricSql, OVERVIEW_METRICS, scopeWhere, str, list } from '~/db/sql'
import { evaluateMetric, metricDef } from '~/report/metrics'
import { FIXTURE_CELLS, openFixtureDb } from './fixture-db'
import { overviewRows } from './overview-rows'

let db: NodeConnector
let close: () => void

beforeAll(async () => {
  ;({ db, close } = await openFixtureDb())
})
afterAll(() => close?.())

/** Reference: evaluateMetric over the fixture cells of the given year (all units pooled, as the summary does). */
function expectedFor(metric: string, year: number, units?: string[]): number | null {
  const pooled: Record<string, number> = {}
  for (const [unit, years] of Object.entries(FIXTURE_CELLS)) {
    if (units && !units.includes(unit)) continue
    for (const [k, v] of Object.entries(years[year] ?? {})) pooled[k] = (pooled[k] ?? 0) + (v ?? 0)
  }
  return evaluateMetric(metricDef(metric)!, pooled)
}

describe('literals', () => {
  it('doubles quotes so untrusted names cannot end the string', async () => {
    const rows = await db.query<{ v: string }>(`SELECT ${str("x'); DROP TABLE cells; --")} AS v`)
    expect(rows[0]!.v).toBe("x'); DROP TABLE cells; --")
  })
  it('an empty IN list matches nothing instead of being a syntax error', async () => {
    const rows = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM cells WHERE unit IN ${list([])}`)
    expect(rows[0]!.n).toBe(0)
  })
})

describe('metricSql on DuckDB agrees with evaluateMetric (one source for summary and SQL)', () => {
  for (const metric of OVERVIEW_METRICS) {
    it(metric, async () => {
      for (const year of [2020, 2021, 2022]) {
        const scope = { district: 'demo', years: [year, year] as const }
        const [row] = await db.query<{ v: number | null }>(
          `SELECT ${metricSql(metric)} AS v FROM cells WHERE ${scopeWhere(scope)} AND report_id IN (${countedReportIdsSql(scope)})`,
        )
        const expected = expectedFor(metric, year)
        if (expected === null) expect(row!.v).toBeNull()
        else expect(row!.v).toBeCloseTo(expected, 10)
      }
    })
  }
  it('hand-checked values: 2021 correction rate = corrected 2 ÷ (cases 4 − pending 1)', async () => {
    const [row] = await db.query<{ v: number }>(`SELECT ${metricSql('correction_rate')} AS v FROM cells WHERE year = 2021`) // no duplicates in 2021
    expect(row!.v).toBeCloseTo(2 / 3, 10)
  })
  it('rejects an unknown metric with a message naming it', () => {
    expect(() => metricSql('nope')).toThrow(/Unknown metric "nope"/)
  })
})

describe('overview rows (per-key sums, metrics evaluated on them)', () => {
  it('returns one row per coverage year with expected/received and sums', async () => {
    const rows = await overviewRows(db, { district: 'demo' })
    expect(rows.map((r) => r.year)).toEqual([2020, 2021, 2022])
    expect(rows.map((r) => [r.expected, r.received])).toEqual([[2, 1], [2, 2], [3, 3]])
    expect(rows.map((r) => r.new)).toEqual([5, 18, 13])
    expect(rows[1]!['new.natural_person']).toBe(16)
    expect(rows[0]!.other).toBe(1) // gov2019 result.other.subtotal counts as 其他处理
  })
  it('narrows by unit kind and by unit (quote in the name)', async () => {
    const byKind = await overviewRows(db, { district: 'demo', kinds: ['街道'] })
    expect(byKind.map((r) => r.new)).toEqual([0, 12, 7])
    const byUnit = await overviewRows(db, { district: 'demo', units: ["乙'街道"], years: [2021, 2022] })
    expect(byUnit.map((r) => [r.year, r.new, r.decided])).toEqual([[2021, 12, 12], [2022, 7, 7]])
    expect(byUnit[0]!.granted_share).toBeCloseTo(expectedFor('granted_share', 2021, ["乙'街道"])!, 10)
  })
  it('counts only the primary report of a unit-year published twice (fewest errors, not lowest id)', async () => {
    const rows = await overviewRows(db, { district: 'demo', units: ['丙局'], years: [2022, 2022] })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ year: 2022, new: 1, decided: 1, expected: 1, received: 1 })
  })
  it('a year without reports has zero sums and a NULL ratio', async () => {
    const rows = await overviewRows(db, { district: 'demo', units: ['丙局'] })
    expect(rows[0]).toMatchObject({ year: 2020, new: 0, granted_share: null })
  })
  it('every scope condition is valid SQL', async () => {
    const where = scopeWhere({ district: 'demo', years: [2020, 2021], kinds: ['镇'], units: ['甲镇'] })
    const [row] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM reports WHERE ${where}`)
    expect(row!.n).toBe(2)
  })
})

describe('errors carry their SQL', () => {
  it('wraps engine errors as DbError with the failing SQL', async () => {
    const err = await db.query('SELECT nope FROM cells').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DbError)
    expect((err as DbError).sql).toBe('SELECT nope FROM cells')
    expect((err as DbError).reason).toMatch(/nope/)
  })
})
