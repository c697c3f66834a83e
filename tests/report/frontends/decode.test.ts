import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeBytes, detectUtf16WithoutBom } from '~/report/parse/decode'

const sample = readFileSync(new URL('../../fixtures/shared/hulan-baikui-2021.txt', import.meta.url), 'utf8')
const utf8 = (s: string) => new TextEncoder().encode(s)

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text
  const out = new Uint8Array(units.length * 2)
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i)
    out[2 * i + (order === 'le' ? 0 : 1)] = c & 0xff
    out[2 * i + (order === 'le' ? 1 : 0)] = c >> 8
  }
  return out
}

function ok(result: ReturnType<typeof decodeBytes>) {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason_en}`)
  return result
}

describe('decodeBytes', () => {
  it('reads plain UTF-8 unchanged', () => {
    const r = ok(decodeBytes(utf8(sample)))
    expect(r).toMatchObject({ encoding: 'utf-8', replaced: 0 })
    expect(r.text).toBe(sample)
  })

  it('strips a UTF-8 BOM', () => {
    const r = ok(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('二、主动公开')])))
    expect(r.text).toBe('二、主动公开')
    expect(r.encoding).toBe('utf-8')
  })

  it.each([
    ['le', true, 'utf-16le'],
    ['be', true, 'utf-16be'],
    ['le', false, 'utf-16le'],
    ['be', false, 'utf-16be'],
  ] as const)('reads UTF-16%s (BOM %s) as %s', (order, bom, encoding) => {
    const r = ok(decodeBytes(utf16(sample, order, bom)))
    expect(r.encoding).toBe(encoding)
    expect(r.text).toBe(sample)
  })

  it('reads GBK / GB18030 bytes', () => {
    // 白奎镇 2021 in GBK: 白 B0D7 奎 BFFC 镇 D5F2, then ASCII digits, 年 C4EA
    const bytes = new Uint8Array([0xb0, 0xd7, 0xbf, 0xfc, 0xd5, 0xf2, 0x32, 0x30, 0x32, 0x31, 0xc4, 0xea])
    const r = ok(decodeBytes(bytes))
    expect(r).toMatchObject({ encoding: 'gb18030', text: '白奎镇2021年', replaced: 0 })
  })

  it('normalises CRLF and lone CR to LF', () => {
    expect(ok(decodeBytes(utf8('a\r\nb\rc\n'))).text).toBe('a\nb\nc\n')
  })

  it('keeps a UTF-8 file with one corrupted byte as UTF-8 and counts the damage', () => {
    const bytes = utf8(sample)
    bytes[200] = 0xff
    const r = ok(decodeBytes(bytes))
    expect(r.encoding).toBe('utf-8')
    expect(r.replaced).toBeGreaterThan(0)
    expect(r.text).toContain('二、主动公开政府信息情况')
  })

  it('refuses bytes that are not text in any supported encoding', () => {
    const junk = new Uint8Array(400).map((_, i) => (i * 7) % 32)
    const r = decodeBytes(junk)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason_en).toMatch(/not recognisable text/)
  })

  it('returns empty text for empty input', () => {
    expect(ok(decodeBytes(new Uint8Array()))).toMatchObject({ text: '', replaced: 0 })
  })
})

describe('detectUtf16WithoutBom', () => {
  it('does not mistake UTF-8 or GBK for UTF-16', () => {
    expect(detectUtf16WithoutBom(utf8(sample))).toBeNull()
  })
  it('finds the byte order from the NUL parity', () => {
    expect(detectUtf16WithoutBom(utf16('规章\t0\t0\n', 'le', false))).toBe('utf-16le')
    expect(detectUtf16WithoutBom(utf16('规章\t0\t0\n', 'be', false))).toBe('utf-16be')
  })
})
