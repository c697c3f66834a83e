import { describe, expect, it } from 'vitest'
import { formatBytes, readDataPackage } from '~/components/data/datapackage'
import { cellEntries, fieldEntries, metricEntries, ruleEntries } from '~/components/data/dictionary'
import { citation, localTime, readChangelog } from '~/components/data/dataset-info'
import { METRICS } from '~/report/metrics'
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
      { name: 'cells', path: 'open/cells.csv', title: '单元格', format: 'csv', bytes: 2048, sha256: SHA, district: null },
      { name: 'db', path: 'gov.duckdb', title: 'db', format: 'duckdb', bytes: 10, sha256: null, district: null },
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

  it('reads the version, the districts with their licenses, and which district a file holds', () => {
    const info = readDataPackage({
      version: '2026.01.01+abcdef12',
      districts: [{ id: 'hulan', name: '呼兰区', license: 'CC-BY-4.0', license_note: 'compilation only' }, { name: 'no id' }],
      resources: [{ path: 'open/hulan/cells.csv' }, { path: 'open/cells.csv' }],
    })
    expect(info.version).toBe('2026.01.01+abcdef12')
    expect(info.districts).toEqual([{ id: 'hulan', name: '呼兰区', license: 'CC-BY-4.0', licenseNote: 'compilation only', publisher: '', synthetic: false }])
    expect(info.problems).toEqual(['datapackage.json: districts[1] has no "id"'])
    expect(info.files.map((f) => f.district)).toEqual(['hulan', null])
  })

  it('formats sizes', () => {
    expect([formatBytes(null), formatBytes(812), formatBytes(12_600), formatBytes(4.5 * 1024 * 1024)]).toEqual(['—', '812 B', '12 KB', '4.5 MB'])
  })
})

describe('data dictionary', () => {
  it('lists every field of every open-data table', () => {
    // The published tables: the stored fields plus cells.label_zh and cells.provenance.
    expect(fieldEntries()).toHaveLength(TABLES.reduce((n, t) => n + t.fields.length, 0) + 2)
    expect(fieldEntries().filter((f) => f.table === 'cells').map((f) => f.name).slice(-2)).toEqual(['label_zh', 'provenance'])
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

describe('dataset info', () => {
  it('reads a changelog field by field and reports what it cannot read', () => {
    const log = readChangelog({ builds: [{ version: 'v2', created: '2026-01-01T00:00:00Z', changes: [{ zh: '新增', en: 'Added' }, 'x'] }, { created: 'no version' }] }, 'c.json')
    expect(log.builds).toEqual([{ version: 'v2', created: '2026-01-01T00:00:00Z', changes: [{ zh: '新增', en: 'Added' }] }])
    expect(log.problems).toEqual(['c.json: builds[1] has no "version"'])
    expect(readChangelog([]).problems).toEqual(['changelog.json: no "builds" list'])
  })

  it('shows times in the reader\'s locale, and text that is not a time as it is', () => {
    const iso = '2026-01-02T03:04:00.000Z'
    expect(localTime(iso, 'zh')).toBe(new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso)))
    expect(localTime(iso, 'en')).toMatch(/2026/)
    expect(localTime(iso, 'en')).not.toContain('T03')
    expect(localTime('not a date', 'zh')).toBe('not a date')
    expect(localTime(null, 'zh')).toBe('')
  })

  it('cites publishers, version, date and the page in both languages', () => {
    const info = readDataPackage({ title: '年报数据 / Report data', created: '2026-01-02T03:04:00Z', version: 'v9', districts: [{ id: 'a', name: '甲区' }, { id: 'b', name: '乙区' }], resources: [] })
    expect(citation(info, 'https://example.org/#/data', 'zh')).toBe('《年报数据》（甲区、乙区），版本 v9，数据日期 2026-01-02。https://example.org/#/data')
    expect(citation(info, 'https://example.org/#/data', 'en')).toBe('Report data (甲区, 乙区), version v9, data of 2026-01-02. https://example.org/#/data')
  })
})

describe('derived metrics in the dictionary', () => {
  it('lists every metric with its definition in cell keys', () => {
    const list = metricEntries()
    expect(list.map((m) => m.key)).toEqual(METRICS.map((m) => m.key))
    expect(list.find((m) => m.key === 'litigation')!.formula).toBe('(litigation.direct.total + litigation.after_review.total)')
    expect(list.find((m) => m.key === 'correction_rate')!.formula).toMatch(/^\(review\.corrected \+ .*\) ÷ \(\(review\.total \+ .*\) − \(review\.pending \+ /)
  })
})
