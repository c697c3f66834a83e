import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeConnector, type NodeConnector } from '~/db/node'
import { activeCellsSql } from '~/db/sql/active'
import { appealResultsSql, correctionRankingSql } from '~/db/sql/appeal'
import { heatmapSql, rankingSql, resolveMetric, unitYearSql } from '~/db/sql/compare'
import { coverageGridSql, timelinessByYearSql } from '~/db/sql/coverage'
import { officialUnitCellsSql } from '~/db/sql/data'
import { applicantOutcomeSql, outcomeRowsSql } from '~/db/sql/outcomes'
import type { Scope } from '~/db/sql/scope'
import { unitTrendSql } from '~/db/sql/unit'
import { keysOf } from '~/report/model'
import { overviewRows } from '../db/overview-rows'
import { buildInto, queryDb, readJson, removeTemps, tempDir } from './helpers'

/**
 * Which report counts when a unit published two for one year is decided once, by the build
 * (`reports.counted`). Here 甲镇 has two 2021 reports that differ in every figure: the counted one
 * (consistent, file b-…, the higher report id) and a duplicate (every cell + 1000, file a-…,
 * sorted first, so "lowest id" or "first given" would pick it). The district is built three times:
 * with both reports, with the counted one only, with the duplicate only. Every SQL path of the
 * dashboard, the summary JSON and the cross-year rules must give with both reports exactly what
 * they give with the counted one alone — and something else with the duplicate alone, so the
 * comparison is not vacuous.
 */
const D = 'd'
const UNIT = '甲镇'

/** Every cell of the 2021 format 0, except a consistent handful (no validator error). */
function countedCells(): Record<string, number> {
  const cells: Record<string, number> = Object.fromEntries(keysOf('gov2021').map((k) => [k, 0]))
  Object.assign(cells, {
    'apply.new.natural_person': 5, 'apply.new.total': 5,
    'apply.result.granted.natural_person': 3, 'apply.result.granted.total': 3,
    'apply.result.partial.natural_person': 2, 'apply.result.partial.total': 2,
    'apply.result.total.natural_person': 5, 'apply.result.total.total': 5,
    'review.maintained': 1, 'review.corrected': 1, 'review.total': 2,
    'active.license.decisions': 7,
  })
  return cells
}

function writeDistrict(which: 'both' | 'counted' | 'duplicate'): string {
  const data = tempDir('counted-paths-')
  const dir = join(data, 'districts', D)
  mkdirSync(join(dir, 'reports', '2020'), { recursive: true })
  mkdirSync(join(dir, 'reports', '2021'), { recursive: true })
  writeFileSync(join(dir, 'district.json'), JSON.stringify({ name: '测试区', city: '示例市', province: '示例省', publisher: 'test', license: 'CC-BY-4.0', contact: 'nobody@example.org', provenance: 'published' }))
  writeFileSync(join(dir, 'units.csv'), 'code,name,kind,aliases,valid_from,valid_to\n001,甲镇,镇,,,\n002,乙镇,镇,,,\n003,丙局,部门,,,\n')
  const report = (year: number, file: string, unit: string, cells: Record<string, number>) =>
    writeFileSync(join(dir, 'reports', String(year), file), JSON.stringify({ unit, year, cells }))
  const counted = countedCells()
  const other = (k: number) => Object.fromEntries(Object.entries(counted).map(([key, v]) => [key, v * k]))
  // 2020: the same small figures, so the counted 2021 report continues it (no C1, no X2 spike).
  report(2020, '甲镇2020.json', UNIT, counted)
  report(2020, '乙镇2020.json', '乙镇', other(2))
  report(2021, '乙镇2021.json', '乙镇', other(2))
  report(2021, '丙局2021.json', '丙局', other(3))
  if (which !== 'duplicate') report(2021, `b-${UNIT}2021.json`, UNIT, counted)
  if (which !== 'counted') report(2021, `a-${UNIT}2021.json`, UNIT, Object.fromEntries(Object.entries(counted).map(([k, v]) => [k, v + 1000])))
  return data
}

interface Built {
  out: string
  db: NodeConnector
}

const built: Partial<Record<'both' | 'counted' | 'duplicate', Built>> = {}

beforeAll(async () => {
  for (const which of ['both', 'counted', 'duplicate'] as const) {
    const { out } = await buildInto(writeDistrict(which))
    built[which] = { out, db: await openNodeConnector(join(out, 'gov.duckdb')) }
  }
}, 120_000)

afterAll(() => {
  for (const b of Object.values(built)) b?.db.close()
  removeTemps()
})

const scope: Scope = { district: D }
const newApps = resolveMetric('new')!
const grantedCell = resolveMetric('apply.result.granted.total')!

