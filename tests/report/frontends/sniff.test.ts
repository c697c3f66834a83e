import { readFileSync } from 'node:fs'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { sniffKind } from '~/report/parse/sniff'

const sample = readFileSync(new URL('../../fixtures/shared/hulan-baikui-2021.txt', import.meta.url))
const bytes = (s: string) => new TextEncoder().encode(s)

describe('sniffKind', () => {
  it('calls the sample report text', () => {
    expect(sniffKind(sample, 'hulan.txt')).toBe('text')
  })

  it('recognises a zip holding word/document.xml as docx, whatever the name', () => {
    const zip = zipSync({ 'word/document.xml': bytes('<w:document/>') })
    expect(sniffKind(zip, 'report.bin')).toBe('docx')
  })

  it('calls another zip binary, unless it is named .docx', () => {
    const zip = zipSync({ 'xl/workbook.xml': bytes('<workbook/>') })
    expect(sniffKind(zip, 'table.xlsx')).toBe('binary')
    expect(sniffKind(zip, 'report.docx')).toBe('docx')
  })

  it('recognises PDF and old Word by magic bytes', () => {
    expect(sniffKind(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'r.txt')).toBe('pdf')
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])
    expect(sniffKind(ole, 'r.doc')).toBe('doc')
  })

  it('calls zero bytes and whitespace-only files empty', () => {
    expect(sniffKind(new Uint8Array(), 'a.txt')).toBe('empty')
    expect(sniffKind(bytes(' \n\r\n\t '), 'a.txt')).toBe('empty')
    expect(sniffKind(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]), 'a.txt')).toBe('empty')
  })

  it('calls control-heavy bytes binary but not UTF-16 text', () => {
    const junk = new Uint8Array(1000).map((_, i) => (i * 13) % 9)
    expect(sniffKind(junk, 'a.txt')).toBe('binary')
    const text = '规章\t0\t0\n行政许可\t3\n'
    const le = new Uint8Array(text.length * 2)
    for (let i = 0; i < text.length; i++) {
      le[2 * i] = text.charCodeAt(i) & 0xff
      le[2 * i + 1] = text.charCodeAt(i) >> 8
    }
    expect(sniffKind(le, 'a.txt')).toBe('text')
  })

  it('recognises HTML by tag, even when named .doc or .txt', () => {
    expect(sniffKind(bytes('<!DOCTYPE html>\n<html><body>x</body></html>'), 'r.doc')).toBe('html')
    expect(sniffKind(bytes('报告\n<table><tr><td>1</td></tr></table>'), 'r.txt')).toBe('html')
    expect(sniffKind(bytes('<div><p>二、主动公开</p></div>'), 'page.htm')).toBe('html')
    expect(sniffKind(bytes('<div><p>二、主动公开</p></div>'), 'page.txt')).toBe('text')
  })
})
