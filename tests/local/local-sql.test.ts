import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeConnector } from '~/db/node'
import { rankingSql, resolveMetric, type RankingRow } from '~/db/sql/compare'
import { OVERVIEW_METRICS } from '~/db/sql/overview'
import { overviewRows } from '../db/overview-rows'
import { deriveLocal } from '~/local/derive'
import { loadLocalSql, removeLocalSql } from '~/local/local-sql'
import { parseDropped } from '~/local/parse-files'
import type { LocalBuild } from '~/local/types'
import { openFixtureDb } from '../db/fixture-db'
import { mixedDrop, pingtanUnitsCsv } from './local-files'

let db: NodeConnector
let close: () => void
let local: LocalBuild

beforeAll(async () => {
  ;({ db, close } = await openFixtureDb())
  const { parsed, skipped } = await parseDropped(mixedDrop())
  local = deriveLocal(parsed, { kind: 'csv', fileName: 'units.csv', bytes: pingtanUnitsCsv(), name: '平潭综合实验区' }, skipped)
}, 60_000)
afterAll(() => close?.())

const count = async (sql: string) => (await db.query<{ n: number }>(sql))[0]!.n

describe('the local district in DuckDB beside the published ones', () => {
  it('loads as rows of every table, leaves the published rows as they were, and is removed again', async () => {
    const before = await count('SELECT count(*) AS n FROM cells')
    for (const sql of loadLocalSql(local.tables)) await db.exec(sql)
    expect(await count("SELECT count(*) AS n FROM reports WHERE district = 'local'")).toBe(local.tables.reports.length)
    expect(await count("SELECT count(*) AS n FROM cells WHERE district = 'local'")).toBe(local.tables.cells.length)
    expect(await count("SELECT count(*) AS n FROM cells WHERE district <> 'local'")).toBe(before)
    expect(await count("SELECT count(*) AS n FROM findings WHERE district = 'local' AND rule = 'unreadable'")).toBe(2)
    const c001 = await db.query<Record<string, unknown>>("SELECT unit, year, counted, n_cells FROM reports WHERE district = 'local' AND file = 'reports/2021/c001.txt'")
    expect(c001).toEqual([{ unit: '平潭综合实验区公安局', year: 2021, counted: true, n_cells: 200 }])

    // Every value arrives as it was made, in every table (types, nulls, text with quotes and line breaks).
    for (const [name, rows] of Object.entries(local.tables)) {
      const got = await db.query<Record<string, unknown>>(`SELECT * FROM local_district.${name}`)
      expect(got, name).toEqual(rows.map((r) => ({ ...r })))
    }

    // Loading again replaces, never doubles.
    for (const sql of loadLocalSql(local.tables)) await db.exec(sql)
    expect(await count("SELECT count(*) AS n FROM reports WHERE district = 'local'")).toBe(local.tables.reports.length)

    for (const sql of removeLocalSql()) await db.exec(sql)
    expect(await count("SELECT count(*) AS n FROM reports WHERE district = 'local'")).toBe(0)
    expect(await count('SELECT count(*) AS n FROM cells')).toBe(before)
  })

  it('the dashboard SQL gives the local summary numbers (overview) and ranks its units (compare)', async () => {
    for (const sql of loadLocalSql(local.tables)) await db.exec(sql)
    const rows = await overviewRows(db, { district: 'local' })
    expect(rows.map((r) => r.year)).toEqual(local.summary.by_year.map((y) => y.year))
    for (const [i, y] of local.summary.by_year.entries()) {
      expect([rows[i]!.expected, rows[i]!.received]).toEqual([y.expected, y.received])
      for (const m of OVERVIEW_METRICS) {
        const want = y.metrics[m] ?? null
        if (want === null) expect(rows[i]![m]).toBeNull()
        else expect(rows[i]![m]).toBeCloseTo(want, 9)
      }
    }
    const ranking = await db.query<RankingRow>(rankingSql({ district: 'local', years: [2021, 2021] }, resolveMetric('new')!))
    const police = ranking.find((r) => r.unit === '平潭综合实验区公安局')!
    expect(police).toMatchObject({ reports: 1, missing: null })
    expect(police.value).not.toBeNull()
    expect(ranking.find((r) => r.unit === '平潭综合实验区财政金融局')?.reports).toBe(0) // 2023 only: expected in 2021, not collected
  })
})
