import { describe, expect, it } from 'vitest'
import { deriveLocal } from '~/local/derive'
import { parseDropped } from '~/local/parse-files'
import { LOCAL_REPORT_ID_BASE, type LocalBuild, type ReviewRow } from '~/local/types'
import { mixedDrop, pingtanUnitsCsv } from './local-files'

async function build(spec: Parameters<typeof deriveLocal>[1]): Promise<LocalBuild> {
  const { parsed, skipped } = await parseDropped(mixedDrop())
  return deriveLocal(parsed, spec, skipped)
}

const row = (b: LocalBuild, name: string): ReviewRow => {
  const r = b.review.find((x) => x.name === name)
  if (!r) throw new Error(`no review row for ${name}: ${b.review.map((x) => x.name).join(', ')}`)
  return r
}

describe('local district from dropped files (uploaded units.csv)', () => {
  it('matches real reports to the registry, names every file not taken in and why', async () => {
    const b = await build({ kind: 'csv', fileName: 'units.csv', bytes: pingtanUnitsCsv(), name: '平潭综合实验区' })
    expect(b.registry.units.length).toBeGreaterThan(10)
    expect(row(b, '我的文件夹/2021/c001.txt')).toMatchObject({ unit: '平潭综合实验区公安局', year: 2021, path: 'reports/2021/c001.txt' })
    expect(row(b, '我的文件夹/2021/c001.txt').cells).toBe(200)
    expect(row(b, '我的文件夹/c002.txt')).toMatchObject({ unit: '平潭综合实验区公安局', year: 2019, path: 'reports/2019/c002.txt' })
    expect(row(b, 'c030.txt')).toMatchObject({ unit: '平潭综合实验区', year: 2020 })
    expect(row(b, '两份.zip/2023/c025.txt')).toMatchObject({ unit: '平潭综合实验区财政金融局', year: 2023 })
    expect(row(b, '两份.zip/c031.txt')).toMatchObject({ unit: '平潭综合实验区', year: 2022 })
    // Not of this registry: unmatched, with the registry's reason naming the printed unit.
    expect(row(b, 'c027.pdf')).toMatchObject({ status: 'unmatched', year: 2023 })
    expect(row(b, 'c027.pdf').reason).toContain('洪泽区')
    expect(row(b, 'hulan-baikui-2021.txt').status).toBe('unmatched')
    // Not reports at all, a duplicate, a hidden file: each with its reason.
    expect(row(b, '说明.txt')).toMatchObject({ status: 'unreadable' })
    expect(row(b, '说明.txt').reason).toMatch(/不是政府信息公开工作年度报告/)
    expect(row(b, 'photo.png').status).toBe('unreadable')
    expect(row(b, '我的文件夹/c001-copy.txt')).toMatchObject({ status: 'skipped', path: null })
    expect(row(b, '我的文件夹/c001-copy.txt').reason).toContain('我的文件夹/2021/c001.txt')
    expect(row(b, '我的文件夹/.DS_Store').status).toBe('skipped')
    expect(b.review).toHaveLength(mixedDrop().length - 1 + 2) // the zip is its two files
  })

  it('gives rows for every table in the schema, ids above the published ones, counted and coverage as the build decides', async () => {
    const b = await build({ kind: 'csv', fileName: 'units.csv', bytes: pingtanUnitsCsv(), name: '平潭综合实验区' })
    const reports = b.tables.reports
    expect(reports).toHaveLength(10) // 11 dropped entries − zip + 2 inner − duplicate − hidden
    expect(reports.every((r) => (r.report_id as number) > LOCAL_REPORT_ID_BASE && r.district === 'local')).toBe(true)
    const c001 = reports.find((r) => r.file === 'reports/2021/c001.txt')!
    expect(c001).toMatchObject({ unit: '平潭综合实验区公安局', year: 2021, counted: true, n_cells: 200 })
    expect(b.tables.cells.filter((c) => c.report_id === c001.report_id)).toHaveLength(200)
    expect(reports.find((r) => r.file === 'reports/2023/c027.pdf')).toMatchObject({ status: 'unmatched', counted: false })
    const cov = (unit: string, year: number) => b.tables.coverage.find((c) => c.unit === unit && c.year === year)?.status
    expect(cov('平潭综合实验区公安局', 2021)).toBe('received')
    expect(cov('平潭综合实验区公安局', 2020)).toBe('not_collected')
    expect(b.tables.findings.some((f) => f.rule === 'not_collected' && f.unit === '平潭综合实验区公安局' && f.year === 2020)).toBe(true)
    expect(b.tables.findings.some((f) => f.rule === 'unreadable' && String(f.file).endsWith('photo.png'))).toBe(true)
    expect(b.summary.district).toBe('local')
    expect(b.summary.years).toEqual([2019, 2020, 2021, 2022, 2023])
  })
})

describe('local district with units inferred from the reports', () => {
  it('infers one unit per self-named unit, so every named report matches; an unnamed one stays unmatched', async () => {
    const b = await build({ kind: 'inferred', name: '我的报告' })
    const names = b.registry.units.map((u) => u.name)
    expect(names).toEqual(expect.arrayContaining(['平潭综合实验区公安局', '洪泽区人民政府', '呼兰区白奎镇']))
    expect(b.registry.units.find((u) => u.name === '呼兰区白奎镇')?.kind).toBe('镇')
    expect(row(b, 'c027.pdf')).toMatchObject({ unit: '洪泽区人民政府', status: expect.stringMatching(/^(ok|error)$/) })
    expect(row(b, 'c029.docx').status).toBe('unmatched')
  })
})
