/**
 * `npm run fetch` against a fictional district site on 127.0.0.1 (tests/fetch/site.ts): three
 * runs over the same data folder — first download (UTF-8 and GBK pages, a 301, an attachment,
 * 404, 500-then-success, a timeout, a dropped connection, a redirect loop, an error page served
 * with 200), a second run answered by 304s, a third after a page changed (the earlier copy kept) —
 * and the data build reading what was fetched, with the page address and date from the ledger.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultEngines } from '../../scripts/build/engines'
import { LEDGER_FILE, parseLedger, type LedgerRow } from '../../scripts/build/ledger'
import { main } from '../../scripts/fetch'
import { buildInto, queryDb, removeTemps, tempDir } from '../build/helpers'
import { startSite, type Site } from './site'

let site: Site
let data: string
let dir: string

const UNITS = `code,name,kind,aliases,valid_from,valid_to
,河东街道,街道,河东街道办事处,,
,河西街道,街道,河西街道办事处,,
,白云镇,镇,,,
,教育局,部门,,,
,财政局,部门,,,
,卫健局,部门,,,
,民政局,部门,,,
,司法局,部门,,,
,水务局,部门,,,
`

beforeAll(async () => {
  site = await startSite()
  data = tempDir('gov-fetch-')
  dir = join(data, 'districts', 'shifan')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'district.json'), JSON.stringify({ name: '示范区', city: '虚构市', province: '虚构省', synthetic: true, years: [2019, 2021] }))
  writeFileSync(join(dir, 'units.csv'), UNITS)
  const u = site.url
  writeFileSync(
    join(dir, 'sources.csv'),
    [
      'unit,year,url,status,checked_at,note',
      `河东街道,2019,${u}/old/hedong.htm,,,moved page (301)`,
      `河西街道,2019,${u}/zwgk/hexi-2019.html,,,GBK page`,
      `白云镇,2021,${u}/zwgk/baiyun-2021.html,,,page with a .docx attachment`,
      `教育局,2021,${u}/zwgk/jiaoyu-2021.html,,,404`,
      `财政局,2021,${u}/zwgk/caizheng-2021.txt,,,500 then 200`,
      `卫健局,2021,${u}/zwgk/weijian-2021.html,,,never answers`,
      `民政局,2021,${u}/zwgk/minzheng-2021.html,,,drops the connection`,
      `司法局,2021,${u}/zwgk/sifa-2021.html,,,error page with status 200`,
      `水务局,2021,${u}/loop-a,,,redirect loop`,
    ].join('\n') + '\n',
  )
})

afterAll(async () => {
  await site?.close()
  removeTemps()
})

/** One fetch run through the command line's main(), fast settings (no delay, a short timeout, one retry). */
async function run(...extra: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(
    ['--data', data, '--district', 'shifan', '--delay', '0', '--timeout', '800', '--retries', '1', ...extra],
    { info: (l) => void out.push(l), problem: (l) => void err.push(l) },
    { backoffMs: 5 },
  )
  return { code, out, err }
}

function ledger(): LedgerRow[] {
  const { rows, problems } = parseLedger(readFileSync(join(dir, LEDGER_FILE), 'utf8'))
  expect(problems).toEqual([])
  return rows
}

const row = (unit: string, pathEnd?: string) => ledger().find((r) => r.unit === unit && (!pathEnd || r.url.endsWith(pathEnd)))!

