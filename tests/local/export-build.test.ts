import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultEngines } from '../../scripts/build/engines'
import { deriveLocal } from '~/local/derive'
import { exportDistrictZip } from '~/local/export-zip'
import { parseDropped } from '~/local/parse-files'
import { LOCAL_REPORT_ID_BASE, type RegistrySpec } from '~/local/types'
import { buildInto, queryDb, removeTemps, tempDir } from '../build/helpers'
import { mixedDrop, pingtanUnitsCsv } from './local-files'

afterAll(removeTemps)

/** The exported zip unpacked as data/districts/local/. */
function unpack(zip: Uint8Array): string {
  const data = tempDir('local-export-')
  for (const [path, bytes] of Object.entries(unzipSync(zip))) {
    const file = join(data, 'districts', 'local', path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, bytes)
  }
  return data
}

const norm = (rows: Record<string, unknown>[]) =>
  rows.map(({ report_id: _id, ...rest }) => JSON.stringify(rest)).sort()

describe.each<[string, RegistrySpec]>([
  ['uploaded units.csv', { kind: 'csv', fileName: 'units.csv', bytes: pingtanUnitsCsv(), name: '平潭综合实验区' }],
  ['inferred units', { kind: 'inferred', name: '我的报告' }],
])('exported district folder (%s) builds with npm run build:data', (_, spec) => {
  it('to the same reports, cells, findings and coverage as the browser holds', async () => {
    // Without the year-less .docx template: the data build currently refuses a report that has
    // cells but no year (DatabaseWriter: "cells.year: a value is required") and stops altogether.
    const { parsed, skipped } = await parseDropped(mixedDrop().filter((f) => f.name !== 'c029.docx'))
    const local = deriveLocal(parsed, spec, skipped)
    const zip = exportDistrictZip(local)
    const names = Object.keys(unzipSync(zip)).sort()
    expect(names.slice(0, 3)).toEqual(['district.json', 'reports/2019/c002.txt', 'reports/2020/c030.txt'])
    expect(names).toEqual(expect.arrayContaining(['units.csv', 'sources.csv', 'reports/2021/c001.txt', 'reports/2023/c025.txt']))

    const { out, result } = await buildInto(unpack(zip), defaultEngines)
    expect(result.failed).toEqual([])
    const db = join(out, 'gov.duckdb')
    const built = await queryDb(db, 'SELECT * FROM reports ORDER BY file')
    expect(built).toHaveLength(local.tables.reports.length)
    expect(norm(built)).toEqual(norm(local.tables.reports as Record<string, unknown>[]))
    // Report ids differ by the local offset only; cells and findings are keyed through them.
    const shift = (rows: readonly Record<string, unknown>[]) =>
      rows.map((r) => ('report_id' in r && r.report_id !== null ? { ...r, report_id: (r.report_id as number) - LOCAL_REPORT_ID_BASE } : r))
    const same = async (table: string, order: string) => {
      const got = await queryDb(db, `SELECT * FROM ${table} ORDER BY ${order}`)
      expect(got.map((r) => JSON.stringify(r)).sort()).toEqual(shift(local.tables[table as 'cells'] as Record<string, unknown>[]).map((r) => JSON.stringify(r)).sort())
    }
    await same('cells', 'report_id, key')
    await same('findings', 'report_id, rule')
    await same('coverage', 'unit, year')
    await same('units', 'unit')
  }, 120_000)
})
