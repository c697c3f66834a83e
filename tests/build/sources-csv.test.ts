/**
 * sources.csv (unit,year,url,status,checked_at,note): every bad row is named by file and line and
 * skipped, the good rows reach the coverage grid and the reports' url.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readDistrict } from '../../scripts/build/district-input'
import { buildInto, FIXTURE_DATA, queryDb, removeTemps, tempDir } from './helpers'

afterAll(removeTemps)

const UNITS = 'code,name,kind,aliases,valid_from,valid_to\n001,东城街道,街道,东城街道办事处,,\n002,西山镇,镇,,,\n'
const HEADER = 'unit,year,url,status,checked_at,note'

/** A district folder with the given sources.csv (text or bytes); returns what readDistrict made of it. */
function read(sources: string | Uint8Array, years: [number, number] | null = [2019, 2023]) {
  const data = tempDir('gov-sources-')
  const dir = join(data, 'districts', 'd')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'district.json'), JSON.stringify({ name: '甲区', ...(years ? { years } : {}) }))
  writeFileSync(join(dir, 'units.csv'), UNITS)
  writeFileSync(join(dir, 'sources.csv'), sources)
  return readDistrict(dir, 'd')
}

/** GBK bytes of a string (TextEncoder knows UTF-8 only): a reverse table from the runtime's GB18030 decoder. */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>()
  const dec = new TextDecoder('gb18030')
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue
      const ch = dec.decode(new Uint8Array([a, b]))
      if (!table.has(ch)) table.set(ch, [a, b])
    }
  }
  return new Uint8Array([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c) ?? [0x3f])))
}

