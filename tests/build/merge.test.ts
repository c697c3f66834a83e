import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DB_FILE_NAME, districtDbPath } from '~/db/data-files'
import { TABLES } from '~/db/schema'
import { buildData } from '../../scripts/build/build'
import { memoryLog } from '../../scripts/build/log'
import { mergeOutputs } from '../../scripts/build/merge'
import { PART_FILE } from '../../scripts/build/part-manifest'
import { main as mergeMain } from '../../scripts/merge'
import { fakeEngines, FIXTURE_DATA, hashTree, queryDb, readJson, removeTemps, tempDir } from './helpers'

afterAll(removeTemps)

/** Build `districts` of the fixture (all when undefined) into a fresh folder. */
async function build(districts?: string[]): Promise<string> {
  const out = join(tempDir(), 'data')
  const result = await buildData({ dataDir: FIXTURE_DATA, outDir: out, strict: false, log: memoryLog(), ...(districts ? { districts } : {}) }, fakeEngines)
  expect(result.districts.map((d) => d.id)).toEqual(districts ?? ['alpha', 'beta'])
  return out
}

/** Every row of every table, in stored order. */
async function tables(dbFile: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const t of TABLES) out[t.name] = await queryDb(dbFile, `SELECT * FROM ${t.name}`)
  return out
}

describe('npm run merge: per-district jobs put together', () => {
  let whole: string
  let merged: string
  let partA: string
  let partB: string
  beforeAll(async () => {
    whole = await build()
    partA = await build(['alpha'])
    partB = await build(['beta'])
    merged = join(tempDir(), 'data')
    // Parts in any order: the merge orders districts as the build does.
    const r = await mergeOutputs([partB, partA], { outDir: merged, log: memoryLog() })
    expect(r.districts).toEqual(['alpha', 'beta'])
   }, 120_000)

  it('gives the same tables as one build of both districts, with reports numbered on across districts', async () => {
    const one = await tables(join(whole, DB_FILE_NAME))
    expect(one.reports!.length).toBeGreaterThan(0)
    expect(await tables(join(merged, DB_FILE_NAME))).toEqual(one)
    for (const id of ['alpha', 'beta']) expect(await tables(join(merged, districtDbPath(id)))).toEqual(await tables(join(whole, districtDbPath(id))))
    // The job of beta alone numbers its reports from 1; in the merge they follow alpha's, as in one build.
    const alphaReports = (await queryDb(join(partA, DB_FILE_NAME), 'SELECT COUNT(*)::INTEGER AS n FROM reports'))[0]!.n as number
    const ids = async (dir: string) => (await queryDb(join(dir, districtDbPath('beta')), 'SELECT MIN(report_id) AS lo FROM reports'))[0]!.lo
    expect(await ids(partB)).toBe(1)
    expect(await ids(merged)).toBe(alphaReports + 1)
  })

  it('writes every other file byte for byte as one build does (open files, summaries, prebuilt results, index, datapackage)', () => {
    // DuckDB files embed a random id: compared by their tables above, and so is their hash in datapackage.json.
    const files = (dir: string) => Object.fromEntries(Object.entries(hashTree(dir)).filter(([p]) => !p.endsWith('.duckdb') && p !== 'datapackage.json'))
    type Pkg = { resources: { format: string; hash?: string; bytes?: number }[] }
    const pkg = (dir: string) => {
      const p = readJson<Pkg>(join(dir, 'datapackage.json'))
      for (const r of p.resources) {
        if (r.format !== 'duckdb') continue
        delete r.hash
        delete r.bytes
      }
      return p
    }
    expect(pkg(merged)).toEqual(pkg(whole))
    const one = files(whole)
    expect(Object.keys(one)).toEqual(expect.arrayContaining(['index.json', 'national.json', 'changelog.json', PART_FILE, 'open/cells.parquet', 'open/alpha/cells.csv']))
    expect(Object.keys(one).some((p) => p.startsWith('prebuilt/beta/'))).toBe(true)
    expect(files(merged)).toEqual(one)
  })

  it('a merged output merges again (a province from cities, the nation from provinces)', async () => {
    const again = join(tempDir(), 'data')
    await mergeOutputs([merged], { outDir: again, log: memoryLog() })
    expect(readJson(join(again, 'index.json'))).toEqual(readJson(join(whole, 'index.json')))
    expect(await tables(join(again, DB_FILE_NAME))).toEqual(await tables(join(whole, DB_FILE_NAME)))
  })

  it('refuses a district in two parts and a folder that is not a build output, naming them', async () => {
    await expect(mergeOutputs([partA, whole], { outDir: join(tempDir(), 'data'), log: memoryLog() })).rejects.toThrow(new RegExp(`alpha is in two parts: ${partA} and ${whole}`))
    const stray = tempDir()
    mkdirSync(join(stray, 'db'))
    await expect(mergeOutputs([stray], { outDir: join(tempDir(), 'data'), log: memoryLog() })).rejects.toThrow(new RegExp(`${stray}: no ${PART_FILE}`))
    writeFileSync(join(stray, PART_FILE), '{"format":99}')
    await expect(mergeOutputs([stray], { outDir: join(tempDir(), 'data'), log: memoryLog() })).rejects.toThrow(/format 99/)
  })

  it('a job naming a district with no folder fails and says which', async () => {
    const log = memoryLog()
    const r = await buildData({ dataDir: FIXTURE_DATA, outDir: join(tempDir(), 'data'), strict: false, log, districts: ['alpha', 'gamma'] }, fakeEngines)
    expect(r.ok).toBe(false)
    expect(r.districts.map((d) => d.id)).toEqual(['alpha'])
    expect(r.failed.join('\n')).toMatch(/gamma: no such district folder/)
  })

  it('the command line: exit 2 without parts, 1 on a bad part, 0 when merged', async () => {
    const quiet = { log: console.log, error: console.error }
    console.log = () => {}
    console.error = () => {}
    try {
      expect(await mergeMain([])).toBe(2)
      expect(await mergeMain([tempDir(), '--out', join(tempDir(), 'data')])).toBe(1)
      const out = join(tempDir(), 'data')
      expect(await mergeMain([partA, partB, '--out', out])).toBe(0)
      expect(readJson(join(out, 'index.json'))).toEqual(readJson(join(whole, 'index.json')))
    } finally {
      console.log = quiet.log
      console.error = quiet.error
    }
  })
})
