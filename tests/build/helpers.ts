import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { createHash } from 'node:crypto'
import { DuckDBInstance } from '@duckdb/node-api'
import { buildData, type BuildResult } from '../../scripts/build/build'
import { memoryLog } from '../../scripts/build/log'
import type { BuildEngines } from '../../scripts/build/types'
import { fakeParse } from './fake-parser'

export const ROOT = resolve(import.meta.dirname, '../..')
/** `tests/fixtures` holds `districts/alpha` and `districts/beta`. */
export const FIXTURE_DATA = join(ROOT, 'tests/fixtures')
export const fakeEngines: BuildEngines = { parse: fakeParse }

const temps: string[] = []

/** A fresh temp folder, removed by `removeTemps` (call it in afterAll). */
export function tempDir(prefix = 'gov-build-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  temps.push(dir)
  return dir
}

/** Remove the temp folders this test file made. */
export function removeTemps(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true })
}

/** Build `dataDir` into a fresh temp folder with the given engines. */
export async function buildInto(dataDir: string, engines: BuildEngines = fakeEngines, strict = false): Promise<{ out: string; result: BuildResult; log: ReturnType<typeof memoryLog> }> {
  const out = join(tempDir(), 'data')
  const log = memoryLog()
  const result = await buildData({ dataDir, outDir: out, strict, log }, engines)
  return { out, result, log }
}

/** Rows of a query on the built DuckDB file (native engine), as plain objects. */
export async function queryDb(dbFile: string, sql: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(':memory:')
  const con = await inst.connect()
  try {
    await con.run(`ATTACH '${dbFile}' AS gov (READ_ONLY)`)
    await con.run('USE gov')
    const reader = await con.runAndReadAll(sql)
    return reader.getRowObjectsJS() as Record<string, unknown>[]
  } finally {
    con.closeSync()
    inst.closeSync()
  }
}

/** Rows of a query on files (read_parquet, read_csv …) by an in-memory native engine, as plain objects. */
export async function queryFiles(sql: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(':memory:')
  const con = await inst.connect()
  try {
    return (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[]
  } finally {
    con.closeSync()
    inst.closeSync()
  }
}

/** sha256 of every file under a folder, keyed by relative path. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e)
      if (statSync(p).isDirectory()) walk(p)
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex')
    }
  }
  walk(dir)
  return out
}

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T
}
