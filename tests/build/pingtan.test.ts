/**
 * The embedded real district 平潭综合实验区 (data/districts/pingtan): built with the real parser into a
 * temp folder. Every file matched to its unit and year, its page address and date from the crawler
 * header, received reports per year, and the cells of the reports that are also in the real corpus
 * (tests/corpus, matched by the page's 原文链接) equal to their hand-checked values.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DistrictSummary } from '~/db/summary'
import type { BuildResult } from '../../scripts/build/build'
import { defaultEngines } from '../../scripts/build/engines'
import { buildInto, fakeEngines, queryDb, readJson, removeTemps, ROOT, tempDir } from './helpers'

const SRC = join(ROOT, 'data/districts/pingtan')
const CORPUS = join(ROOT, 'tests/corpus')
/** The corpus files that are 平潭 archive pages (tests/corpus/index.csv). */
const CORPUS_IDS = ['c001', 'c002', 'c003', 'c004', 'c005', 'c006', 'c025', 'c030', 'c031', 'c032', 'c033']
const RECEIVED_PER_YEAR = { 2019: 15, 2020: 16, 2021: 16, 2022: 17, 2023: 15, 2024: 15, 2025: 15 }

let out: string
let result: BuildResult
let infoLines: string[]
const db = (sql: string) => queryDb(join(out, 'gov.duckdb'), sql)

beforeAll(async () => {
  const data = tempDir('gov-pingtan-')
  mkdirSync(join(data, 'districts'))
  cpSync(SRC, join(data, 'districts/pingtan'), { recursive: true })
  const built = await buildInto(data, defaultEngines)
  ;({ out, result } = built)
  infoLines = built.log.lines
}, 120_000)
afterAll(removeTemps)

/** `标题:` / `发布时间:` / `原文链接:` of a crawler page.txt header. */
function header(text: string): { url: string | null; date: string | null } {
  const head = text.slice(0, 2000)
  return {
    url: /^原文链接:\s*(\S+)/m.exec(head)?.[1] ?? null,
    date: /^发布时间:\s*(\d{4}-\d{2}-\d{2})/m.exec(head)?.[1] ?? null,
  }
}

