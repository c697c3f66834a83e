import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTable } from '~/db/open-tables'
import { CELLS } from '~/report/model'
import { buildData } from '../../scripts/build/build'
import { datasetVersion, nextChangelog, type BuildEntry, type Changelog } from '../../scripts/build/changelog'
import { writeOpenFiles } from '../../scripts/build/open-files'
import { memoryLog } from '../../scripts/build/log'
import { writeFixtureDb } from '../db/fixture-db'
import { fakeEngines, FIXTURE_DATA, queryDb, queryFiles, readJson, removeTemps, tempDir } from './helpers'

afterAll(removeTemps)

const csvRows = (file: string) => {
  const text = readFileSync(file, 'utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  return parsed
}

interface Pkg {
  version: string
  districts: { id: string; license: string; license_note: string; synthetic: boolean }[]
  resources: { name: string; path: string; licenses?: { name: string }[]; schema?: { fields: { name: string }[] } }[]
}

describe('the open files of a build', () => {
  let out: string
  beforeAll(async () => {
    out = join(tempDir(), 'data')
    await buildData({ dataDir: FIXTURE_DATA, outDir: out, strict: false, log: memoryLog() }, fakeEngines)
  })

  it('cells.csv carries the printed Chinese label and the provenance, and prints whole numbers as integers', () => {
    const pkg = readJson<Pkg>(join(out, 'datapackage.json'))
    const parts = pkg.districts.map((d) => csvRows(join(out, `open/${d.id}/cells.csv`)))
    for (const { meta } of parts) {
      expect(meta.fields).toEqual(openTable('cells').fields.map((f) => f.name))
      expect(meta.fields).toEqual(expect.arrayContaining(['label_zh', 'provenance']))
    }
    const data = parts.flatMap((p) => p.data)
    const labels = new Map(CELLS.map((c) => [c.key, c.label.zh]))
    const reports = csvRows(join(out, 'open/reports.csv')).data
    const provenance = new Map(reports.map((r) => [r.report_id!, r.provenance]))
    expect(data.length).toBeGreaterThan(0)
    for (const row of data) {
      expect(row.label_zh, row.key).toBe(labels.get(row.key!))
      expect(row.provenance).toBe(provenance.get(row.report_id!))
      if (row.value) expect(row.value, row.key).not.toMatch(/\.0$/)
    }
    expect(data.some((r) => /^\d+$/.test(r.value ?? ''))).toBe(true)
  })

  it('writes every table once per district beside the all-district files, rows of that district only', async () => {
    const pkg = readJson<Pkg>(join(out, 'datapackage.json'))
    expect(pkg.districts.length).toBeGreaterThan(0)
    for (const table of ['cells', 'reports', 'findings', 'coverage', 'units', 'districts']) {
      // Every table has an all-district Parquet file; all but cells also an all-district CSV.
      expect(existsSync(join(out, `open/${table}.csv`)), table).toBe(table !== 'cells')
      const [{ n: all }] = (await queryFiles(`SELECT COUNT(*)::INTEGER AS n FROM read_parquet('${join(out, `open/${table}.parquet`)}')`)) as [{ n: number }]
      let sum = 0
      for (const d of pkg.districts) {
        const file = join(out, `open/${d.id}/${table}.csv`)
        expect(existsSync(file), file).toBe(true)
        expect(existsSync(join(out, `open/${d.id}/${table}.parquet`))).toBe(true)
        const rows = csvRows(file).data
        expect(rows.every((r) => r.district === d.id)).toBe(true)
        sum += rows.length
        const res = pkg.resources.find((r) => r.path === `open/${d.id}/${table}.csv`)!
        expect(res.licenses?.[0]?.name, `${d.id} license`).toBe(d.license)
        expect(res.schema!.fields.map((f) => f.name)).toEqual(openTable(table as 'cells').fields.map((f) => f.name))
      }
      expect(sum, table).toBe(all)
    }
    // The cells of every district as one file exist only as Parquet (see open-files.ts); JSON only for the small tables.
    expect(['cells', 'reports', 'findings', 'coverage'].filter((t) => existsSync(join(out, `open/${t}.json`)))).toEqual([])
    expect(['units', 'districts'].filter((t) => existsSync(join(out, `open/${t}.json`)))).toEqual(['units', 'districts'])
  })

  it('a database file per district, listed in index.json, holding that district only and every row of it', async () => {
    const index = readJson<{ districts: { id: string; db: string }[] }>(join(out, 'index.json'))
    const pkg = readJson<Pkg>(join(out, 'datapackage.json'))
    expect(index.districts.length).toBeGreaterThan(1)
    for (const d of index.districts) {
      expect(d.db).toBe(`db/${d.id}.duckdb`)
      expect(pkg.resources.find((r) => r.path === d.db)?.licenses?.[0]?.name).toBe(pkg.districts.find((x) => x.id === d.id)!.license)
      for (const table of ['cells', 'reports', 'findings', 'coverage', 'units', 'districts']) {
        const own = await queryDb(join(out, d.db), `SELECT district, COUNT(*)::INTEGER AS n FROM ${table} GROUP BY district`)
        const inAll = await queryDb(join(out, 'gov.duckdb'), `SELECT COUNT(*)::INTEGER AS n FROM ${table} WHERE district = '${d.id}'`)
        expect(own.map((r) => r.district), `${d.id} ${table}`).toEqual(inAll[0]!.n ? [d.id] : [])
        expect(own[0]?.n ?? 0, `${d.id} ${table}`).toBe(inAll[0]!.n)
      }
    }
  })

  it('cells per district and report year as Parquet: that district and year only, together every cell of the district', async () => {
    const pkg = readJson<Pkg>(join(out, 'datapackage.json'))
    for (const d of pkg.districts) {
      const years = (await queryDb(join(out, 'gov.duckdb'), `SELECT DISTINCT "year" FROM cells WHERE district = '${d.id}' ORDER BY 1`)).map((r) => Number(r.year))
      expect(years.length, d.id).toBeGreaterThan(0)
      let sum = 0
      for (const year of years) {
        const path = `open/${d.id}/${year}/cells.parquet`
        expect(pkg.resources.some((r) => r.path === path), path).toBe(true)
        const rows = await queryFiles(`SELECT district, "year", COUNT(*)::INTEGER AS n, COUNT(label_zh)::INTEGER AS labelled FROM read_parquet('${join(out, path)}') GROUP BY ALL`)
        expect(rows.map((r) => [r.district, r.year]), path).toEqual([[d.id, year]])
        sum += Number(rows[0]!.n)
      }
      const [{ n }] = (await queryFiles(`SELECT COUNT(*)::INTEGER AS n FROM read_parquet('${join(out, `open/${d.id}/cells.parquet`)}')`)) as [{ n: number }]
      expect(sum, d.id).toBe(n)
    }
  })

  it('datapackage.json names the version, and the changelog lists this build', () => {
    const pkg = readJson<Pkg>(join(out, 'datapackage.json'))
    expect(pkg.version).toMatch(/^\d{4}\.\d{2}\.\d{2}\+[0-9a-f]{8}$/)
    const log = readJson<Changelog>(join(out, 'changelog.json'))
    expect(log.builds).toHaveLength(1)
    expect(log.builds[0]!.version).toBe(pkg.version)
    expect(log.builds[0]!.changes[0]!.zh).toBe('首次发布')
    expect(log.builds[0]!.districts.map((d) => d.district).sort()).toEqual(pkg.districts.map((d) => d.id).sort())
    expect(pkg.resources.some((r) => r.path === 'changelog.json')).toBe(true)
  })

  it('rebuilding the same input into the same folder keeps one changelog entry (same version)', async () => {
    await buildData({ dataDir: FIXTURE_DATA, outDir: out, strict: false, log: memoryLog() }, fakeEngines)
    const log = readJson<Changelog>(join(out, 'changelog.json'))
    expect(log.builds).toHaveLength(1)
  })
})

describe('formula injection in the published CSVs', () => {
  it("prefixes ' to text cells starting with = + - @ tab or CR; numbers and the typed files stay as they are", async () => {
    const { file, cleanup } = await writeFixtureDb()
    try {
      const inst = await DuckDBInstance.create(file)
      const con = await inst.connect()
      const evil = ['=HYPERLINK("http://x","y")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1,2)', '\tTAB', '\rCR']
      for (const [i, text] of evil.entries()) {
        await con.run(`INSERT INTO findings (district, unit, year, report_id, rule, level, message, message_en) VALUES ('demo', '甲镇', 2021, 1, 'A1', 'error', '${text.replaceAll("'", "''")}', 'ok ${i}')`)
      }
      await con.run("INSERT INTO cells (district, unit, year, report_id, section, key, value, flag, raw) VALUES ('demo', '甲镇', 2021, 1, 'apply', 'apply.new.total', -3, 'non_numeric', '=1+1')")
      con.closeSync()
      inst.closeSync()
      const out = tempDir()
      await writeOpenFiles(file, out, ['findings', 'cells'], [{ id: 'demo', name: '示例区', license: 'CC0-1.0', db: file }])
      for (const path of ['open/findings.csv', 'open/demo/findings.csv']) {
        const messages = csvRows(join(out, path)).data.map((r) => r.message ?? '')
        for (const text of evil) expect(messages, path).toContain(`'${text}`)
        expect(messages.filter((m) => /^[=+\-@\t\r]/.test(m))).toEqual([])
      }
      const typed = await queryFiles(`SELECT message FROM read_parquet('${join(out, 'open/findings.parquet')}')`)
      for (const text of evil) expect(typed.map((r) => r.message)).toContain(text)
      const cell = csvRows(join(out, 'open/demo/cells.csv')).data.find((r) => r.flag === 'non_numeric')!
      expect(cell.raw).toBe("'=1+1")
      expect(cell.value).toBe('-3')
    } finally {
      cleanup()
    }
  })
})

describe('dataset version and changelog', () => {
  const entry = (version: string, reports: number): Omit<BuildEntry, 'changes'> => ({
    version, created: '2025-01-02T00:00:00.000Z', districts: [{ district: 'a', name: '甲区', reports, cells: reports * 10, findings: 0 }],
  })

  it('the version is the data date and a digest of the files, so it changes with any value', () => {
    expect(datasetVersion('2025-01-02T03:04:05.000Z', ['aa', 'bb'])).toMatch(/^2025\.01\.02\+[0-9a-f]{8}$/)
    expect(datasetVersion('2025-01-02T00:00:00Z', ['aa', 'bb'])).toBe(datasetVersion('2025-01-02T09:00:00Z', ['aa', 'bb']))
    expect(datasetVersion('2025-01-02T00:00:00Z', ['aa', 'bc'])).not.toBe(datasetVersion('2025-01-02T00:00:00Z', ['aa', 'bb']))
  })

  it('adds an entry per new version, newest first, saying what changed', () => {
    const first = nextChangelog(undefined, entry('v1', 3))
    expect(first.builds.map((b) => b.version)).toEqual(['v1'])
    expect(nextChangelog(first, entry('v1', 3))).toEqual(first)
    const second = nextChangelog(first, { ...entry('v2', 4), districts: [...entry('v2', 4).districts, { district: 'b', name: '乙区', reports: 1, cells: 5, findings: 0 }] })
    expect(second.builds.map((b) => b.version)).toEqual(['v2', 'v1'])
    expect(second.builds[0]!.changes.map((c) => c.zh)).toEqual(['甲区：报告 3 → 4，单元格 30 → 40', '新增 乙区：1 份报告'])
    const third = nextChangelog(second, entry('v3', 4))
    expect(third.builds[0]!.changes.map((c) => c.en)).toEqual(['Removed b'])
  })

  it('an unreadable previous changelog is not carried over, and the new entry says so', () => {
    const log = nextChangelog(null, entry('v1', 3))
    expect(log.builds).toHaveLength(1)
    expect(log.builds[0]!.changes.map((c) => c.en)).toContain('The previous changelog could not be read; it starts anew')
    expect(nextChangelog({ builds: 'nope' }, entry('v1', 3)).builds[0]!.changes.at(-1)!.zh).toContain('无法读取')
  })
})
