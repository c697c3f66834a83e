import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DB_FILE_NAME } from '~/db/data-files'
import { openNodeConnector, type NodeConnector } from '~/db/node'
import { PREBUILT_FORMAT, prebuiltKey, prebuiltPath, type PrebuiltFile, type PrebuiltInfo } from '~/db/prebuilt'
import { DEFAULT_STATE, moreStates, resolvedYear, unitPageBaseSql, unitPageYearSql, viewSql } from '~/db/prebuilt-states'
import { unitReportsSql, type UnitReportRow } from '~/db/sql/unit'
import type { DistrictSummary } from '~/db/summary'
import { buildData } from '../../scripts/build/build'
import { memoryLog } from '../../scripts/build/log'
import { contentDigest } from '../../scripts/build/prebuilt'
import { buildInto, fakeEngines, FIXTURE_DATA, readJson, removeTemps, tempDir } from './helpers'

afterAll(removeTemps)

type Entry = { id: string; summary: string; db?: string; prebuilt?: PrebuiltInfo }
const VIEWS = ['overview', 'compare', 'outcomes', 'appeal', 'active', 'coverage', 'units'] as const

describe('prebuilt results of the data build', () => {
  let out: string
  let entries: Entry[]
  beforeAll(async () => {
    ;({ out } = await buildInto(FIXTURE_DATA))
    entries = readJson<{ districts: Entry[] }>(join(out, 'index.json')).districts
  })

  it('index.json names each district\'s prebuilt folder, views and the content digest of the database the browser attaches', async () => {
    expect(entries.length).toBeGreaterThan(0)
    for (const e of entries) {
      expect(e.prebuilt).toBeDefined()
      expect(e.prebuilt!.dir).toBe(`prebuilt/${e.id}`)
      expect(e.prebuilt!.views).toEqual([...VIEWS, 'unit'])
      const db = await openNodeConnector(join(out, e.db ?? DB_FILE_NAME))
      try {
        expect(e.prebuilt!.digest).toBe(await contentDigest(db))
      } finally {
        db.close()
      }
    }
  })

  it('every SQL of every view in every prebuilt state is in its file with the rows the engine gives for it now', async () => {
    for (const e of entries) {
      const summary = readJson<DistrictSummary>(join(out, e.summary))
      const info = e.prebuilt!
      const db = await openNodeConnector(join(out, e.db ?? DB_FILE_NAME))
      try {
        for (const view of VIEWS) {
          const first = readFile(out, prebuiltPath(info, view), info)
          const morePath = prebuiltPath(info, view, { more: true })
          // Every view has its pair of files: the browser asks for both (a missing one is a 404 in the console).
          expect(existsSync(join(out, morePath)), morePath).toBe(true)
          const more = readFile(out, morePath, info)
          // The default state is in the first (small) file, all of it.
          await expectAnswered(db, viewSql(view, summary, DEFAULT_STATE), first.results, `${e.id} ${view} default`)
          const all = { ...first.results, ...more.results }
          for (const state of moreStates(summary)) await expectAnswered(db, viewSql(view, summary, state), all, `${e.id} ${view} ${JSON.stringify(state)}`)
          // Nothing else: a file holds only what the states ask.
          const asked = new Set([DEFAULT_STATE, ...moreStates(summary)].flatMap((s) => viewSql(view, summary, s)).map(prebuiltKey))
          expect(Object.keys(all).filter((k) => !asked.has(k))).toEqual([])
        }
        const year = resolvedYear(summary, null)
        for (const { unit } of summary.units) {
          const reports = await db.query<UnitReportRow>(unitReportsSql(e.id, unit))
          const first = readFile(out, prebuiltPath(info, 'unit', { unit }), info)
          const more = readFile(out, prebuiltPath(info, 'unit', { unit, more: true }), info)
          await expectAnswered(db, [...unitPageBaseSql(e.id, unit), ...(year === null ? [] : unitPageYearSql(e.id, unit, year, reports))], first.results, `${e.id} unit ${unit}`)
          for (const y of summary.years) await expectAnswered(db, unitPageYearSql(e.id, unit, y, reports), { ...first.results, ...more.results }, `${e.id} unit ${unit} ${y}`)
        }
      } finally {
        db.close()
      }
    }
  })
})

describe('prebuilt results of a build above the size limit (prebuiltMoreMaxReports)', () => {
  it('keeps every default-state file as the full build writes it and writes the states one click away empty', async () => {
    const { out: full } = await buildInto(FIXTURE_DATA)
    const small = join(tempDir(), 'data')
    const log = memoryLog()
    // A limit below the fixture's report count: the build behaves as a province-sized one.
    const result = await buildData({ dataDir: FIXTURE_DATA, outDir: small, strict: false, log, prebuiltMoreMaxReports: 1 }, fakeEngines)
    expect(result.districts.length).toBeGreaterThan(0)
    expect(log.lines.find((l) => l.startsWith('time:'))).toMatch(/prebuilt \(default states only\)/)
    const entries = readJson<{ districts: Entry[] }>(join(small, 'index.json')).districts
    const fullEntries = readJson<{ districts: Entry[] }>(join(full, 'index.json')).districts
    // Same databases, same digests, same views listed: the browser reads the same index either way.
    expect(entries).toEqual(fullEntries)
    for (const e of entries) {
      const info = e.prebuilt!
      const summary = readJson<DistrictSummary>(join(small, e.summary))
      const pairs = [...VIEWS.map((view) => ({ view, part: {} })), ...summary.units.map(({ unit }) => ({ view: 'unit' as const, part: { unit } }))]
      expect(pairs.length).toBeGreaterThan(VIEWS.length)
      for (const { view, part } of pairs) {
        const first = prebuiltPath(info, view, part)
        expect(readFileSync(join(small, first), 'utf8'), first).toBe(readFileSync(join(full, first), 'utf8'))
        const more = readFile(small, prebuiltPath(info, view, { ...part, more: true }), info)
        expect(more.results, prebuiltPath(info, view, { ...part, more: true })).toEqual({})
      }
      // The full build's states one click away are not empty: the limit is what emptied them.
      expect(Object.keys(readFile(full, prebuiltPath(info, 'compare', { more: true }), info).results).length).toBeGreaterThan(0)
    }
  })
})

/** Read a prebuilt file and check its stamp. */
function readFile(out: string, path: string, info: PrebuiltInfo): PrebuiltFile {
  const f = JSON.parse(readFileSync(join(out, path), 'utf8')) as PrebuiltFile
  expect(f.format).toBe(PREBUILT_FORMAT)
  expect(f.digest).toBe(info.digest)
  return f
}

/** Each SQL is answered in `results` with exactly the engine's rows — or it fails on the engine too (a view's bug the browser shows). */
async function expectAnswered(db: NodeConnector, sqls: string[], results: Record<string, unknown[]>, where: string): Promise<void> {
  for (const sql of sqls) {
    let live: unknown[] | Error
    try {
      live = await db.query(sql)
    } catch (err) {
      live = err as Error
    }
    if (live instanceof Error) expect(results[prebuiltKey(sql)], `${where}: failing SQL must not be prebuilt`).toBeUndefined()
    else expect(results[prebuiltKey(sql)], `${where}: ${sql.slice(0, 120)}`).toEqual(live)
  }
}
