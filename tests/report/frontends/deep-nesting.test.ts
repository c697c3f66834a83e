import { describe, expect, it } from 'vitest'
import { docxToDoc } from '~/report/parse/docx'
import { htmlToDoc } from '~/report/parse/html'
import { parseReport } from '~/report/read'
import { MAX_TREE_DEPTH, parseMarkup, textContent } from '~/report/parse/markup-tree'
import { parseXml } from '~/report/parse/xml-tree'
import { buildDocx, paragraph } from '../../fixtures/docx-writer'

const TITLE = '呼兰区白奎镇2021年政府信息公开工作年度报告'
const N = 100_000

/** Issue 7 item 6.5: tree walks must not overflow the stack on hostile nesting. */
describe('nesting 100,000 levels deep: no stack overflow, text kept', () => {
  it('100,000 nested <div>: no crash, a clear outcome, and quickly', () => {
    const html = `${'<div>'.repeat(N)}${TITLE}${'</div>'.repeat(N)}`
    const started = Date.now()
    expect(() => htmlToDoc(html)).not.toThrow()
    const outcome = parseReport(new TextEncoder().encode(html), 'deep.html')
    // Past MAX_PARSE_DEPTH unclosed elements the page is not read further: here nothing is left, so
    // the file is refused with a one-line reason (never a stack overflow or a parse failure).
    if (!outcome.ok) expect(outcome.error_en).not.toMatch(/parse failed|stack/i)
    expect(Date.now() - started).toBeLessThan(20_000)
  })

  it('10,000 nested <div> (deeper than the tree keeps): the text is still read', () => {
    const n = 10_000
    const html = `${'<div>'.repeat(n)}${TITLE}${'</div>'.repeat(n)}`
    expect(htmlToDoc(html).blocks).toEqual([{ kind: 'para', text: TITLE }])
    const outcome = parseReport(new TextEncoder().encode(html), 'deep.html')
    expect(outcome.ok).toBe(true)
    if (outcome.ok) expect(outcome.report.meta).toMatchObject({ unit: '呼兰区白奎镇', year: 2021 })
  })

  it('the tree is never deeper than MAX_TREE_DEPTH; text below the limit stays in reading order', () => {
    const depth = MAX_TREE_DEPTH + 500
    const root = parseMarkup(`${'<span>a'.repeat(depth)}${'</span>b'.repeat(depth)}`, {})
    let levels = 0
    for (let node = root; ; levels++) {
      const child = node.children.find((c) => typeof c !== 'string')
      if (!child || typeof child === 'string') break
      node = child
    }
    expect(levels).toBeLessThanOrEqual(MAX_TREE_DEPTH + 1) // + the childless elements opened at the limit
    expect(textContent(root)).toBe('a'.repeat(depth) + 'b'.repeat(depth))
  })

  it('100,000 nested <w:tbl> in a .docx: read without a crash', () => {
    const tbl = `${'<w:tbl><w:tr><w:tc>'.repeat(N)}${paragraph('本年新收')}${'</w:tc></w:tr></w:tbl>'.repeat(N)}`
    const bytes = buildDocx(paragraph(TITLE) + tbl)
    const doc = docxToDoc(bytes)
    expect(doc.ok).toBe(true)
    if (doc.ok) expect(doc.doc.blocks[0]).toEqual({ kind: 'para', text: TITLE })
    const outcome = parseReport(bytes, 'deep.docx')
    expect(outcome.ok).toBe(true)
  })

  it('xml-tree: end tags still close the right elements around the depth limit', () => {
    const depth = MAX_TREE_DEPTH + 10
    const xml = `<r>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}<b>y</b></r>`
    const root = parseXml(xml)
    const r = root.children[0]
    if (r === undefined || typeof r === 'string') throw new Error('no <r>')
    expect(r.name).toBe('r')
    const last = r.children[r.children.length - 1]
    expect(typeof last !== 'string' && last?.name).toBe('b')
    expect(textContent(r)).toBe('xy')
  })
})
