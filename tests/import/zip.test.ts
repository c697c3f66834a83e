import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, gatherInputs, yearOfFolders } from '../../scripts/import/gather'
import { candidateName } from '../../scripts/import/names'
import { reportFileName } from '../../scripts/collect/report-name'
import { decodeEntryName, listZip, readZipEntry, unsafeEntryPath } from '../../scripts/import/zip'
import { removeTemps, tempDir } from '../build/helpers'

afterAll(removeTemps)

const text = (s: string) => new TextEncoder().encode(s)

describe('zip reading for import', () => {
  it('lists entries with sizes and reads them back, stored and deflated', () => {
    const zip = zipSync({ 'a/one.txt': [text('一'.repeat(500)), { level: 9 }], 'two.txt': [text('two'), { level: 0 }] })
    const listing = listZip(zip)
    if (!listing.ok) throw new Error(listing.reason)
    expect(listing.entries.map((e) => [e.path, e.method, e.size])).toEqual([['a/one.txt', 8, 1500], ['two.txt', 0, 3]])
    const one = readZipEntry(zip, listing.entries[0]!, 1e6)
    expect(one.ok && new TextDecoder().decode(one.bytes)).toBe('一'.repeat(500))
  })

  it('decodes names: flagged UTF-8, unflagged but valid UTF-8 (macOS), unflagged GBK', () => {
    expect(decodeEntryName(text('报告.txt'), true)).toEqual({ name: '报告.txt', encoding: 'utf-8' })
    expect(decodeEntryName(text('报告.txt'), false)).toEqual({ name: '报告.txt', encoding: 'utf-8' })
    expect(decodeEntryName(new Uint8Array([0xb1, 0xa8, 0xb8, 0xe6, 0x2e, 0x74, 0x78, 0x74]), false)).toEqual({ name: '报告.txt', encoding: 'gb18030' })
  })

  it('names a damaged or foreign file instead of throwing', () => {
    expect(listZip(text('not a zip at all'))).toEqual({ ok: false, reason: expect.stringMatching(/not a zip archive/) })
    const zip = zipSync({ 'x.txt': text('hello') })
    const cd = zip.length - 22 - (46 + 5)
    zip[cd] = 0 // break the central directory signature
    expect(listZip(zip)).toEqual({ ok: false, reason: expect.stringMatching(/damaged central directory \(entry 1 of 1\)/) })
  })

  it('refuses encrypted entries, unknown methods, and bytes that do not match the checksum', () => {
    const zip = zipSync({ 'x.txt': [text('hello world'), { level: 0 }] })
    const listing = listZip(zip)
    if (!listing.ok) throw new Error(listing.reason)
    const e = listing.entries[0]!
    expect(readZipEntry(zip, { ...e, encrypted: true }, 1e6)).toEqual({ ok: false, reason: expect.stringMatching(/encrypted/) })
    expect(readZipEntry(zip, { ...e, method: 14 }, 1e6)).toEqual({ ok: false, reason: expect.stringMatching(/compression method 14 is not supported/) })
    const damaged = zip.slice()
    damaged[30 + 'x.txt'.length] = 'H'.charCodeAt(0) // first data byte of the stored entry
    expect(readZipEntry(damaged, e, 1e6)).toEqual({ ok: false, reason: expect.stringMatching(/checksum or size does not match/) })
    // A size declared too small cannot make the output grow past it: the checksum catches the cut.
    expect(readZipEntry(zip, { ...e, size: 4 }, 1e6).ok).toBe(false)
  })

  it('refuses entry paths that leave the archive', () => {
    expect(unsafeEntryPath('a/../../etc/passwd')).toMatch(/climbs out/)
    expect(unsafeEntryPath('/etc/passwd')).toMatch(/absolute/)
    expect(unsafeEntryPath('C:/x.txt')).toMatch(/drive letter/)
    expect(unsafeEntryPath('2021/a..b.txt')).toBeNull()
  })
})

describe('gathering inputs', () => {
  it('opens a zip inside a zip, keeps year folders inside archives, and lists a zip nested too deep', () => {
    const inner = zipSync({ '2021/r.txt': text('inner report') })
    const middle = zipSync({ 'in.zip': inner, 'm.txt': text('middle') })
    const dir = tempDir('gov-gather-')
    writeFileSync(join(dir, 'outer.zip'), zipSync({ 'mid.zip': middle }))
    const shallow = gatherInputs([join(dir, 'outer.zip')], { ...DEFAULT_LIMITS, maxZipDepth: 2 })
    expect(shallow.map((c) => [c.name, c.skip?.kind ?? 'ok'])).toEqual([['in.zip', 'refused'], ['m.txt', 'ok']])
    const deep = gatherInputs([join(dir, 'outer.zip')], { ...DEFAULT_LIMITS, maxZipDepth: 3 })
    expect(deep.map((c) => [c.source.replace(dir, ''), c.folderYear])).toEqual([['/outer.zip › mid.zip › in.zip › 2021/r.txt', 2021], ['/outer.zip › mid.zip › m.txt', null]])
  })

  it('stops unpacking when the archives of one import pass the total budget', () => {
    const dir = tempDir('gov-gather-')
    writeFileSync(join(dir, 'a.zip'), zipSync({ 'a.txt': new Uint8Array(3000), 'b.txt': new Uint8Array(3000) }))
    const got = gatherInputs([join(dir, 'a.zip')], { ...DEFAULT_LIMITS, archiveBudget: 5000 })
    expect(got.map((c) => c.skip?.kind ?? 'ok')).toEqual(['ok', 'refused'])
    expect(got[1]!.skip!.reason).toMatch(/would unpack to more than .* in total; not unpacked \(zip-bomb guard\)/)
    const ratio = zipSync({ 'z.txt': new Uint8Array(100_000) })
    const listing = listZip(ratio)
    if (!listing.ok) throw new Error(listing.reason)
    expect(readZipEntry(ratio, { ...listing.entries[0]!, size: 90_000_000 }, 1e9)).toEqual({ ok: false, reason: expect.stringMatching(/more than deflate can produce/) })
  })

  it('takes the year of the nearest year-named folder', () => {
    expect(yearOfFolders(['2020', 'x', '2021', 'y'])).toBe(2021)
    expect(yearOfFolders(['reports', '21'])).toBeNull()
  })
})

describe('stored names', () => {
  it('keeps the name, made safe to store and never hidden', () => {
    expect(candidateName('白奎镇2021年报告.docx')).toBe('白奎镇2021年报告.docx')
    expect(candidateName('a/b\\c:d*?.pdf')).toBe('a_b_c_d__.pdf')
    expect(candidateName('.hidden.txt')).toBe('hidden.txt')
    expect(candidateName('...')).toBe('report')
    expect(new TextEncoder().encode(candidateName('长'.repeat(300) + '.pdf')).length).toBeLessThanOrEqual(200)
    // The placed copy is named by unit and year, as fetch names its downloads.
    expect(reportFileName('白奎镇', 2021, 'docx')).toBe('白奎镇-2021.docx')
    expect(reportFileName('白奎镇', 2021, 'docx', 2)).toBe('白奎镇-2021-2.docx')
    expect(reportFileName('a/b', 2021, '', 3)).toBe('a_b-2021-3')
    expect(reportFileName('.x', 2021, 'pdf')).toBe('x-2021.pdf')
  })
})