describe('平潭综合实验区, built from its published reports', () => {
  it('reads every file: 109 reports, none unreadable or unmatched', () => {
    expect(result.ok).toBe(true)
    expect(result.failed).toEqual([])
    expect(result.districts).toHaveLength(1)
    expect(result.districts[0]).toMatchObject({ id: 'pingtan', files: 109, unreadable: 0, unmatched: 0 })
  })

  it('gives every file its unit (the file name) and year (the folder), page address and date from the header', async () => {
    const rows = await db(`SELECT file, unit, unit_kind, "year", status, source_url, published_at FROM reports WHERE district = 'pingtan' ORDER BY file`)
    expect(rows).toHaveLength(109)
    // sources.csv: unit,year,url,status,checked_at,note — one row per received unit-year.
    const sources = new Map(readFileSync(join(SRC, 'sources.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',') as [string, string, string]).map(([u, y, url]) => [`${u} ${y}`, url]))
    for (const r of rows) {
      const [, folder, name] = String(r.file).split('/') as [string, string, string]
      const stem = name.replace(/\d{4}\.txt$/, '')
      const h = header(readFileSync(join(SRC, String(r.file)), 'utf8'))
      expect({ file: r.file, unit: r.unit, year: r.year, url: r.source_url, date: r.published_at }).toEqual({
        file: r.file,
        unit: stem === '平潭综合实验区' ? stem : `平潭综合实验区${stem}`,
        year: Number(folder),
        url: h.url,
        date: h.date,
      })
      expect(r.source_url).toBe(sources.get(`${r.unit} ${r.year}`))
      expect(r.status).not.toBe('unmatched')
    }
  })

  it('counts the received reports per year; a unit-year not collected is not_collected (never not_published: no search is recorded), never a unit outside its years', async () => {
    const rows = await db(`SELECT "year", status, count(*)::INTEGER AS n FROM coverage WHERE district = 'pingtan' GROUP BY ALL ORDER BY ALL`)
    const received = Object.fromEntries(rows.filter((r) => r.status === 'received').map((r) => [r.year, r.n]))
    expect(received).toEqual(RECEIVED_PER_YEAR)
    expect(rows.filter((r) => r.status !== 'received' && r.status !== 'not_collected')).toEqual([])
    expect(rows.filter((r) => r.status === 'not_collected').reduce((n, r) => n + Number(r.n), 0)).toBe(17)
    // 国有资产管理局 (2019–2023) and 投资促进局 (2024–) are not expected outside their years.
    const outside = await db(`SELECT unit, "year" FROM coverage WHERE district = 'pingtan' AND status = 'not_collected'
      AND ((unit = '平潭综合实验区国有资产管理局' AND "year" > 2023) OR (unit = '平潭综合实验区投资促进局' AND "year" < 2024))`)
    expect(outside).toEqual([])
    const summary = readJson<DistrictSummary>(join(out, 'summary/pingtan.json'))
    expect(Object.fromEntries(summary.by_year.map((y) => [y.year, y.received]))).toEqual(RECEIVED_PER_YEAR)
    expect(summary.by_year.every((y) => y.expected === 18)).toBe(true)
    expect(summary.synthetic).toBe(false)
  })

  it('reports the cells read per file: build log, reports.n_cells and summary by_unit_year[].cells agree', async () => {
    const line = infoLines.find((l) => l.startsWith('pingtan: ') && l.includes('cells read'))
    expect(line).toMatch(/^pingtan: \d+ cells read from 109 files, per file 0–200 \(median \d+\); no cell read in 1: reports\/2020\/公安局2020\.txt$/)
    const rows = await db(`SELECT unit, "year", n_cells FROM reports WHERE district = 'pingtan' AND counted`)
    const summary = readJson<DistrictSummary>(join(out, 'summary/pingtan.json'))
    expect(summary.by_unit_year).toHaveLength(109)
    const byKey = new Map(rows.map((r) => [`${r.unit} ${r.year}`, r.n_cells]))
    for (const u of summary.by_unit_year) expect(u.cells, `${u.unit} ${u.year}`).toBe(byKey.get(`${u.unit} ${u.year}`))
    // 公安局 2020: the archived page has only its title. Received, 0 cells, never a guessed figure.
    expect(byKey.get('平潭综合实验区公安局 2020')).toBe(0)
    expect(Number(line!.split(' ')[1])).toBe(rows.reduce((n, r) => n + Number(r.n_cells), 0))
  })

  it('reads the cells of the reports that are in the real corpus exactly as hand-checked', async () => {
    const reports = await db(`SELECT report_id, file, source_url FROM reports WHERE district = 'pingtan'`)
    const byUrl = new Map(reports.map((r) => [r.source_url, r]))
    let checked = 0
    for (const id of CORPUS_IDS) {
      const raw = readFileSync(join(CORPUS, 'raw', `${id}.txt`))
      const report = byUrl.get(header(raw.toString('utf8')).url)
      expect(report, id).toBeDefined()
      // The same page, byte for byte.
      expect(readFileSync(join(SRC, String(report!.file))).equals(raw), `${id} = ${report!.file}`).toBe(true)
      const expected = readJson<{ cells: Record<string, number | null>; ambiguous: string[] }>(join(CORPUS, 'expected', `${id}.json`))
      const cells = await db(`SELECT key, value FROM cells WHERE report_id = ${Number(report!.report_id)}`)
      const got = Object.fromEntries(cells.map((c) => [c.key, c.value === null ? null : Number(c.value)]))
      // Every hand-checked cell is read, with its printed value.
      const want = Object.entries(expected.cells)
      expect(Object.fromEntries(want.map(([k]) => [k, got[k]])), id).toEqual(expected.cells)
      checked += want.length
    }
    expect(checked).toBe(2141)
  })
})

describe('the real district is the default', () => {
  it('index.json lists 平潭 first (district.json "order"), then the synthetic 示例区, then 呼兰区', async () => {
    const data = tempDir('gov-order-')
    for (const id of ['demo', 'hulan', 'pingtan']) {
      mkdirSync(join(data, 'districts', id), { recursive: true })
      for (const f of ['district.json', 'units.csv']) cpSync(join(ROOT, 'data/districts', id, f), join(data, 'districts', id, f))
    }
    const { out: o } = await buildInto(data, fakeEngines)
    const index = readJson<{ districts: { id: string; synthetic: boolean }[] }>(join(o, 'index.json'))
    expect(index.districts.map((d) => [d.id, d.synthetic])).toEqual([['pingtan', false], ['demo', true], ['hulan', false]])
    expect(readdirSync(join(ROOT, 'data/districts')).sort()).toEqual(expect.arrayContaining(['demo', 'hulan', 'pingtan']))
  })
})
