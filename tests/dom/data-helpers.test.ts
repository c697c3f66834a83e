import { describe, expect, it } from 'vitest'
import { formatBytes, readDataPackage } from '~/components/data/datapackage'
import { cellEntries, fieldEntries, ruleEntries } from '~/components/data/dictionary'
import { TABLES } from '~/db/schema'
import { keysOf } from '~/report/model'

const SHA = 'a'.repeat(64)

describe('datapackage reader', () => {
  it('lists every resource with size and digest', () => {
    const info = readDataPackage({
      title: '数据', licenses: [{ name: 'CC-BY-4.0' }], sources: [{ title: 'http://x.gov.cn', path: 'http://x.gov.cn' }, { title: '呼兰区' }],
      resources: [
        { name: 'cells', path: 'open/cells.csv', title: '单元格', format: 'csv', bytes: 2048, hash: `sha256:${SHA}` },
        { name: 'db', path: 'gov.duckdb', bytes: 10 },
      ],
    })
    expect(info.files).toEqual([
      { name: 'cells', path: 'open/cells.csv', title: '单元格', format: 'csv', bytes: 2048, sha256: SHA },
      { name: 'db', path: 'gov.duckdb', title: 'db', format: 'duckdb', bytes: 10, sha256: null },
    ])
    expect(info.licenses).toEqual([{ title: 'CC-BY-4.0', path: null }])
    expect(info.sources).toEqual([{ title: 'http://x.gov.cn', path: 'http://x.gov.cn' }, { title: '呼兰区', path: null }])
    expect(info.problems).toEqual([])
  })

  it('reports, and never links, unsafe or malformed resources', () => {
    const info = readDataPackage({ resources: [{ name: 'evil', path: 'javascript:alert(1)' }, { path: '../secret' }, 'x', { path: 'a.csv', hash: 'md5:1' }] }, 'dp.json')
    expect(info.files.map((f) => f.path)).toEqual(['a.csv'])
    expect(info.problems).toHaveLength(4)
    expect(info.problems[0]).toMatch(/^dp\.json: resources\[0\] \(evil\)/)
    expect(readDataPackage(null).problems).toEqual(['datapackage.json: not a JSON object'])
  })

  it('formats sizes', () => {
    expect([formatBytes(null), formatBytes(812), formatBytes(12_600), formatBytes(4.5 * 1024 * 1024)]).toEqual(['—', '812 B', '12 KB', '4.5 MB'])
  })
})

describe('data dictionary', () => {
  it('lists every field of every open-data table', () => {
    expect(fieldEntries()).toHaveLength(TABLES.reduce((n, t) => n + t.fields.length, 0))
    expect(fieldEntries().find((f) => f.table === 'coverage' && f.name === 'status')!.values).toBe('received|not_collected|not_published|duplicate|not_expected')
  })

  it('lists every cell key of both formats with printed labels', () => {
    const keys = new Set(cellEntries().map((c) => c.key))
    for (const k of [...keysOf('gov2021'), ...keysOf('gov2019')]) expect(keys.has(k)).toBe(true)
    expect(cellEntries('gov2019')).toHaveLength(keysOf('gov2019').length)
    expect(cellEntries().find((c) => c.key === 'review.total')!.formats).toBe('gov2021 gov2019')
  })

  it('lists the consistency rules and parse ids', () => {
    const ids = ruleEntries().map((r) => r.id)
    for (const id of ['A1', 'A11', 'C1', 'C5', 'F1', 'F3', 'tables_missing']) expect(ids).toContain(id)
  })
})
