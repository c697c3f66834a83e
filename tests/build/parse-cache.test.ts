import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { TABLES } from '~/db/schema'
import { buildData } from '../../scripts/build/build'
import { defaultEngines } from '../../scripts/build/engines'
import { memoryLog } from '../../scripts/build/log'
import { withParseCache } from '../../scripts/build/parse-cache'
import { parsePool } from '../../scripts/build/parse-pool'
import { parserCodeHash } from '../../scripts/build/stamp'
import type { BuildEngines } from '../../scripts/build/types'
import { ensureData } from '../../scripts/start'
import { fakeParse } from './fake-parser'
import { FIXTURE_DATA, hashTree, queryDb, removeTemps, ROOT, tempDir } from './helpers'

afterAll(removeTemps)

/** The fake parser, counting the files it is asked to parse. */
function countingParser(): BuildEngines & { calls: string[] } {
  const calls: string[] = []
  return { calls, parse: (bytes, name) => (calls.push(name), fakeParse(bytes, name)) }
}

async function build(dataDir: string, engines: BuildEngines): Promise<string> {
  const out = join(tempDir('gov-cache-out-'), 'data')
  await buildData({ dataDir, outDir: out, strict: false, log: memoryLog() }, engines)
  return out
}

/** How many report files the build hands the parser (a build without the cache, counted). */
async function countReports(dataDir: string): Promise<number> {
  const p = countingParser()
  await build(dataDir, p)
  return p.calls.length
}

/** Every output file the same, the DuckDB files (gov.duckdb, db/<district>.duckdb) by their table contents (they embed a random id; see build-files.test.ts). */
async function expectSameOutput(a: string, b: string): Promise<void> {
  const strip = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([f]) => !f.endsWith('.duckdb') && f !== 'datapackage.json'))
  expect(strip(hashTree(b))).toEqual(strip(hashTree(a)))
  const pkg = (dir: string) => readFileSync(join(dir, 'datapackage.json'), 'utf8').replace(/"hash": "[0-9a-f]+"(?=[^}]*gov\.duckdb)/g, '')
  expect(pkg(b).replace(/sha256:[0-9a-f]{64}/g, '')).toBe(pkg(a).replace(/sha256:[0-9a-f]{64}/g, ''))
  for (const t of TABLES) {
    const content = async (dir: string) => JSON.stringify(await queryDb(join(dir, 'gov.duckdb'), `SELECT md5(string_agg(CAST(t AS VARCHAR), '\n' ORDER BY CAST(t AS VARCHAR))) AS h FROM ${t.name} t`))
    expect(await content(b), t.name).toBe(await content(a))
  }
}

