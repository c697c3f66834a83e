import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { renderReport } from '../../../scripts/demo/renderings'
import { record } from './helpers'

describe('docx rendering', () => {
  it('is a real OOXML zip with tables, gridSpan and vMerge', () => {
    const files = unzipSync(renderReport(record('gov2021'), 'docx'))
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])
    const doc = strFromU8(files['word/document.xml']!)
    expect(doc.match(/<w:tbl>/g)).toHaveLength(3)
    expect(doc).toContain('<w:gridSpan w:val="10"/>') // 行政诉讼
    expect(doc).toContain('<w:vMerge w:val="restart"/>')
    expect(doc.match(/<w:vMerge\/>/g)!.length).toBeGreaterThan(20)
    expect(doc).toContain('呼兰区白奎镇2021年政府信息公开工作年度报告')
    expect(strFromU8(files['_rels/.rels']!)).toContain('Target="word/document.xml"')
  })

  it('is deterministic: same record → same bytes; other values → other bytes', () => {
    const a = renderReport(record('gov2019'), 'docx')
    const b = renderReport(record('gov2019'), 'docx')
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    const c = renderReport(record('gov2019', { cells: { ...record('gov2019').cells, 'review.total': 1 } }), 'docx')
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false)
  })

  it('escapes XML in report text', () => {
    const doc = strFromU8(unzipSync(renderReport(record('gov2021', { unit: 'A&B<镇>' }), 'docx'))['word/document.xml']!)
    expect(doc).toContain('A&amp;B&lt;镇&gt;2021年')
  })
})
