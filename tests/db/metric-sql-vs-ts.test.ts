/**
 * Every derived metric gives the same value in SQL (src/db/sql/metric.ts, on DuckDB) and in
 * TypeScript (evaluateMetric) on the fixture database: per report, per year over the counted
 * reports, through the per-report parts the ranking and heatmap use, and in the correction-rate
 * ranking of the appeal view. One definition (src/report/metrics.ts), two evaluations, no drift.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import { correctionRankingSql } from '~/db/sql/appeal'
import { rankingSql } from '~/db/sql/compare'
import { metricSql } from '~/db/sql/metric'
import { countedReportIdsSql } from '~/db/sql/scope'
import { evaluateMetric, METRICS, metricDef } from '~/report/metrics'
import { openFixtureDb } from './fixture-db'

let db: NodeConnector
let close: () => void
type Cells = Record<string, number | null>
/** Counted reports of the fixture: id, unit, year and cells, read from the database itself. */
let reports: { id: number; unit: string; year: number; cells: Cells }[]

beforeAll(async () => {
  ;({ db, close } = await openFixtureDb())
  const rows = await db.query<{ report_id: number; unit: string; year: number; key: string; value: number | null }>(
    `SELECT report_id, unit, year, key, value FROM cells WHERE report_id IN (${countedReportIdsSql({ district: 'demo' })}) ORDER BY report_id`,
  )
  const byId = new Map<number, { id: number; unit: string; year: number; cells: Cells }>()
  for (const r of rows) {
    const id = Number(r.report_id)
    if (!byId.has(id)) byId.set(id, { id, unit: r.unit, year: Number(r.year), cells: {} })
    byId.get(id)!.cells[r.key] = r.value === null ? null : Number(r.value)
  }
  reports = [...byId.values()]
})
afterAll(() => close?.())

const pool = (list: readonly { cells: Cells }[]): Cells => {
  const out: Cells = {}
  for (const r of list) for (const [k, v] of Object.entries(r.cells)) out[k] = (out[k] ?? 0) + (v ?? 0)
  return out
}
const same = (got: unknown, want: number | null, what: string) => {
  if (want === null) expect(got, what).toBeNull()
  else expect(Number(got), what).toBeCloseTo(want, 10)
}

describe('SQL and TypeScript agree on every metric (fixture database)', () => {
  it('has counted reports with figures to compare', () => {
    expect(reports.length).toBeGreaterThanOrEqual(5)
  })

  it('per report and per year', async () => {
    let nonZero = 0
    for (const m of METRICS) {
      const perReport = await db.query<{ report_id: number; v: number | null }>(
        `SELECT report_id, ${metricSql(m)} AS v FROM cells WHERE report_id IN (${countedReportIdsSql({ district: 'demo' })}) GROUP BY report_id`,
      )
      for (const r of reports) {
        const want = evaluateMetric(m, r.cells)
        if (want) nonZero++
        same(perReport.find((x) => Number(x.report_id) === r.id)?.v ?? null, want, `${m.key} report ${r.id}`)
      }
      for (const year of new Set(reports.map((r) => r.year))) {
        const [row] = await db.query<{ v: number | null }>(
          `SELECT ${metricSql(m)} AS v FROM cells WHERE year = ${year} AND report_id IN (${countedReportIdsSql({ district: 'demo' })})`,
        )
        same(row!.v, evaluateMetric(m, pool(reports.filter((r) => r.year === year))), `${m.key} ${year}`)
      }
    }
    // Not a comparison of zeros: most metric × report values are real figures.
    expect(nonZero).toBeGreaterThan(METRICS.length * 2)
  })

  it('through the per-report parts of the ranking (ratio of sums over a unit’s years)', async () => {
    for (const m of METRICS) {
      const rows = await db.query<{ unit: string; value: number | null }>(rankingSql({ district: 'demo' }, m))
      for (const unit of new Set(reports.map((r) => r.unit))) {
        same(rows.find((r) => r.unit === unit)?.value ?? null, evaluateMetric(m, pool(reports.filter((r) => r.unit === unit))), `${m.key} ${unit}`)
      }
    }
  })

  it('in the correction-rate ranking of the appeal view', async () => {
    const rows = await db.query<{ unit: string; rate: number | null }>(correctionRankingSql({ district: 'demo' }))
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) same(r.rate, evaluateMetric(metricDef('correction_rate')!, pool(reports.filter((x) => x.unit === r.unit))), `correction_rate ${r.unit}`)
  })
})
