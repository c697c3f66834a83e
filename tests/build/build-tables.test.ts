import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { keysOf } from '~/report/model'
import type { DistrictSummary } from '~/db/summary'
import type { DistrictEntry } from '~/db/data-files'
import { buildInto, FIXTURE_DATA, queryDb, readJson, removeTemps } from './helpers'

afterAll(removeTemps)

let out: string
let db: string
let result: Awaited<ReturnType<typeof buildInto>>['result']
let problems: string[]

beforeAll(async () => {
  const built = await buildInto(FIXTURE_DATA)
  out = built.out
  result = built.result
  problems = built.log.problems
  db = join(out, 'gov.duckdb')
})

const reportsOf = async (district: string) =>
  (await queryDb(db, `SELECT report_id, file, unit, unit_code, year, status, n_errors FROM reports WHERE district = '${district}' ORDER BY report_id`)) as {
    report_id: number; file: string; unit: string; unit_code: string | null; year: number | null; status: string; n_errors: number
  }[]

describe('data build on fixture districts', () => {
  it('builds both districts and goes on past a broken file', () => {
    expect(result.districts.map((d) => d.id)).toEqual(['alpha', 'beta'])
    expect(result.ok).toBe(true) // not strict: bad inputs do not fail the build
    expect(problems.some((p) => p.includes('alpha/reports/2021/broken.json') && p.includes('not an annual report'))).toBe(true)
  })

  it('matches units by prefix-stripped name, alias and file name; keeps unmatched and unreadable reports', async () => {
    const byFile = Object.fromEntries((await reportsOf('alpha')).map((r) => [r.file.replace('reports/', ''), r]))
    expect(byFile['2020/甲区东城街道办事处2020年政府信息公开工作年度报告.json']).toMatchObject({ unit: '东城街道', unit_code: '001', year: 2020, status: 'ok' })
    expect(byFile['2020/西山乡.json']).toMatchObject({ unit: '西山镇', status: 'ok' })
    expect(byFile['2021/西山镇人民政府2021年度报告.json']).toMatchObject({ unit: '西山镇', year: 2021 })
    expect(byFile['2021/unknown.json']).toMatchObject({ unit: '乙县某某局', unit_code: null, status: 'unmatched' })
    expect(byFile['2021/broken.json']).toMatchObject({ status: 'unreadable', year: 2021 })
    expect(byFile['2021/东城街道-2021.json']).toMatchObject({ status: 'error' })
    expect(byFile['2021/东城街道-2021.json']!.n_errors).toBeGreaterThan(0)
    // The report year wins over the folder year.
    expect(byFile['2020/新区街道.json']).toMatchObject({ unit: '新区街道', year: 2021 })
  })

  it('numbers reports 1..n in district then file order', async () => {
    const ids = (await queryDb(db, 'SELECT report_id FROM reports ORDER BY report_id')).map((r) => r.report_id)
    expect(ids).toEqual(Array.from({ length: 11 }, (_, i) => i + 1))
  })

  it('computes coverage: received, not_collected, not_published, duplicate and not_expected, respecting valid years', async () => {
    const rows = await queryDb(db, `SELECT unit, year, status, n_reports FROM coverage WHERE district = 'alpha' ORDER BY unit, year`)
    const cov = Object.fromEntries(rows.map((r) => [`${r.unit} ${r.year}`, `${r.status}:${r.n_reports}`]))
    expect(cov).toEqual({
      '东城街道 2020': 'received:1',
      '东城街道 2021': 'received:1',
      '西山镇 2020': 'received:1',
      '西山镇 2021': 'received:1',
      '新区街道 2021': 'received:1', // valid_from 2021: no 2020 row
      '旧镇 2020': 'not_collected:0',
      '旧镇 2021': 'not_expected:1', // valid_to 2020
      '甲区教育局 2020': 'not_collected:0',
      '甲区教育局 2021': 'duplicate:2',
    })
    // district.json "years" [2019, 2021] sets beta's grid; its sources.csv records 2019 as looked for and
    // not found (not_published), and says nothing of 2020 (not_collected: no fault of the unit).
    const beta = await queryDb(db, `SELECT year, status FROM coverage WHERE district = 'beta' ORDER BY year`)
    expect(beta).toEqual([{ year: 2019, status: 'not_published' }, { year: 2020, status: 'not_collected' }, { year: 2021, status: 'received' }])
    const stats = Object.fromEntries(result.districts.map((d) => [d.id, d.coverage]))
    expect(stats.beta).toEqual({ received: 1, not_collected: 1, not_published: 1, duplicate: 0, not_expected: 0 })
    expect(stats.alpha).toMatchObject({ not_collected: 2, not_published: 0 })
  })

  it('raises not_published (warn) only for the unit-year looked for and not found, never for one not collected', async () => {
    const rows = await queryDb(db, `SELECT district, unit, year, report_id, rule, level, message, message_en FROM findings WHERE rule = 'not_published'`)
    expect(rows).toEqual([{
      district: 'beta', unit: '南湖镇', year: 2019, report_id: null, rule: 'not_published', level: 'warn',
      message: '南湖镇 2019 年度报告经查未发布（2024-03-01 查找未发现（searched the town site and the district portal））',
      message_en: '南湖镇 did not publish its 2019 report: looked for on 2024-03-01 and not found (searched the town site and the district portal)',
    }])
  })

  it('records build, report and cross-year findings with their file and report', async () => {
    const rows = (await queryDb(db, `SELECT rule, level, file, year, report_id FROM findings WHERE district = 'alpha'`)) as { rule: string; level: string; file: string | null; year: number | null; report_id: number | null }[]
    const has = (rule: string, file: string) => rows.some((f) => f.rule === rule && (f.file ?? '').endsWith(file))
    expect(has('unreadable', 'broken.json')).toBe(true)
    expect(has('unmatched', 'unknown.json')).toBe(true)
    expect(has('year_folder', '2020/新区街道.json')).toBe(true)
    expect(has('not_expected', '旧镇2021.json')).toBe(true)
    expect(has('A1', '东城街道-2021.json')).toBe(true)
    // C1: 东城 carried 1 forward from 2020, 2021 says 0 carried over.
    expect(has('C1', '东城街道-2021.json')).toBe(true)
    // C5: two reports for 甲区教育局 2021.
    expect(rows.filter((f) => f.rule === 'C5' && f.year === 2021).length).toBe(2)
    expect(rows.find((f) => f.rule === 'unreadable')!.level).toBe('error')
    // A10 needs the registry's kind (镇): the report does not name itself, so the parser could not know.
    expect(has('A10', '西山镇人民政府2021年度报告.json')).toBe(true)
  })

  it('writes one tidy cells row per located cell, with the report dimensions', async () => {
    const [{ n }] = (await queryDb(db, `SELECT count(*)::INTEGER AS n FROM cells WHERE district = 'beta'`)) as [{ n: number }]
    expect(n).toBe(keysOf('gov2019').length)
    const [cell] = await queryDb(db, `SELECT unit, unit_code, unit_kind, year, format, section, value, flag FROM cells WHERE key = 'apply.new.legal.commercial' AND district = 'beta'`)
    expect(cell).toEqual({ unit: '南湖镇', unit_code: '101', unit_kind: '镇', year: 2021, format: 'gov2019', section: 'apply', value: 2, flag: 'ok' })
    const readable = (await queryDb(db, `SELECT count(*)::INTEGER AS n FROM reports WHERE status <> 'unreadable'`))[0]!.n as number
    const total = (await queryDb(db, `SELECT count(*)::INTEGER AS n FROM cells`))[0]!.n as number
    expect(total).toBe((readable - 1) * keysOf('gov2021').length + keysOf('gov2019').length)
  })

  it('gives a report the url of its unit-year row in sources.csv, and the district provenance', async () => {
    const rows = await queryDb(db, `SELECT district, provenance FROM reports WHERE district = 'beta' OR file LIKE '%西山乡%' ORDER BY district`)
    expect(rows).toEqual([{ district: 'alpha', provenance: 'published' }, { district: 'beta', provenance: 'synthetic' }])
    const beta = await queryDb(db, `SELECT year, source_url FROM reports WHERE district = 'beta'`)
    expect(beta).toEqual([{ year: 2021, source_url: 'https://example.org/nanhu-2021' }])
    const pkg = readJson<{ sources: { path?: string }[] }>(join(out, 'datapackage.json'))
    expect(pkg.sources.some((s) => s.path === 'https://example.org/nanhu-2021')).toBe(true)
  })

  it('writes index.json and per-district summaries with metric values from the cells', () => {
    const index = readJson<{ districts: DistrictEntry[] }>(join(out, 'index.json'))
    expect(index.districts.map(({ id, name, synthetic, summary, db }) => ({ id, name, synthetic, summary, db }))).toEqual([
      { id: 'alpha', name: '甲区', synthetic: false, summary: 'summary/alpha.json', db: 'db/alpha.duckdb' },
      { id: 'beta', name: '乙县', synthetic: true, summary: 'summary/beta.json', db: 'db/beta.duckdb' },
    ])
    const s = readJson<DistrictSummary>(join(out, 'summary/alpha.json'))
    expect(s.years).toEqual([2020, 2021])
    const y2020 = s.by_year.find((y) => y.year === 2020)!
    expect(y2020).toMatchObject({ expected: 4, received: 2 })
    expect(y2020.metrics.new).toBe(4)
    expect(y2020.metrics.granted_share).toBe(1)
    const y2021 = s.by_year.find((y) => y.year === 2021)!
    // 东城 new 3; the duplicate 教育局 report counts once; the not_expected 旧镇 (5 new) and the
    // unmatched report (7 new) are not received reports of the grid, so they are not in the totals.
    expect(y2021).toMatchObject({ expected: 4, received: 4 })
    expect(y2021.metrics.new).toBe(3)
    expect(y2021.metrics.granted_share).toBeNull()
    expect(s.by_unit_year.filter((u) => u.unit === '甲区教育局' && u.year === 2021)).toHaveLength(1)
    expect(s.findings.error).toBeGreaterThan(0)
  })
})
