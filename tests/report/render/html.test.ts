import { DomUtils, parseDocument } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import { record, text } from './helpers'

const tables = (html: string) => DomUtils.getElementsByTagName('table', parseDocument(html).children)
const tds = (el: ReturnType<typeof tables>[number]) => DomUtils.getElementsByTagName('td', el)

describe('html rendering', () => {
  it.each([['gov2021', '22'], ['gov2019', '20']] as const)('%s: section 三 with real spans (三、本年度办理结果 rowspan %s)', (format, span) => {
    const html = text(record(format), 'html')
    const [, apply, appeal] = tables(html)
    const result = tds(apply!).find((td) => DomUtils.textContent(td) === '三、本年度办理结果')!
    expect(result.attribs['rowspan']).toBe(span)
    const note = tds(apply!)[0]!
    expect(note.attribs).toMatchObject({ rowspan: '3', colspan: '3' })
    expect(DomUtils.textContent(note)).toContain('本列数据的勾稽关系为')
    expect(tds(appeal!).find((td) => DomUtils.textContent(td) === '行政诉讼')!.attribs['colspan']).toBe('10')
  })

  it('writes blank cells as &nbsp; and escapes report text', () => {
    const html = text(record('gov2021', { unit: '<script>x</script>镇' }), 'html')
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;镇2021年政府信息公开工作年度报告')
    // 四、结转下年度继续办理 is blank in the sample-like record.
    expect(html).toContain('<td colspan="3">四、结转下年度继续办理</td>' + '<td>&nbsp;</td>'.repeat(7))
  })

  it('has one table per section 二/三/四 with full-width captions', () => {
    const html = text(record('gov2019'), 'html')
    expect(tables(html)).toHaveLength(3)
    expect(html).toContain('<tr><td colspan="4">第二十条第（九）项</td></tr>')
  })
})