describe('parse cache', () => {
  it('a rebuild after one report changed parses that one report', async () => {
    const data = tempDir('gov-cache-data-')
    cpSync(join(FIXTURE_DATA, 'districts'), join(data, 'districts'), { recursive: true })
    const cacheDir = tempDir('gov-cache-')
    const total = await countReports(data)
    expect(total).toBeGreaterThan(5)

    const first = countingParser()
    const c1 = withParseCache(first, { dir: cacheDir, codeHash: 'code-a' })
    await build(data, c1)
    expect(first.calls).toHaveLength(total)
    expect(c1.stats()).toEqual({ hits: 0, misses: total })

    const unchanged = countingParser()
    await build(data, withParseCache(unchanged, { dir: cacheDir, codeHash: 'code-a' }))
    expect(unchanged.calls).toEqual([])

    const edited = join(data, 'districts/alpha/reports/2020/西山乡.json')
    writeFileSync(edited, JSON.stringify({ unit: '西山乡', year: 2020, cells: { 'active.rules.made': 7 } }))
    const second = countingParser()
    const c2 = withParseCache(second, { dir: cacheDir, codeHash: 'code-a' })
    await build(data, c2)
    expect(second.calls).toEqual(['西山乡.json'])
    expect(c2.stats()).toEqual({ hits: total - 1, misses: 1 })

    // The same bytes under another name are parsed (the name is part of what the parser reads).
    cpSync(edited, join(data, 'districts/alpha/reports/2020/西山乡-copy.json'))
    const third = countingParser()
    await build(data, withParseCache(third, { dir: cacheDir, codeHash: 'code-a' }))
    expect(third.calls).toEqual(['西山乡-copy.json'])
  })

  it('other parser code never reads old entries, and its folder replaces theirs', async () => {
    const cacheDir = tempDir('gov-cache-')
    await build(FIXTURE_DATA, withParseCache(countingParser(), { dir: cacheDir, codeHash: 'code-a' }))
    const other = countingParser()
    await build(FIXTURE_DATA, withParseCache(other, { dir: cacheDir, codeHash: 'code-b' }))
    expect(other.calls).toHaveLength(await countReports(FIXTURE_DATA))
    expect(readdirSync(cacheDir)).toEqual(['code-b'])
  })

  it('a damaged entry is parsed again, not trusted', async () => {
    const cacheDir = tempDir('gov-cache-')
    await build(FIXTURE_DATA, withParseCache(countingParser(), { dir: cacheDir, codeHash: 'code-a' }))
    const entries = readdirSync(join(cacheDir, 'code-a'))
    writeFileSync(join(cacheDir, 'code-a', entries[0]!), '{"cells": tru')
    writeFileSync(join(cacheDir, 'code-a', entries[1]!), '[]')
    const p = countingParser()
    await build(FIXTURE_DATA, withParseCache(p, { dir: cacheDir, codeHash: 'code-a' }))
    expect(p.calls).toHaveLength(2)
  })

  it('the real parser: output without the cache, filling it, and read from it are the same', async () => {
    // Two years of the real 平潭 reports: crawler pages with prose, notes and findings of every kind.
    const data = tempDir('gov-cache-real-')
    const src = join(ROOT, 'data/districts/pingtan')
    mkdirSync(join(data, 'districts/pingtan/reports'), { recursive: true })
    for (const f of ['district.json', 'units.csv', 'sources.csv']) cpSync(join(src, f), join(data, 'districts/pingtan', f))
    for (const y of ['2019', '2021']) cpSync(join(src, 'reports', y), join(data, 'districts/pingtan/reports', y), { recursive: true })
    const cacheDir = tempDir('gov-cache-')
    const codeHash = parserCodeHash(ROOT)
    const plain = await build(data, defaultEngines)
    const filling = withParseCache(defaultEngines, { dir: cacheDir, codeHash })
    const filled = await build(data, filling)
    const reading = withParseCache({ parse: () => Promise.reject(new Error('must not parse')) }, { dir: cacheDir, codeHash })
    const fromCache = await build(data, reading)
    const n = (readdirSync(join(data, 'districts/pingtan/reports/2019'))).length + readdirSync(join(data, 'districts/pingtan/reports/2021')).length
    expect(filling.stats().misses).toBe(n)
    expect(reading.stats()).toEqual({ hits: n, misses: 0 })
    await expectSameOutput(plain, filled)
    await expectSameOutput(plain, fromCache)
  }, 180_000)
})

describe('npm start data build', () => {
  it('parses on worker threads, and a second forced build reads every report from the cache', async () => {
    const data = tempDir('gov-start-data-')
    cpSync(join(ROOT, 'data/districts/hulan'), join(data, 'districts/hulan'), { recursive: true })
    const outDir = join(tempDir('gov-start-out-'), 'data')
    const parseCacheDir = tempDir('gov-start-cache-')
    const pools: ReturnType<typeof parsePool>[] = []
    const makePool = (size: number) => {
      const p = parsePool(size)
      pools.push(p)
      return p
    }
    const log = memoryLog()
    const first = await ensureData({ root: ROOT, dataDir: data, outDir, jobs: 2, parseCacheDir, makePool, log })
    expect(first).toMatchObject({ ok: true, built: true, cache: { hits: 0, misses: 1 } })
    expect(pools).toHaveLength(1)
    expect(pools[0]!.stats().workers).toBe(1)
    expect(pools[0]!.stats().fallback).toBe(0)

    expect(await ensureData({ root: ROOT, dataDir: data, outDir, jobs: 2, parseCacheDir, makePool, log })).toMatchObject({ built: false })
    const again = await ensureData({ root: ROOT, dataDir: data, outDir, jobs: 2, parseCacheDir, makePool, log, force: true })
    expect(again).toMatchObject({ ok: true, built: true, cache: { hits: 1, misses: 0 } })
    // Every report was in the cache: no worker was started for the second build.
    expect(pools).toHaveLength(1)
  }, 120_000)
})
