import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { defaultEngines } from '../../scripts/build/engines'
import { main } from '../../scripts/import'
import { runImport, type ImportResult, type ReviewRow } from '../../scripts/import/run'
import { reviewCsv, reviewTable } from '../../scripts/import/review'
import { buildInto, hashTree, queryDb, removeTemps, ROOT, tempDir } from '../build/helpers'

/**
 * `npm run import` on real reports of tests/corpus/raw (see tests/corpus/index.csv), parsed by the
 * real parser, into a small district whose registry this test writes.
 */

const RAW = join(ROOT, 'tests/corpus/raw')
const raw = (id: string) => readFileSync(join(RAW, id))

/** A district "t" with c001/c002's 公安局, c007's 大五里镇, c018's 两城镇, c027's 洪泽区, and two units c021's 乐至县回澜镇 fits equally. */
function makeData(): { data: string; district: string } {
  const data = tempDir('gov-import-')
  const district = join(data, 'districts/t')
  mkdirSync(join(district, 'reports/2020'), { recursive: true })
  mkdirSync(join(district, 'reports/2019'), { recursive: true })
  writeFileSync(join(district, 'district.json'), JSON.stringify({ name: '测试区', city: '', province: '', provenance: 'published', years: [2019, 2025] }))
  writeFileSync(
    join(district, 'units.csv'),
    [
      'code,name,kind,aliases,valid_from,valid_to',
      ',平潭综合实验区公安局,部门,公安局,,',
      ',大五里镇,镇,,,',
      ',两城镇,镇,,,',
      ',洪泽区,区本级,,,',
      ',回澜镇,镇,,,',
      ',乐至县,区本级,,,',
    ].join('\n') + '\n',
  )
  // Already in the district: 两城镇 2020 (c018) under the name import gives c007 (大五里镇 2020), and a different 公安局 2019 report.
  writeFileSync(join(district, 'reports/2020/大五里镇-2020.txt'), raw('c018.txt'))
  writeFileSync(join(district, 'reports/2019/公安局旧稿.txt'), Buffer.concat([raw('c002.txt'), Buffer.from('\n（旧稿）\n')]))
  return { data, district }
}

/** The mixed pile: name → bytes (paths with `/` are in sub-folders). */
function pile(): Record<string, Uint8Array> {
  return {
    'c001.txt': raw('c001.txt'), // 公安局 2021 → placed
    'sub/c001 copy.txt': raw('c001.txt'), // same bytes → duplicate
    'c007.txt': raw('c007.txt'), // 大五里镇 2020, name taken by another file → 大五里镇-2020-2.txt
    'c018.txt': raw('c018.txt'), // already in the district (as reports/2020/大五里镇-2020.txt)
    'c027.pdf': raw('c027.pdf'), // 洪泽区 2023, a PDF
    'c002.txt': raw('c002.txt'), // 公安局 2019: the district already has a different report for it
    'c009.txt': raw('c009.txt'), // 红升乡: not in the registry
    'c021.txt': raw('c021.txt'), // 乐至县回澜镇人民政府: fits 回澜镇 and 乐至县 equally
    'notes.txt': new TextEncoder().encode('会议纪要：下周二开会。\n'), // not a report
    '大五里镇.docx': raw('c029.docx'), // a report without unit or year: the file name gives the unit, nothing gives a year
    '2022/两城镇.txt': raw('c023.txt'), // no unit, no year in the report: unit from the file name, year from the folder
    '.DS_Store': new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49]), // hidden: skipped by design
  }
}

function writePile(dir: string): void {
  for (const [name, bytes] of Object.entries(pile())) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), bytes)
  }
}

const byName = (result: ImportResult, name: string): ReviewRow => {
  const row = result.rows.find((r) => r.source.endsWith(name))
  if (!row) throw new Error(`no review row for ${name}: ${result.rows.map((r) => r.source).join(', ')}`)
  return row
}

