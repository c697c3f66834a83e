/** Where fetched files go, with which extension, and how an earlier copy is kept. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { extensionOf, fileTime, keepPrevious, storedPath, writeStored } from '../../scripts/fetch/store'
import { encodeGb18030 } from '../fixtures/gb18030'
import { removeTemps, tempDir } from '../build/helpers'
import { fictionalDocx } from './site'

afterAll(removeTemps)

const utf8 = (s: string) => new TextEncoder().encode(s)

describe('extensionOf', () => {
  it('believes the bytes before the Content-Type and the address', () => {
    expect(extensionOf(fictionalDocx(), 'application/octet-stream', 'http://h/download.do?id=3')).toBe('docx')
    expect(extensionOf(utf8('%PDF-1.7\n…'), 'application/octet-stream', 'http://h/a.doc')).toBe('pdf')
    // A ".doc" that is really an HTML page (sites do this).
    expect(extensionOf(utf8('<html><body><table><tr><td>1</td></tr></table></body></html>'), 'application/msword', 'http://h/r.doc')).toBe('html')
    expect(extensionOf(encodeGb18030('某镇2021年政府信息公开工作年度报告\n一、总体情况'), 'text/plain; charset=gbk', 'http://h/r')).toBe('txt')
    expect(extensionOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'application/octet-stream', 'http://h/r.xls')).toBe('xls')
    expect(extensionOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '', 'http://h/r')).toBe('doc')
  })
})

describe('storedPath', () => {
  it('names the unit and year; attachments and pages of the fetch live outside reports/', () => {
    expect(storedPath('reports', '白云镇', 2021, 'docx')).toBe('reports/2021/白云镇-2021.docx')
    expect(storedPath('reports', '白云镇', 2021, 'pdf', 2)).toBe('reports/2021/白云镇-2021-2.pdf')
    expect(storedPath('pages', '白云镇', 2021, 'html')).toBe('fetched/pages/2021/白云镇-2021.html')
    expect(storedPath('attachments', 'a/b:c', 2020, 'doc')).toBe('fetched/attachments/2020/a_b_c-2020.doc')
  })
})

describe('keepPrevious and writeStored', () => {
  it('moves an earlier copy to fetched/previous/<year>/ with the time in its name, never over another one', () => {
    const dir = tempDir('gov-store-')
    mkdirSync(join(dir, 'reports/2021'), { recursive: true })
    const time = fileTime('2026-01-06T10:15:00.123Z')
    expect(time).toBe('20260106T101500Z')
    writeFileSync(join(dir, 'reports/2021/x-2021.html'), 'one')
    expect(keepPrevious(dir, 'reports/2021/x-2021.html', time)).toBe('fetched/previous/2021/x-2021.prev-20260106T101500Z.html')
    writeStored(dir, 'reports/2021/x-2021.html', utf8('two'))
    expect(keepPrevious(dir, 'reports/2021/x-2021.html', time)).toBe('fetched/previous/2021/x-2021.prev-20260106T101500Z-2.html')
    expect(readFileSync(join(dir, 'fetched/previous/2021/x-2021.prev-20260106T101500Z.html'), 'utf8')).toBe('one')
    expect(readFileSync(join(dir, 'fetched/previous/2021/x-2021.prev-20260106T101500Z-2.html'), 'utf8')).toBe('two')
    expect(existsSync(join(dir, 'reports/2021/x-2021.html'))).toBe(false)
    expect(keepPrevious(dir, 'reports/2021/none.html', time)).toBeNull()
  })
})