/** Every dashboard query that reads figures, by name. */
const QUERIES: Record<string, (db: NodeConnector) => Promise<unknown>> = {
  'overview (per-key sums)': (db) => overviewRows(db, scope),
  'compare ranking (metric)': (db) => db.query(rankingSql(scope, newApps)),
  'compare ranking (cell)': (db) => db.query(rankingSql(scope, grantedCell)),
  // Without the coverage status, which rightly says `duplicate` where there are two reports.
  'compare heatmap': async (db) => withoutStatus(await db.query(heatmapSql(scope, newApps))),
  'compare unit × year': async (db) => withoutStatus(await db.query(unitYearSql(scope, grantedCell))),
  'outcomes by unit': (db) => db.query(outcomeRowsSql(scope, 'unit')),
  'outcomes by year': (db) => db.query(outcomeRowsSql(scope, 'year')),
  'outcomes applicant matrix': (db) => db.query(applicantOutcomeSql(scope)),
  'appeal by unit': (db) => db.query(appealResultsSql(scope, 'unit')),
  'appeal by year': (db) => db.query(appealResultsSql(scope, 'year')),
  'appeal correction ranking': (db) => db.query(correctionRankingSql(scope)),
  'active by unit': (db) => db.query(activeCellsSql(scope, 'unit')),
  'active by year': (db) => db.query(activeCellsSql(scope, 'year')),
  'unit trend (the unit)': (db) => db.query(unitTrendSql(D, UNIT, 'new')),
  'unit trend (another unit: the district median)': (db) => db.query(unitTrendSql(D, '乙镇', 'new')),
  'official-format export of the unit-year': (db) => db.query(`${officialUnitCellsSql(D, UNIT, 2021)} ORDER BY 1`),
}

function withoutStatus(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map(({ status: _status, ...rest }) => rest)
}

/** What must not depend on the duplicate: the summary's figures and the cross-year findings. */
function summaryFigures(out: string): unknown {
  const s = readJson<{ by_year: unknown; units?: unknown }>(join(out, 'summary', `${D}.json`))
  return s.by_year
}

async function crossYearFindings(out: string): Promise<unknown[]> {
  return queryDb(join(out, 'gov.duckdb'), `SELECT f.unit, f.year, f.rule, f.level, r.file FROM findings f LEFT JOIN reports r USING (report_id)
    WHERE f.district = '${D}' AND regexp_matches(f.rule, '^(C[1-4]|X2)$') ORDER BY ALL`)
}

describe('one counted report per unit-year, on every path', () => {
  it('the build counts the consistent report (file b-…, the higher id), not the first one', async () => {
    const rows = await queryDb(join(built.both!.out, 'gov.duckdb'), `SELECT file, report_id, counted, n_errors FROM reports WHERE unit = '${UNIT}' AND year = 2021 ORDER BY file`)
    expect(rows.map((r) => [String(r.file).split('/').pop(), r.counted])).toEqual([[`a-${UNIT}2021.json`, false], [`b-${UNIT}2021.json`, true]])
    expect(Number(rows[1]!.report_id)).toBeGreaterThan(Number(rows[0]!.report_id))
    expect(Number(rows[1]!.n_errors)).toBe(0)
    const [grid] = await built.both!.db.query<{ status: string; n_reports: number }>(`SELECT status, n_reports FROM (${coverageGridSql(scope)}) WHERE unit = '${UNIT}' AND year = 2021`)
    expect(grid).toMatchObject({ status: 'duplicate', n_reports: 2 })
  })

  it.each(Object.keys(QUERIES))('%s: the figures of the counted report, never the duplicate\'s', async (name) => {
    const run = QUERIES[name]!
    const both = await run(built.both!.db)
    const counted = await run(built.counted!.db)
    const duplicate = await run(built.duplicate!.db)
    expect(both).toEqual(counted)
    expect(duplicate, 'the duplicate alone must change this query, or the check proves nothing').not.toEqual(counted)
  })

  it('timeliness counts one report for the unit-year', async () => {
    expect(await built.both!.db.query(timelinessByYearSql(scope))).toEqual(await built.counted!.db.query(timelinessByYearSql(scope)))
  })

  it('the summary JSON (first paint) uses the counted report', () => {
    expect(summaryFigures(built.both!.out)).toEqual(summaryFigures(built.counted!.out))
    expect(summaryFigures(built.duplicate!.out)).not.toEqual(summaryFigures(built.counted!.out))
  })

  it('the cross-year rules (C1–C4, X2) compare the counted report', async () => {
    const both = await crossYearFindings(built.both!.out)
    expect(both).toEqual(await crossYearFindings(built.counted!.out))
    // The duplicate alone breaks the carry-over from 2020 and is a spike: the rules do see it.
    const dup = (await crossYearFindings(built.duplicate!.out)) as { rule: string }[]
    expect(dup.map((f) => f.rule)).toEqual(expect.arrayContaining(['C1', 'X2']))
  })
})
