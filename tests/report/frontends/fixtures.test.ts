/** The committed front-end fixtures read back through the front-ends as the sample they were made from. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from '~/report/parse/decode'
import type { Block } from '~/report/parse/doc'
import { docxToDoc } from '~/report/parse/docx'
import { htmlToDoc } from '~/report/parse/html'
import { sniffKind } from '~/report/parse/sniff'
import { toSimplified } from '~/report/parse/traditional'

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/reports/${name}`, import.meta.url)))
const sample = readFileSync(new URL('../../fixtures/shared/hulan-baikui-2021.txt', import.meta.url), 'utf8')

function decoded(name: string) {
  const r = decodeBytes(fixture(name))
  if (!r.ok) throw new Error(r.reason_en)
  return r
}

const tablesOf = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []))
const parasOf = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'para' ? [b.text] : []))

describe('encoding fixtures decode to the sample text', () => {
  it.each([
    ['enc-utf8-bom.txt', 'utf-8'],
    ['enc-utf16le-bom.txt', 'utf-16le'],
    ['enc-utf16le-nobom.txt', 'utf-16le'],
    ['enc-gb18030.txt', 'gb18030'],
    ['enc-crlf.txt', 'utf-8'],
  ])('%s → %s', (name, encoding) => {
    expect(sniffKind(fixture(name), name)).toBe('text')
    const r = decoded(name)
    expect(r.encoding).toBe(encoding)
    expect(r.replaced).toBe(0)
    expect(r.text).toBe(sample)
  })

  it('enc-traditional.txt is traditional and converts back to the sample’s table labels', () => {
    const r = decoded('enc-traditional.txt')
    expect(r.text).toContain('呼蘭區白奎鎮')
    const simplified = toSimplified(r.text)
    expect(simplified.converted).toBe(true)
    const lines = simplified.text.split('\n')
    const original = sample.split('\n')
    expect(lines.length).toBe(original.length)
    // Every table cell line (the part the extractor reads) comes back exactly.
    const cellLines = original.map((line, i) => [line, lines[i]!] as const).filter(([line]) => line.startsWith('\t'))
    for (const [want, got] of cellLines) expect(got).toBe(want)
  })
})

describe('docx-sample.docx', () => {
  const r = docxToDoc(fixture('docx-sample.docx'))
  if (!r.ok) throw new Error(r.reason_en)
  const blocks = r.doc.blocks

  it('is sniffed as docx', () => {
    expect(sniffKind(fixture('docx-sample.docx'), 'x.bin')).toBe('docx')
  })

  it('has the sample’s body paragraphs in order (bookmark artefact gone)', () => {
    const expected = sample
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('\t'))
      .filter((line) => !line.startsWith('（本列数据') && line !== '企业' && line !== '机构')
      .map((line) => line.replace('[bookmark: _GoBack]', '').replace(/\s+/g, ' ').trim())
    expect(parasOf(blocks)).toEqual(expected)
  })

  it('lays section 三 out on a 10-column grid: 3 label slots + 7 values on every data row', () => {
    const apply = tablesOf(blocks).find((t) => t[0]![0]!.includes('勾稽'))!
    expect(apply).toHaveLength(3 + 25)
    for (const row of apply) expect(row).toHaveLength(10)
    expect(apply[3]).toEqual([...Array(3).fill('一、本年新收政府信息公开申请数量'), ...Array(7).fill('0')])
    expect(apply[14]!.slice(0, 3)).toEqual(['三、本年度办理结果', '（三）不予公开', '8.属于行政查询事项'])
    expect(apply[27]).toEqual([...Array(3).fill('四、结转下年度继续办理'), ...Array(7).fill('')])
  })

  it('lays section 四 out on 15 columns with the merged header repeated', () => {
    const appeal = tablesOf(blocks).find((t) => t[0]![0] === '行政复议')!
    expect(appeal.map((row) => row.length)).toEqual([15, 15, 15, 15])
    expect(appeal[2]!.slice(0, 6)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持'])
    expect(appeal[3]).toEqual(Array(15).fill('0'))
  })
})

describe('html-2019-blank-totals.html', () => {
  const html = decoded('html-2019-blank-totals.html').text
  const blocks = htmlToDoc(html).blocks

  it('is sniffed as html and drops script text', () => {
    expect(sniffKind(fixture('html-2019-blank-totals.html'), 'page.shtml')).toBe('html')
    expect(parasOf(blocks).join('\n')).not.toContain('document.write')
    // The heading written by the page's <script> must not appear as a paragraph.
    expect(parasOf(blocks).filter((t) => t.startsWith('三、收到和处理'))).toHaveLength(1)
  })

  it('expands the section 三 table: 23 data rows, blank totals as empty slots', () => {
    const apply = tablesOf(blocks).find((t) => t[0]![0]!.includes('勾稽'))!
    expect(apply).toHaveLength(3 + 23)
    expect(apply[5]).toEqual(['三、本年度办理结果', '（一）予以公开', '（一）予以公开', '258', '10', '', '', '2', '', ''])
    expect(apply[15]!.slice(0, 4)).toEqual(['三、本年度办理结果', '(四)无法提供', '1.本机关不掌握相关政府信息', '252'])
    expect(apply[24]!.slice(1)).toEqual(['（七）总计', '（七）总计', '767', '35', '', '', '2', '1', '805'])
  })

  it('keeps section 二 colspans as repeated slots', () => {
    const active = tablesOf(blocks).find((t) => t[0]![0] === '第二十条第（一）项')!
    expect(active.at(-1)).toEqual(['政府集中采购', '4', '251000元', '251000元'])
  })
})

describe('html-tables-missing.html', () => {
  it('has the section headings and no table', () => {
    const blocks = htmlToDoc(decoded('html-tables-missing.html').text).blocks
    expect(tablesOf(blocks)).toEqual([])
    const headings = parasOf(blocks).filter((t) => /^[一二三四五六]、/.test(t))
    expect(headings).toHaveLength(6)
  })
})
