import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'

const DIR = join(__dirname, '../../data/districts/hulan')
const FIXTURES = join(__dirname, '../fixtures/shared')
const csv = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })

describe('the real 呼兰区 district folder', () => {
  it('describes the district as published, with years 2019–2025', () => {
    const district = JSON.parse(readFileSync(join(DIR, 'district.json'), 'utf8'))
    expect(district).toMatchObject({ name: '呼兰区', city: '哈尔滨市', province: '黑龙江省', provenance: 'published', years: [2019, 2025] })
    expect(district.synthetic).not.toBe(true)
    for (const field of ['publisher', 'license', 'contact']) expect(district[field], field).toBeTruthy()
  })

  it('keeps every registry row: codes, names, kinds and aliases, with empty valid years', () => {
    const units = csv(readFileSync(join(DIR, 'units.csv'), 'utf8'))
    const source = csv(readFileSync(join(FIXTURES, 'hulan-units.csv'), 'utf8'))
    expect(units.meta.fields).toEqual(['code', 'name', 'kind', 'aliases', 'valid_from', 'valid_to'])
    expect(units.data.map(({ code, name, kind, aliases }) => ({ code, name, kind, aliases }))).toEqual(
      source.data.map(({ code, name, kind, aliases }) => ({ code, name, kind, aliases })),
    )
    expect(units.data.every((u) => u.valid_from === '' && u.valid_to === '')).toBe(true)
  })

  it('holds exactly one report, the published 白奎镇 2021 file, byte for byte', () => {
    const years = readdirSync(join(DIR, 'reports'))
    expect(years).toEqual(['2021'])
    const files = readdirSync(join(DIR, 'reports/2021'))
    expect(files).toHaveLength(1)
    const bytes = readFileSync(join(DIR, 'reports/2021', files[0]!))
    expect(Buffer.compare(bytes, readFileSync(join(FIXTURES, 'hulan-baikui-2021.txt')))).toBe(0)
  })
})
