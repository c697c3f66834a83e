import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultEngines } from '../../scripts/build/engines'
import { buildInto, queryDb, readJson, ROOT, removeTemps } from './helpers'

afterAll(removeTemps)

/** The demo district's list of planted faults (written by scripts/demo, engineer E). */
interface Manifest {
  faults: {
    id: string
    unit: string
    year: number
    file?: string
    expect: { rule: string; level?: string; cells?: string[]; coverage?: string; absent?: boolean }
  }[]
}

const DATA = join(ROOT, 'data')
const MANIFEST = join(DATA, 'districts/demo/manifest.json')
type Row = Record<string, unknown>

describe('demo district: planted faults (real parser and validators)', () => {
  const manifest = readJson<Manifest>(MANIFEST)
  let findings: Row[]
  let coverage: Row[]
  let reports: Row[]

  beforeAll(async () => {
    const { out } = await buildInto(DATA, defaultEngines)
    const db = join(out, 'gov.duckdb')
    findings = await queryDb(db, `SELECT unit, year, file, rule, level, cells FROM findings WHERE district = 'demo'`)
    coverage = await queryDb(db, `SELECT unit, year, status FROM coverage WHERE district = 'demo'`)
    reports = await queryDb(db, `SELECT file, unit, year, status FROM reports WHERE district = 'demo'`)
  }, 120_000)

  it.each(manifest.faults.map((f) => [f.id, f] as const))('finds %s', (_id, fault) => {
    const e = fault.expect
    if (e.coverage) {
      expect(coverage.find((c) => c.unit === fault.unit && c.year === fault.year)?.status).toBe(e.coverage)
    }
    if (e.rule === 'coverage') return
    const mine = findings.filter((f) => f.rule === e.rule && f.unit === fault.unit && f.year === fault.year && (!fault.file || f.file === fault.file))
    if (e.absent) {
      expect(mine).toEqual([])
      if (fault.file) expect(reports.find((r) => r.file === fault.file)).toMatchObject({ unit: fault.unit, year: fault.year })
      return
    }
    expect(mine.length, `${e.rule} for ${fault.unit} ${fault.year} ${fault.file ?? ''}`).toBeGreaterThan(0)
    if (e.level) expect(mine.map((f) => f.level)).toContain(e.level)
    const cells = new Set(mine.flatMap((f) => String(f.cells ?? '').split('|')))
    for (const c of e.cells ?? []) expect([...cells], `${e.rule} cells`).toContain(c)
  })

  it('raises no error-level finding on the clean demo reports (no false alarms)', () => {
    const planted = new Set(manifest.faults.map((f) => f.file).filter(Boolean))
    const falseAlarms = findings.filter((f) => f.level === 'error' && !planted.has(f.file as string))
    expect(falseAlarms).toEqual([])
  })

  it('reads and matches every demo report', () => {
    expect(reports.filter((r) => r.status === 'unreadable' || r.status === 'unmatched')).toEqual([])
  })
})
