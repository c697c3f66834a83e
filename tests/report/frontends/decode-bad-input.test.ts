import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeBytes, stripFormatChars } from '~/report/parse/decode'
import { docxToDoc } from '~/report/parse/docx'
import { htmlToDoc } from '~/report/parse/html'
import { parseReport } from '~/report/read'
import type { ParseResult } from '~/report/types'
import { concat } from '../../util/bytes'
import { buildDocx, paragraph, table } from '../../fixtures/docx-writer'
import { encodeGb18030 } from '../../fixtures/gb18030'

const sample = readFileSync(new URL('../../fixtures/shared/hulan-baikui-2021.txt', import.meta.url), 'utf8')
const utf8 = (s: string) => new TextEncoder().encode(s)

function report(bytes: Uint8Array, name = 'report.txt'): ParseResult {
  const outcome = parseReport(bytes, name)
  if (!outcome.ok) throw new Error(outcome.error_en)
  return outcome.report
}

const clean = report(utf8(sample))

describe('decode: a few bad bytes do not turn a UTF-8 report into GB18030 mojibake (issue 7 item 6.3)', () => {
  it('UTF-8 report text with 3 invalid bytes → UTF-8, the 3 bytes replaced and reported', () => {
    const bytes = utf8(sample)
    // Three lone bytes that cannot start or continue a UTF-8 sequence, in ASCII places (tabs).
    const tabs: number[] = []
    bytes.forEach((b, i) => {
      if (b === 0x09) tabs.push(i)
    })
    const at = [tabs[Math.floor(tabs.length / 4)]!, tabs[Math.floor(tabs.length / 2)]!, tabs[Math.floor((tabs.length * 3) / 4)]!]
    at.forEach((i, k) => (bytes[i] = [0xff, 0xc0, 0xfe][k]!))
    const r = decodeBytes(bytes)
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8', replaced: 3 })
    if (r.ok) expect(r.text).toContain('二、主动公开政府信息情况')
    const parsed = report(bytes)
    expect(parsed.meta.encoding).toBe('utf-8')
    expect(parsed.meta.unit).toBe(clean.meta.unit)
    expect(parsed.findings.find((f) => f.rule === 'bad_bytes')).toMatchObject({ level: 'warn', actual: 3 })
  })

  it('a GBK footer line appended to a UTF-8 report → UTF-8; only the footer is lost, and reported', () => {
    const footer = encodeGb18030('\n本页面由呼兰区人民政府办公室维护，联系电话：0451-57322000。\n')
    const bytes = concat(utf8(sample), footer)
    const r = decodeBytes(bytes)
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8' })
    if (r.ok) {
      expect(r.replaced).toBeGreaterThan(0)
      expect(r.text.startsWith(sample.slice(0, 200))).toBe(true)
    }
    const parsed = report(bytes)
    expect(parsed.cells).toEqual(clean.cells)
    expect(parsed.meta).toMatchObject({ unit: clean.meta.unit, year: clean.meta.year, encoding: 'utf-8' })
    expect(parsed.findings.some((f) => f.rule === 'bad_bytes')).toBe(true)
  })

  it('a whole GBK report still decodes as GB18030 with no bad-bytes finding', () => {
    const parsed = report(encodeGb18030(sample))
    expect(parsed.meta.encoding).toBe('gb18030')
    expect(parsed.cells).toEqual(clean.cells)
    expect(parsed.findings.some((f) => f.rule === 'bad_bytes')).toBe(false)
  })

  it('a clean report has no bad-bytes finding', () => {
    expect(clean.findings.some((f) => f.rule === 'bad_bytes')).toBe(false)
  })
})

describe('format characters (Unicode Cf) are stripped from all text (issue 7 item 6.4)', () => {
  const invisible = ['\u200d', '\u200b', '\u00ad', '\u2060', '\ufeff', '\u200c', '\u200e']

  it('stripFormatChars removes ZWJ, ZWSP, soft hyphen, word joiner, BOM, ZWNJ, LRM', () => {
    expect(stripFormatChars(`本${invisible.join('')}年新\u200d收`)).toBe('本年新收')
    expect(stripFormatChars('本年新收')).toBe('本年新收')
  })

  it.each(invisible)('a row label with U+%s inside (本年新?收) still reads its row (text)', (ch) => {
    const text = sample.replace('一、本年新收政府信息公开申请数量', `一、本年新${ch}收政府信息公开申请数量`)
    expect(text).not.toBe(sample)
    const parsed = report(utf8(text))
    expect(parsed.cells['apply.new.total']).toBe(clean.cells['apply.new.total'])
    expect(parsed.cells).toEqual(clean.cells)
  })

  it('through GB18030 and UTF-16 decoding too', () => {
    const text = sample.replace('一、本年新收政府信息公开申请数量', '一、本年新\u200d收政府信息公开申请数量')
    expect(report(encodeGb18030(text.replace(/\u200d/g, '\u00ad'))).cells).toEqual(clean.cells)
    const u16 = new Uint8Array(2 + text.length * 2)
    u16[0] = 0xff
    u16[1] = 0xfe
    for (let i = 0; i < text.length; i++) {
      u16[2 + 2 * i] = text.charCodeAt(i) & 0xff
      u16[3 + 2 * i] = text.charCodeAt(i) >> 8
    }
    expect(report(u16).cells).toEqual(clean.cells)
  })

  it('in an HTML file: a cell label with a zero-width joiner still reads', () => {
    const page = `<html><head><title>呼兰区白奎镇2021年政府信息公开工作年度报告</title></head><body><p>四、政府信息公开行政复议、行政诉讼情况</p><table>
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr>${'<td>1</td>'.repeat(15)}</tr></table></body></html>`
    const withZwj = page.replace('行政复议', '行政\u200d复议').replace('<title>呼兰区', '<title>呼兰\u2060区')
    const a = report(utf8(page), 'a.html')
    const b = report(utf8(withZwj), 'b.html')
    expect(b.cells).toEqual(a.cells)
    expect(b.meta.unit).toBe(a.meta.unit)
    // And the decoded text the HTML reader sees has no format character left.
    const decoded = decodeBytes(utf8(withZwj))
    expect(decoded.ok && /\p{Cf}/u.test(decoded.text)).toBe(false)
    expect(JSON.stringify(htmlToDoc(decoded.ok ? decoded.text : ''))).not.toMatch(/\u200d|\u2060/)
  })

  it('in a .docx: a label with a soft hyphen and a ZWSP still reads', () => {
    const bytes = buildDocx(paragraph('本年新\u00ad收') + table([[{ text: '本年\u200b新收' }, { text: '3\u200b' }]], 2))
    const r = docxToDoc(bytes)
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.doc.blocks).toEqual([{ kind: 'para', text: '本年新收' }, expect.objectContaining({ kind: 'table', rows: [['本年新收', '3']] })])
  })
})