describe('npm run fetch against a local fictional site', () => {
  it('first run: fetches what it can, one clear line per failure naming unit, year and URL, exit 1', async () => {
    const { code, out, err } = await run()
    expect(code).toBe(1)
    const u = site.url
    // Stored under the unit-year's folder with a name the build matches.
    expect(readdirSync(join(dir, 'reports/2019')).sort()).toEqual(['河东街道-2019.html', '河西街道-2019.html'])
    expect(readdirSync(join(dir, 'reports/2021')).sort()).toEqual(['白云镇-2021.docx', '财政局-2021.txt'])
    // An error page served with 200 is kept, but outside reports/: coverage must not call it received.
    expect(readFileSync(join(dir, 'fetched/not-reports/2021/司法局-2021.html'), 'utf8')).toContain('页面不存在')
    // The attachment's page is kept, outside reports/ (it would count as a second report).
    expect(existsSync(join(dir, 'fetched/pages/2021/白云镇-2021.html'))).toBe(true)
    // GBK page stored byte for byte (decoded only to look at it).
    expect(readFileSync(join(dir, 'reports/2019/河西街道-2019.html')).includes(Buffer.from('河西', 'utf8'))).toBe(false)

    const failures = err.filter((l) => l.includes('✗'))
    expect(failures).toEqual([
      `  ✗ [4/9] 教育局 2021 ${u}/zwgk/jiaoyu-2021.html: HTTP 404 Not Found`,
      `  ✗ [6/9] 卫健局 2021 ${u}/zwgk/weijian-2021.html: timed out after 800 ms (after 2 attempts)`,
      expect.stringMatching(new RegExp(`^  ✗ \\[7/9\\] 民政局 2021 ${u}/zwgk/minzheng-2021.html: the connection was dropped before the whole file arrived.* \\(after 2 attempts\\)$`)),
      `  ✗ [9/9] 水务局 2021 ${u}/loop-a: redirect loop (back to ${u}/loop-a)`,
    ])
    expect(err).toContainEqual(expect.stringMatching(/^ {2}! \[8\/9\] 司法局 2021 .*sifa-2021\.html: fetched\/not-reports\/2021\/司法局-2021\.html does not look like a report \(not a government information disclosure annual report .*\); kept outside reports\/, check it by hand$/))
    expect(err).toContainEqual('summary: 6 fetched, 0 unchanged, 0 changed (earlier copy kept), 4 failed, 0 skipped, 1 not like a report, 0 input problems')
    expect(out).toContainEqual(`  ✓ [3/9] 白云镇 2021 ${u}/upload/2022/baiyun-2021.docx: fetched → reports/2021/白云镇-2021.docx`)

    // 404 is not retried; 500 is, and the retry got it; one User-Agent naming the project.
    expect(site.hits.get('/zwgk/jiaoyu-2021.html')).toBe(1)
    expect(site.hits.get('/zwgk/caizheng-2021.txt')).toBe(2)
    expect(site.hits.get('/zwgk/weijian-2021.html')).toBe(2)
    expect([...site.agents]).toEqual([expect.stringContaining('gov-disclosure-dashboard')])
  })

  it('first run: the ledger records url, final url, file, status, type, bytes, sha256, validators, and the error of a failure', () => {
    const u = site.url
    const hedong = row('河东街道')
    expect(hedong).toMatchObject({ year: '2019', url: `${u}/old/hedong.htm`, final_url: `${u}/zwgk/hedong-2019.html`, file: 'reports/2019/河东街道-2019.html', http_status: '200', content_type: 'text/html; charset=utf-8', outcome: 'fetched', error: '', published_at: '2020-01-20', last_modified: 'Mon, 20 Jan 2020 01:00:00 GMT' })
    expect(hedong.etag).toMatch(/^"[0-9a-f]{16}"$/)
    expect(Number(hedong.bytes)).toBe(readFileSync(join(dir, hedong.file)).length)
    expect(hedong.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(row('白云镇', '.html')).toMatchObject({ file: 'fetched/pages/2021/白云镇-2021.html', parent_url: '', published_at: '2022-01-20' })
    expect(row('白云镇', '.docx')).toMatchObject({ file: 'reports/2021/白云镇-2021.docx', parent_url: `${u}/zwgk/baiyun-2021.html`, published_at: '2022-01-20', content_type: 'application/octet-stream' })
    expect(row('教育局')).toMatchObject({ outcome: 'failed', http_status: '404', error: 'HTTP 404 Not Found', file: '' })
    expect(row('水务局')).toMatchObject({ outcome: 'failed', error: `redirect loop (back to ${u}/loop-a)` })
    expect(row('司法局').note).toMatch(/^does not look like a report/)
  })

  it('the build reads the fetched folder: the attachment with its page address and the page date, one report per unit-year', async () => {
    const { out, log } = await buildInto(data, defaultEngines)
    // The ledger and fetched/ are no input problem.
    expect(log.problems.filter((l) => /ledger|fetched\//.test(l))).toEqual([])
    const db = join(out, 'gov.duckdb')
    const u = site.url
    const reports = await queryDb(db, `SELECT unit, "year", file, source_url, published_at FROM reports ORDER BY file`)
    expect(reports).toEqual([
      { unit: '河东街道', year: 2019, file: 'reports/2019/河东街道-2019.html', source_url: `${u}/old/hedong.htm`, published_at: '2020-01-20' },
      { unit: '河西街道', year: 2019, file: 'reports/2019/河西街道-2019.html', source_url: `${u}/zwgk/hexi-2019.html`, published_at: '2020-01-20' },
      // The .docx prints no date: the date is its page's (PubDate), the address its page's.
      { unit: '白云镇', year: 2021, file: 'reports/2021/白云镇-2021.docx', source_url: `${u}/zwgk/baiyun-2021.html`, published_at: '2022-01-20' },
      { unit: '财政局', year: 2021, file: 'reports/2021/财政局-2021.txt', source_url: `${u}/zwgk/caizheng-2021.txt`, published_at: null },
    ])
    const cov = await queryDb(db, `SELECT unit, "year", status, n_reports FROM coverage WHERE status <> 'not_collected' OR (unit = '司法局' AND "year" = 2021) ORDER BY unit, "year"`)
    expect(cov).toEqual([
      { unit: '司法局', year: 2021, status: 'not_collected', n_reports: 0 },
      { unit: '河东街道', year: 2019, status: 'received', n_reports: 1 },
      { unit: '河西街道', year: 2019, status: 'received', n_reports: 1 },
      { unit: '白云镇', year: 2021, status: 'received', n_reports: 1 },
      { unit: '财政局', year: 2021, status: 'received', n_reports: 1 },
    ])
  })

  it('second run: conditional requests, 304 Not Modified, nothing rewritten', async () => {
    const before = readFileSync(join(dir, 'reports/2019/河东街道-2019.html'))
    const { out } = await run()
    expect(out).toContainEqual(`  = [1/9] 河东街道 2019 ${site.url}/old/hedong.htm: unchanged → reports/2019/河东街道-2019.html`)
    expect(out.concat().join('\n')).not.toMatch(/✓/)
    expect(row('河东街道')).toMatchObject({ http_status: '304', outcome: 'unchanged', published_at: '2020-01-20' })
    expect(row('白云镇', '.docx')).toMatchObject({ http_status: '304', outcome: 'unchanged', file: 'reports/2021/白云镇-2021.docx' })
    expect(readFileSync(join(dir, 'reports/2019/河东街道-2019.html'))).toEqual(before)
    expect(existsSync(join(dir, 'fetched/previous'))).toBe(false)
  })

  it('third run: a changed remote file replaces the stored one and the earlier copy is kept; the build does not count it twice', async () => {
    const old = readFileSync(join(dir, 'reports/2019/河东街道-2019.html'))
    site.edit()
    const { out, err } = await run()
    const line = out.find((l) => l.includes('河东街道 2019'))!
    expect(line).toMatch(/changed → reports\/2019\/河东街道-2019\.html \(earlier copy kept as fetched\/previous\/2019\/河东街道-2019\.prev-\d{8}T\d{6}Z\.html\)/)
    const kept = readdirSync(join(dir, 'fetched/previous/2019'))
    expect(kept).toHaveLength(1)
    expect(readFileSync(join(dir, 'fetched/previous/2019', kept[0]!))).toEqual(old)
    expect(readFileSync(join(dir, 'reports/2019/河东街道-2019.html'), 'utf8')).toContain('并于年内完成整改')
    expect(row('河东街道')).toMatchObject({ outcome: 'changed', http_status: '200' })
    expect(err).toContainEqual(expect.stringMatching(/^summary: 0 fetched, 5 unchanged, 1 changed/))

    const { out: built } = await buildInto(data, defaultEngines)
    const db = join(built, 'gov.duckdb')
    expect(await queryDb(db, `SELECT file FROM reports WHERE unit = '河东街道'`)).toEqual([{ file: 'reports/2019/河东街道-2019.html' }])
    expect(await queryDb(db, `SELECT status, n_reports FROM coverage WHERE unit = '河东街道' AND "year" = 2019`)).toEqual([{ status: 'received', n_reports: 1 }])
  })

  it('bad arguments exit 2 with the usage line', async () => {
    const { code, err } = await run('--delay', 'soon')
    expect(code).toBe(2)
    expect(err.join('\n')).toMatch(/--delay must be a whole number ≥ 0, got "soon"\nusage: npm run fetch/)
  })
})