describe('sources.csv', () => {
  it('reads a url row, a not_published row and an alias; keys them by canonical unit and year', () => {
    const d = read(`${HEADER}\n东城街道办事处,2021,https://x.gov.cn/a.htm,,,\n西山镇,2020,,not_published,2024-03-01,"searched the site, 2 pages"\n`)
    expect(d.problems).toEqual([])
    expect([...d.sources.values()].map(({ unit, ...r }) => ({ unit: unit.name, ...r }))).toEqual([
      { unit: '东城街道', year: 2021, url: 'https://x.gov.cn/a.htm', status: 'published', checked_at: null, note: null, where: 'districts/d/sources.csv line 2' },
      { unit: '西山镇', year: 2020, url: null, status: 'not_published', checked_at: '2024-03-01', note: 'searched the site, 2 pages', where: 'districts/d/sources.csv line 3' },
    ])
  })

  it('names every bad row by file and line and skips it', () => {
    const d = read([
      HEADER,
      '南湖镇,2021,https://x.gov.cn/a.htm,,,', // 2 unknown unit
      '东城街道,21,https://x.gov.cn/a.htm,,,', // 3 bad year
      '东城街道,2030,https://x.gov.cn/a.htm,,,', // 4 outside the district's years
      '东城街道,2020,www.x.gov.cn/a.htm,,,', // 5 not an http(s) URL
      '东城街道,2021,ftp://x.gov.cn/a,,,', // 6 not http(s)
      '东城街道,2022,,missing,2024-01-01,', // 7 bad status
      '西山镇,2019,,not_published,2024-02-30,', // 8 not a calendar date
      '西山镇,2020,,not_published,,', // 9 not_published without checked_at
      '西山镇,2021,,,,', // 10 neither url nor status
      '西山镇,2022,https://x.gov.cn/b.htm,not_published,2024-01-01,', // 11 not_published with a url
      '',
      '东城街道,2023,https://x.gov.cn/c.htm,,,', // 13 fine
      '东城街道办事处,2023,https://x.gov.cn/d.htm,,,', // 14 the same unit-year again (by alias)
      '西山镇,2023,"https://x.gov.cn/e.htm,,,', // 15 quoting error
    ].join('\n') + '\n')
    const p = (line: number) => d.problems.filter((m) => m.startsWith(`districts/d/sources.csv line ${line}: `))
    expect(p(2)).toEqual(['districts/d/sources.csv line 2: unit "南湖镇" is not in units.csv; row skipped'])
    expect(p(3)[0]).toContain('year "21" of "东城街道" is not a year')
    expect(p(4)[0]).toContain('year 2030 of "东城街道" is outside the district\'s years 2019–2023')
    expect(p(5)[0]).toContain('url "www.x.gov.cn/a.htm" of "东城街道" 2020 is not an http(s) address')
    expect(p(6)[0]).toContain('is not an http(s) address')
    expect(p(7)[0]).toContain('status "missing" of "东城街道" 2022 is not one of published, not_published')
    expect(p(8)[0]).toContain('checked_at "2024-02-30" of "西山镇" 2019 is not a date YYYY-MM-DD')
    expect(p(9)[0]).toContain('not_published but checked_at')
    expect(p(10)[0]).toContain('neither a url nor status not_published')
    expect(p(11)[0]).toContain('not_published but has a url')
    expect(p(12)).toEqual([])
    expect(p(13)).toEqual([])
    expect(p(14)).toEqual(['districts/d/sources.csv line 14: "东城街道" 2023 is already listed on line 13; later row skipped'])
    expect(p(15)[0]).toContain('CSV quoting error')
    expect(d.problems).toHaveLength(12)
    expect([...d.sources.values()].map((s) => `${s.unit.name} ${s.year} ${s.url}`)).toEqual(['东城街道 2023 https://x.gov.cn/c.htm'])
  })

  it('refuses the old file,provenance,url shape by its header, naming what it expects', () => {
    const d = read('file,provenance,url\nreports/2021/a.txt,published,https://x.gov.cn/a.htm\n')
    expect(d.problems).toEqual([
      'districts/d/sources.csv line 1: the header lacks column "unit", "year", "status", "checked_at", "note" (expected unit,year,url,status,checked_at,note; got "file,provenance,url"); sources.csv not read',
    ])
    expect(d.sources.size).toBe(0)
  })

  it('decodes GBK (Excel on Chinese Windows) and CRLF, with a note', () => {
    const d = read(gbk(`${HEADER}\r\n西山镇,2020,,not_published,2024-03-01,镇政府网站未见\r\n东城街道,2021,https://x.gov.cn/a.htm,,,\r\n`), null)
    expect(d.problems).toEqual([])
    expect(d.notes.some((n) => n.startsWith('districts/d/sources.csv: read as GB'))).toBe(true)
    expect([...d.sources.values()].map((s) => [s.unit.name, s.year, s.status, s.note, s.where])).toEqual([
      ['西山镇', 2020, 'not_published', '镇政府网站未见', 'districts/d/sources.csv line 2'],
      ['东城街道', 2021, 'published', null, 'districts/d/sources.csv line 3'],
    ])
  })

  it('is optional', () => {
    const data = tempDir('gov-sources-')
    const dir = join(data, 'districts', 'd')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'district.json'), '{"name":"甲区"}')
    writeFileSync(join(dir, 'units.csv'), UNITS)
    const d = readDistrict(dir, 'd')
    expect(d.sources.size).toBe(0)
    expect(d.problems).toEqual([])
  })

  it('reports its problems like the build\'s other input problems (log, --strict), and a not_published row for a received report', async () => {
    const data = tempDir('gov-sources-')
    cpSync(join(FIXTURE_DATA, 'districts/beta'), join(data, 'districts/beta'), { recursive: true })
    writeFileSync(join(data, 'districts/beta/sources.csv'), `${HEADER}\n南湖镇,2021,,not_published,2024-03-01,\n北湖镇,2020,,not_published,2024-03-01,\n`)
    const { result, log, out } = await buildInto(data)
    expect(result.ok).toBe(true)
    expect(log.problems).toContain('  beta: districts/beta/sources.csv line 3: unit "北湖镇" is not in units.csv; row skipped')
    expect(log.problems).toContain('  beta: districts/beta/sources.csv line 2: "南湖镇" 2021 is marked not_published, but 1 report file(s) for it are in reports/; the files count')
    // The report counts; no not_published finding for a year that has a report.
    expect(await queryDb(join(out, 'gov.duckdb'), `SELECT "year", status FROM coverage ORDER BY "year"`)).toEqual([
      { year: 2019, status: 'not_collected' }, { year: 2020, status: 'not_collected' }, { year: 2021, status: 'received' },
    ])
    expect(await queryDb(join(out, 'gov.duckdb'), `SELECT count(*)::INTEGER AS n FROM findings WHERE rule = 'not_published'`)).toEqual([{ n: 0 }])
    const strict = await buildInto(data, undefined, true)
    expect(strict.result.ok).toBe(false)
  })
})