/** The outcome of every file of the pile, as the review reports it. */
function expectMixedReview(result: ImportResult): void {
  const at = (n: string) => byName(result, n)
  expect(at('/c001.txt')).toMatchObject({ outcome: 'placed', unit: '平潭综合实验区公安局', year: 2021, rendering: 'lines', placedAs: 'reports/2021/平潭综合实验区公安局-2021.txt' })
  expect(at('/c001.txt').note).toBe('from c001.txt')
  expect(at('/c001.txt').cells).toBeGreaterThan(150)
  expect(at('/c001.txt').findings).toEqual({ error: expect.any(Number), warn: expect.any(Number), info: expect.any(Number) })
  expect(at('c001 copy.txt')).toMatchObject({ outcome: 'duplicate', placedAs: 'reports/2021/平潭综合实验区公安局-2021.txt' })
  expect(at('/c007.txt')).toMatchObject({ outcome: 'placed', unit: '大五里镇', year: 2020, placedAs: 'reports/2020/大五里镇-2020-2.txt' })
  expect(at('/c007.txt').note).toMatch(/^from c007\.txt; numbered: a different file named 大五里镇-2020\.txt is already in reports\/2020\//)
  expect(at('c018.txt')).toMatchObject({ outcome: 'already_present', placedAs: 'reports/2020/大五里镇-2020.txt' })
  expect(at('c027.pdf')).toMatchObject({ outcome: 'placed', unit: '洪泽区', year: 2023, rendering: 'pdf', placedAs: 'reports/2023/洪泽区-2023.pdf' })
  expect(at('c002.txt')).toMatchObject({ outcome: 'placed', unit: '平潭综合实验区公安局', year: 2019, placedAs: 'reports/2019/平潭综合实验区公安局-2019.txt' })
  expect(at('c002.txt').note).toMatch(/already has reports\/2019\/公安局旧稿\.txt: the build will mark the unit-year duplicate/)
  expect(at('c009.txt')).toMatchObject({ outcome: 'unmatched', unit: '红升乡', placedAs: null })
  expect(at('c009.txt').note).toMatch(/“红升乡”.*fits no unit/)
  expect(at('c021.txt')).toMatchObject({ outcome: 'ambiguous', placedAs: null })
  expect(at('c021.txt').note).toMatch(/fits (回澜镇, 乐至县|乐至县, 回澜镇) equally/)
  expect(at('notes.txt')).toMatchObject({ outcome: 'not_a_report', rendering: 'text', placedAs: null })
  expect(at('notes.txt').note).toMatch(/^parse failed: .*not a government information disclosure annual report/)
  expect(at('大五里镇.docx')).toMatchObject({ outcome: 'no_year', unit: '大五里镇', rendering: 'docx', placedAs: null })
  expect(at('两城镇.txt')).toMatchObject({ outcome: 'placed', unit: '两城镇', year: 2022, placedAs: 'reports/2022/两城镇-2022.txt' })
  expect(at('.DS_Store')).toMatchObject({ outcome: 'hidden' })
  expect(result.rows).toHaveLength(12)
  // unmatched, ambiguous, not a report, no year
  expect(result.unplaced).toBe(4)
}

beforeAll(() => {
  vi.spyOn(console, 'log').mockImplementation(() => {})
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterAll(() => {
  vi.restoreAllMocks()
  removeTemps()
})

describe('npm run import: a mixed folder', () => {
  let data: string
  let district: string
  let result: ImportResult

  beforeAll(async () => {
    ;({ data, district } = makeData())
    const dir = join(tempDir('gov-pile-'), 'pile')
    writePile(dir)
    result = await runImport({ dataDir: data, district: 't', paths: [dir], dryRun: false, engines: defaultEngines })
  }, 120_000) // parses 9 real reports (one a PDF) on a shared machine: more than the 10 s hook default

  it('places matched reports by unit and year, never overwriting, and says why each other file was not placed', () => {
    expectMixedReview(result)
    // The name clash kept both files: the old one untouched, the new one beside it.
    expect(readFileSync(join(district, 'reports/2020/大五里镇-2020.txt'))).toEqual(raw('c018.txt'))
    expect(readFileSync(join(district, 'reports/2020/大五里镇-2020-2.txt'))).toEqual(raw('c007.txt'))
    expect(readFileSync(join(district, 'reports/2023/洪泽区-2023.pdf'))).toEqual(raw('c027.pdf'))
    // Same content twice = one copy; unplaced files are not copied anywhere.
    const files = Object.keys(hashTree(join(district, 'reports'))).sort()
    expect(files).toEqual(['2019/公安局旧稿.txt', '2019/平潭综合实验区公安局-2019.txt', '2020/大五里镇-2020-2.txt', '2020/大五里镇-2020.txt', '2021/平潭综合实验区公安局-2021.txt', '2022/两城镇-2022.txt', '2023/洪泽区-2023.pdf'])
  })

  it('prints a review table and writes the same rows as CSV', () => {
    const table = reviewTable(result).join('\n')
    expect(table).toMatch(/^file +result +unit +year +rendering +cells +findings E\/W\/I +placed as \/ why$/m)
    expect(table).toMatch(/c009\.txt +unmatched unit +红升乡/)
    expect(table).toMatch(/12 files → t: 5 placed, 1 already present, 1 duplicate in this import, 1 hidden skipped, 4 not placed$/)
    const csv = reviewCsv(result)
    expect(csv.startsWith('\ufefffile,result,unit,year,rendering,cells,errors,warnings,infos,placed_as,note\n')).toBe(true)
    expect(csv).toMatch(/c021\.txt,ambiguous,/)
    expect(csv.trim().split('\n')).toHaveLength(13)
  })

  it('a second import of the same folder places nothing new: everything is already present', async () => {
    const again = await runImport({ dataDir: data, district: 't', paths: [join(district, 'reports')], dryRun: false, engines: defaultEngines })
    expect(again.rows.map((r) => r.outcome)).toEqual(Array(7).fill('already_present'))
    expect(again.unplaced).toBe(0)
  })

  it('the data build over the imported folder reads every placed report where import put it', async () => {
    const { out } = await buildInto(data, defaultEngines)
    const rows = await queryDb(join(out, 'gov.duckdb'), `SELECT file, unit, year FROM reports ORDER BY file`)
    expect(rows).toEqual([
      { file: 'reports/2019/公安局旧稿.txt', unit: '平潭综合实验区公安局', year: 2019 },
      { file: 'reports/2019/平潭综合实验区公安局-2019.txt', unit: '平潭综合实验区公安局', year: 2019 },
      { file: 'reports/2020/大五里镇-2020-2.txt', unit: '大五里镇', year: 2020 },
      { file: 'reports/2020/大五里镇-2020.txt', unit: '两城镇', year: 2020 },
      { file: 'reports/2021/平潭综合实验区公安局-2021.txt', unit: '平潭综合实验区公安局', year: 2021 },
      { file: 'reports/2022/两城镇-2022.txt', unit: '两城镇', year: 2022 },
      { file: 'reports/2023/洪泽区-2023.pdf', unit: '洪泽区', year: 2023 },
    ])
    // The unit-year import warned about is the one the build marks duplicate.
    const dup = await queryDb(join(out, 'gov.duckdb'), `SELECT unit, year FROM coverage WHERE status = 'duplicate'`)
    expect(dup).toEqual([{ unit: '平潭综合实验区公安局', year: 2019 }])
  })
})

/** GBK bytes of 两城镇 (c1bd b3c7 d5f2), as a zip made on Chinese Windows stores the name, without the UTF-8 flag. */
const GBK_两城镇 = new Uint8Array([0xc1, 0xbd, 0xb3, 0xc7, 0xd5, 0xf2])

/** The pile as a .zip built with fflate; 2022/两城镇.txt gets a GBK name, plus a zip-slip entry and a bomb entry. */
function pileZip(): Uint8Array {
  const files: Record<string, Uint8Array> = {}
  for (const [name, bytes] of Object.entries(pile())) files[name === '2022/两城镇.txt' ? '2022/GBKGBK.txt' : `pile/${name}`] = bytes
  files['../evil.txt'] = raw('c003.txt')
  files['bomb.txt'] = new Uint8Array(4000)
  const zip = zipSync(files, { level: 6 })
  // ASCII placeholder → GBK bytes of the same length, in the local and the central header (names are not checksummed).
  replaceAll(zip, new TextEncoder().encode('GBKGBK'), GBK_两城镇)
  // The bomb: its central directory entry declares 200 MB unpacked.
  const name = new TextEncoder().encode('bomb.txt')
  const central = lastIndexOf(zip, name) - 46
  expect(new DataView(zip.buffer).getUint32(central, true)).toBe(0x02014b50)
  new DataView(zip.buffer).setUint32(central + 24, 200 * 1024 * 1024, true)
  return zip
}

function indexesOf(hay: Uint8Array, needle: Uint8Array): number[] {
  const out: number[] = []
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((b, j) => hay[i + j] === b)) out.push(i)
  return out
}
function lastIndexOf(hay: Uint8Array, needle: Uint8Array): number {
  return indexesOf(hay, needle).at(-1) ?? -1
}
function replaceAll(hay: Uint8Array, from: Uint8Array, to: Uint8Array): void {
  const at = indexesOf(hay, from)
  expect(at).toHaveLength(2)
  for (const i of at) hay.set(to, i)
}

describe('npm run import: the same pile as a .zip', () => {
  it('reads entries in sub-folders, decodes a GBK name, refuses zip-slip and bomb entries, and places what the folder import placed', async () => {
    expect(new TextDecoder('gb18030').decode(GBK_两城镇)).toBe('两城镇')
    const { data, district } = makeData()
    const zipFile = join(tempDir('gov-zip-'), 'reports.zip')
    writeFileSync(zipFile, pileZip())
    const result = await runImport({ dataDir: data, district: 't', paths: [zipFile], dryRun: false, engines: defaultEngines })
    expectMixedReview({ ...result, rows: result.rows.filter((r) => !/evil|bomb/.test(r.source)), unplaced: result.unplaced - 2 })
    const gbk = byName(result, '两城镇.txt')
    expect(gbk.source).toBe(`${zipFile} › 2022/两城镇.txt`)
    expect(gbk.note).toMatch(/name decoded as GB18030/)
    expect(byName(result, 'evil.txt')).toMatchObject({ outcome: 'refused', placedAs: null })
    expect(byName(result, 'evil.txt').note).toMatch(/unsafe archive entry: its path climbs out of the archive.*zip slip/)
    expect(byName(result, 'bomb.txt')).toMatchObject({ outcome: 'refused' })
    expect(byName(result, 'bomb.txt').note).toMatch(/declares 200 MB unpacked, more than the 100 MB limit; not unpacked \(zip-bomb guard\)/)
    expect(existsSync(join(data, 'districts/evil.txt'))).toBe(false)
    expect(Object.keys(hashTree(join(district, 'reports'))).sort()).toEqual(['2019/公安局旧稿.txt', '2019/平潭综合实验区公安局-2019.txt', '2020/大五里镇-2020-2.txt', '2020/大五里镇-2020.txt', '2021/平潭综合实验区公安局-2021.txt', '2022/两城镇-2022.txt', '2023/洪泽区-2023.pdf'])
  })
})

describe('npm run import: dry run, exit status, usage errors', () => {
  it('--dry-run shows the same review and copies nothing', async () => {
    const { data } = makeData()
    const dir = join(tempDir('gov-pile-'), 'pile')
    writePile(dir)
    const before = hashTree(data)
    const result = await runImport({ dataDir: data, district: 't', paths: [dir], dryRun: true, engines: defaultEngines })
    expect(hashTree(data)).toEqual(before)
    expectMixedReview(result)
    expect(reviewTable(result).at(-1)).toMatch(/5 would be placed, .*\(dry run: nothing was copied\)$/)
    expect(reviewTable(result).join('\n')).toMatch(/c001\.txt +would place/)
  })

  it('exits 0 when every file is placed, 1 when some are not, and writes --review', async () => {
    const { data, district } = makeData()
    const review = join(tempDir('gov-review-'), 'review.csv')
    expect(await main(['--district', 't', '--data', data, '--jobs', '0', join(RAW, 'c001.txt'), join(RAW, 'c007.txt')], { engines: defaultEngines })).toBe(0)
    expect(existsSync(join(district, 'reports/2021/平潭综合实验区公安局-2021.txt'))).toBe(true)
    expect(await main(['--district', 't', '--data', data, '--review', review, join(RAW, 'c009.txt'), join(RAW, 'c001.txt')], { engines: defaultEngines })).toBe(1)
    expect(readFileSync(review, 'utf8')).toMatch(/c009\.txt,unmatched,红升乡,/)
    expect(readFileSync(review, 'utf8')).toMatch(/c001\.txt,already_present,/)
  })

  it('a copy that cannot be written is listed as not written, and the other files are still placed', async () => {
    const { data, district } = makeData()
    writeFileSync(join(district, 'reports/2021'), 'a file where the 2021 folder should be')
    const result = await runImport({ dataDir: data, district: 't', paths: [join(RAW, 'c001.txt'), join(RAW, 'c007.txt')], dryRun: false, engines: defaultEngines })
    expect(result.rows.map((r) => r.outcome)).toEqual(['write_failed', 'placed'])
    expect(result.rows[0]!.note).toMatch(/could not be written to reports\/2021\/平潭综合实验区公安局-2021\.txt: E(EXIST|NOTDIR)/)
    expect(result.unplaced).toBe(1)
    expect(readFileSync(join(district, 'reports/2021'), 'utf8')).toBe('a file where the 2021 folder should be')
  })

  it('exits 2 with a clear message for an unknown district, a missing path, a missing --district or an unknown option', async () => {
    const { data } = makeData()
    const err = vi.mocked(console.error)
    err.mockClear()
    expect(await main(['--district', 'nope', '--data', data, join(RAW, 'c001.txt')], { engines: defaultEngines })).toBe(2)
    expect(err.mock.calls.flat().join('\n')).toMatch(/unknown district "nope": there is no folder .*districts[/\\]nope \(districts: t\)/)
    err.mockClear()
    expect(await main(['--district', 't', '--data', data, join(RAW, 'c001.txt'), '/no/such/file.pdf'], { engines: defaultEngines })).toBe(2)
    expect(err.mock.calls.flat().join('\n')).toMatch(/not found: \/no\/such\/file\.pdf/)
    expect(existsSync(join(data, 'districts/t/reports/2021'))).toBe(false)
    err.mockClear()
    expect(await main(['--data', data, join(RAW, 'c001.txt')])).toBe(2)
    expect(err.mock.calls.flat().join('\n')).toMatch(/--district ID is required[\s\S]*usage: npm run import/)
    expect(await main(['--district', 't', '--bogus', 'x'])).toBe(2)
    expect(await main(['--district', 't', '--review', '/no/such/dir/r.csv', 'x'])).toBe(2)
  })
})

