import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTable } from '~/db/open-tables'
import { TABLES } from '~/db/schema'
import { OPEN_TABLES } from '../../scripts/build/build'
import { buildInto, FIXTURE_DATA, hashTree, queryDb, queryFiles, readJson, ROOT, removeTemps } from './helpers'

afterAll(removeTemps)

let out: string

beforeAll(async () => {
  out = (await buildInto(FIXTURE_DATA)).out
})

interface Resource { name: string; path: string; format: string; bytes: number; hash: string; schema?: { fields: { name: string; title: string }[] } }

describe('output files', () => {
  it('datapackage.json validates against the Frictionless schema and lists every file with its real hash and size', () => {
    const pkg = readJson<{ resources: Resource[]; created: string }>(join(out, 'datapackage.json'))
    const ajv = new Ajv({ allErrors: true, strict: false })
    addFormats(ajv)
    const validate = ajv.compile(readJson(join(ROOT, 'tests/fixtures/datapackage-schema.json')))
    expect(validate(pkg), ajv.errorsText(validate.errors)).toBe(true)

    // Every file but datapackage.json itself, the build's hidden marker (.gov-data-build) and the
    // dashboard's prebuilt query results (prebuilt/: a cache of the views' SQL answers, not data to publish).
    const files = Object.keys(hashTree(out)).filter((f) => f !== 'datapackage.json' && !f.startsWith('.') && !f.startsWith('prebuilt/'))
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(files.sort())
    for (const r of pkg.resources) {
      const bytes = readFileSync(join(out, r.path))
      expect(r.bytes).toBe(bytes.length)
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`)
    }
    const names = pkg.resources.map((r) => r.name)
    expect(new Set(names).size).toBe(names.length)
    for (const t of ['reports', 'findings', 'coverage', 'units']) {
      expect(names).toEqual(expect.arrayContaining([t, `${t}-parquet`]))
      expect(pkg.resources.find((r) => r.name === t)!.path).toBe(`open/${t}.csv`)
    }
    // All-district cells only as Parquet; as CSV per district (open-files.ts says why).
    expect(names).toEqual(expect.arrayContaining(['cells-parquet', 'units-json', 'alpha-cells', 'alpha-duckdb', 'gov-duckdb']))
    expect(names.filter((n) => n === 'cells' || n === 'cells-json')).toEqual([])
    // Field docs come from src/db/schema.ts, both languages.
    const unitField = pkg.resources.find((r) => r.name === 'reports')!.schema!.fields.find((f) => f.name === 'unit')!
    expect(unitField.title).toBe('单位 / Unit')
  })

  it('the schema rejects a package with a resource lacking its hash', () => {
    const pkg = readJson<{ resources: Record<string, unknown>[] }>(join(out, 'datapackage.json'))
    delete pkg.resources[0]!.hash
    const ajv = new Ajv({ strict: false })
    addFormats(ajv)
    expect(ajv.validate(readJson(join(ROOT, 'tests/fixtures/datapackage-schema.json')), pkg)).toBe(false)
  })

  it('CSV (UTF-8 with BOM) round-trips to the same rows as the Parquet file', async () => {
    // Every all-district CSV, and cells (CSV per district only) for one district.
    const pairs = OPEN_TABLES.map((name) => (name === 'cells' ? { name, base: 'open/alpha/cells' } : { name, base: `open/${name}` }))
    for (const { name, base } of pairs) {
      const csvBytes = readFileSync(join(out, `${base}.csv`))
      expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const typedRows = await queryFiles(`SELECT * FROM read_parquet('${join(out, `${base}.parquet`)}')`)
      const parsed = Papa.parse<Record<string, string>>(csvBytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true })
      expect(parsed.errors).toEqual([])
      const table = openTable(name)
      expect(parsed.meta.fields).toEqual(table.fields.map((f) => f.name))
      expect(parsed.data.length).toBe(typedRows.length)
      const typed = parsed.data.map((row) =>
        Object.fromEntries(
          table.fields.map((f) => {
            const v = row[f.name] ?? ''
            if (v === '') return [f.name, null]
            if (f.type === 'integer' || f.type === 'number') return [f.name, Number(v)]
            if (f.type === 'boolean') return [f.name, v === 'true']
            // A text starting with = + - @ tab or CR is prefixed with ' in CSV only (formula safety).
            return [f.name, /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v]
          }),
        ),
      )
      expect(typed, name).toEqual(typedRows)
    }
    const json = readJson<Record<string, unknown>[]>(join(out, 'open/units.json'))
    expect(json).toEqual(await queryFiles(`SELECT * FROM read_parquet('${join(out, 'open/units.parquet')}')`))
  })

  it('the prose of a report survives CSV quoting (commas, quotes, newlines)', () => {
    const rows = Papa.parse<{ overview: string }>(readFileSync(join(out, 'open/reports.csv'), 'utf8').slice(1), { header: true, skipEmptyLines: true }).data
    expect(rows.some((r) => r.overview === '本局2021年未收到政府信息公开申请。')).toBe(true)
  })

  it('the same input gives the same bytes (the DuckDB file: the same table contents)', async () => {
    const again = (await buildInto(FIXTURE_DATA)).out
    const [a, b] = [hashTree(out), hashTree(again)]
    // gov.duckdb embeds a random database id and unzeroed padding (see duckdb-writer.ts), so its
    // hash — and that one hash inside datapackage.json — differ; everything else is byte-identical.
    // The same holds for each district's database file (db/<district>.duckdb).
    const strip = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([f]) => !f.endsWith('.duckdb') && f !== 'datapackage.json'))
    expect(strip(b)).toEqual(strip(a))
    const pkg = (dir: string) => {
      const p = readJson<{ resources: Resource[] }>(join(dir, 'datapackage.json'))
      return { ...p, resources: p.resources.map((r) => (r.format === 'duckdb' ? { ...r, hash: '' } : r)) }
    }
    expect(pkg(again)).toEqual(pkg(out))
    for (const t of TABLES) {
      const content = async (dir: string) => JSON.stringify(await queryDb(join(dir, 'gov.duckdb'), `SELECT md5(string_agg(CAST(t AS VARCHAR), '\n')) AS h FROM ${t.name} t`))
      expect(await content(again), t.name).toBe(await content(out))
    }
  })

  it('Parquet files are zstd-compressed and non-empty', () => {
    for (const name of OPEN_TABLES) {
      const f = join(out, `open/${name}.parquet`)
      expect(statSync(f).size).toBeGreaterThan(100)
      expect(readFileSync(f).subarray(0, 4).toString()).toBe('PAR1')
    }
  })
})
