import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { docxToDoc } from '~/report/parse/docx'
import { buildDocx, paragraph, table } from '../../fixtures/docx-writer'

function read(bodyXml: string) {
  const r = docxToDoc(buildDocx(bodyXml))
  if (!r.ok) throw new Error(r.reason_en)
  return r.doc.blocks
}

describe('docxToDoc', () => {
  it('repeats gridSpan text across columns and vMerge text down rows (same as HTML spans)', () => {
    const blocks = read(
      table(
        [
          [{ text: '三、本年度办理结果', vMerge: 'restart' }, { text: '（一）予以公开', span: 2 }, { text: '5' }],
          [{ text: '', vMerge: 'continue' }, { text: '（三）不予公开', vMerge: 'restart' }, { text: '1.属于国家秘密' }, { text: '1' }],
          [{ text: '', vMerge: 'continue' }, { text: '', vMerge: 'continue' }, { text: '2.其他法律行政法规禁止公开' }, { text: '' }],
        ],
        4
      )
    )
    expect(blocks).toEqual([
      {
        kind: 'table',
        rows: [
          ['三、本年度办理结果', '（一）予以公开', '（一）予以公开', '5'],
          ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '1'],
          ['三、本年度办理结果', '（三）不予公开', '2.其他法律行政法规禁止公开', ''],
        ],
        // Slots that only repeat a spanned cell, so the table reader takes each cell once.
        continued: [
          [false, false, true, false],
          [true, false, false, false],
          [true, true, false, false],
        ],
      },
    ])
  })

  it('continues a merged block that spans several columns', () => {
    const [block] = read(
      table(
        [
          [{ text: '（本列数据的勾稽关系为…）', span: 3, vMerge: 'restart' }, { text: '申请人情况', span: 2 }],
          [{ text: '', span: 3, vMerge: 'continue' }, { text: '自然人' }, { text: '总计' }],
        ],
        5
      )
    )
    expect(block).toEqual({
      kind: 'table',
      rows: [
        ['（本列数据的勾稽关系为…）', '（本列数据的勾稽关系为…）', '（本列数据的勾稽关系为…）', '申请人情况', '申请人情况'],
        ['（本列数据的勾稽关系为…）', '（本列数据的勾稽关系为…）', '（本列数据的勾稽关系为…）', '自然人', '总计'],
      ],
      continued: [
        [false, true, true, false, true],
        [true, true, true, false, false],
      ],
    })
  })

  it('joins cell paragraphs with newlines and trims NBSP padding', () => {
    const [block] = read(table([[{ text: '商业\n企业' }, { text: '0\u00a0' }, { text: '\u00a0' }]], 3))
    expect(block).toEqual({ kind: 'table', rows: [['商业\n企业', '0', '']] })
  })

  it('reads runs, tabs, breaks and bookmarks; skips deleted text and field codes', () => {
    const blocks = read(
      '<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>一、</w:t></w:r><w:r><w:tab/><w:t>总体情况</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>' +
        '<w:p><w:del w:id="1"><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>留下&amp;的</w:t></w:r></w:p>' +
        '<w:sdt><w:sdtContent><w:p><w:r><w:t>内容控件中的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>'
    )
    expect(blocks).toEqual([
      { kind: 'para', text: '一、 总体情况' },
      { kind: 'para', text: '第一行' },
      { kind: 'para', text: '第二行' },
      { kind: 'para', text: '留下&的' },
      { kind: 'para', text: '内容控件中的段落' },
    ])
  })

  it('reads text boxes once, ignoring the VML fallback copy', () => {
    const box = '<w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent>'
    const blocks = read(
      `<w:p><w:r><w:t>锚点段落</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box}</w:drawing></mc:Choice><mc:Fallback><w:pict>${box}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`
    )
    expect(blocks).toEqual([
      { kind: 'para', text: '锚点段落' },
      { kind: 'para', text: '文本框' },
    ])
  })

  it('puts w:gridBefore columns as empty slots and does not pad rows', () => {
    const [block] = read(
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr>' +
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    )
    expect(block).toEqual({ kind: 'table', rows: [['a', 'b', 'c'], ['', 'x']], continued: [[false, false, false], [true, false]] })
  })

  it('reads a layout table holding a table as flow, keeping the inner table', () => {
    const inner = table([[{ text: '规章' }, { text: '0' }]], 2)
    const blocks = read(`<w:tbl><w:tr><w:tc>${paragraph('二、主动公开政府信息情况')}${inner}${paragraph('')}</w:tc></w:tr></w:tbl>`)
    expect(blocks).toEqual([
      { kind: 'para', text: '二、主动公开政府信息情况' },
      { kind: 'table', rows: [['规章', '0']] },
    ])
  })

  it('finds a main part that is not word/document.xml through _rels/.rels', () => {
    const enc = new TextEncoder()
    const zip = zipSync({
      '_rels/.rels': enc.encode(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>'
      ),
      'word/document2.xml': enc.encode('<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>'),
    })
    expect(docxToDoc(zip)).toEqual({ ok: true, doc: { blocks: [{ kind: 'para', text: '正文' }] } })
  })

  it('explains bad input instead of throwing', () => {
    const notZip = docxToDoc(new TextEncoder().encode('PK\u0003\u0004 this is not really a zip'))
    expect(notZip.ok).toBe(false)
    if (!notZip.ok) expect(notZip.reason_en).toMatch(/Not a valid \.docx/)

    const noBody = docxToDoc(zipSync({ 'word/styles.xml': new TextEncoder().encode('<w:styles/>') }))
    expect(noBody.ok).toBe(false)
    if (!noBody.ok) expect(noBody.reason).toContain('word/document.xml')

    const noWBody = docxToDoc(zipSync({ 'word/document.xml': new TextEncoder().encode('<html><p>x</p></html>') }))
    expect(noWBody.ok).toBe(false)
    if (!noWBody.ok) expect(noWBody.reason_en).toMatch(/no w:body/)
  })
})
