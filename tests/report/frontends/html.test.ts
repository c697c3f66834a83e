import { describe, expect, it } from 'vitest'
import { parseReport } from '~/report/read'
import { expandGrid, htmlToDoc } from '~/report/parse/html'

const tables = (html: string) => htmlToDoc(html).blocks.filter((b) => b.kind === 'table').map((b) => b.rows)
const paras = (html: string) => htmlToDoc(html).blocks.flatMap((b) => (b.kind === 'para' ? [b.text] : []))

describe('htmlToDoc', () => {
  it('repeats rowspan/colspan text in every covered slot', () => {
    const [grid] = tables(`<table>
      <tr><td colspan="3" rowspan="2">（本列数据的勾稽关系为…）</td><td colspan="2">申请人情况</td></tr>
      <tr><td>自然人</td><td>总计</td></tr>
      <tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>5</td><td>5</td></tr>
      <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>1</td><td>1</td></tr>
      <tr><td>2.其他法律行政法规禁止公开</td><td>&nbsp;</td><td>0</td></tr>
    </table>`)
    expect(grid).toEqual([
      ['（本列数据的勾稽关系为…）', '（本列数据的勾稽关系为…）', '（本列数据的勾稽关系为…）', '申请人情况', '申请人情况'],
      ['（本列数据的勾稽关系为…）', '（本列数据的勾稽关系为…）', '（本列数据的勾稽关系为…）', '自然人', '总计'],
      ['三、本年度办理结果', '（一）予以公开', '（一）予以公开', '5', '5'],
      ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '1', '1'],
      ['三、本年度办理结果', '（三）不予公开', '2.其他法律行政法规禁止公开', '', '0'],
    ])
  })

  it('reads cell text with <br>/<p> as newlines, decodes entities, blanks &nbsp;-only cells', () => {
    const [grid] = tables(
      '<table><tr><td><p>商业</p><p>企业</p></td><td>本年增/<br>减</td><td><p align="center">&nbsp;</p></td><td>A&amp;B&#x31;</td><td>&nbsp;3&nbsp;</td></tr></table>'
    )
    expect(grid).toEqual([['商业\n企业', '本年增/\n减', '', 'A&B1', '3']])
  })

  it('does not pad short rows to the table width', () => {
    expect(tables('<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>规章</td><td>0</td></tr></table>')[0]).toEqual([
      ['a', 'b', 'c'],
      ['规章', '0'],
    ])
  })

  it('clips rowspans at the last row and treats rowspan=0 as "to the end"', () => {
    expect(tables('<table><tr><td rowspan="9">x</td><td>1</td></tr><tr><td>2</td></tr></table>')[0]).toEqual([
      ['x', '1'],
      ['x', '2'],
    ])
    expect(tables('<table><tr><td rowspan="0">y</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>')[0]).toEqual([
      ['y', '1'],
      ['y', '2'],
      ['y', '3'],
    ])
  })

  it('makes paragraphs of block elements and <br> lines, skipping script and style', () => {
    const html = `<html><head><title>白奎镇2021年报告</title><style>p{color:red}</style><script>var a = "三、收到"</script></head>
      <body><h1>呼兰区白奎镇2021年政府信息公开工作年度报告</h1><div>一、总体情况<br/>（一）主动公开</div>
      <p>  政务   公开&nbsp;工作 </p><ul><li>第一条</li><li>第二条</li></ul></body></html>`
    expect(paras(html)).toEqual([
      '白奎镇2021年报告',
      '呼兰区白奎镇2021年政府信息公开工作年度报告',
      '一、总体情况',
      '（一）主动公开',
      '政务 公开 工作',
      '第一条',
      '第二条',
    ])
  })

  it('reads a layout table as flow and keeps every inner data table, in order', () => {
    const html = `<table class="layout"><tr><td>导航</td></tr><tr><td>
        <p>二、主动公开政府信息情况</p>
        <table><tr><td>规章</td><td>0</td></tr></table>
        <p>三、收到和处理政府信息公开申请情况</p>
        <table><tr><td>一、本年新收</td><td>4</td></tr></table>
      </td></tr></table>`
    expect(htmlToDoc(html).blocks).toEqual([
      { kind: 'para', text: '导航' },
      { kind: 'para', text: '二、主动公开政府信息情况' },
      { kind: 'table', rows: [['规章', '0']] },
      { kind: 'para', text: '三、收到和处理政府信息公开申请情况' },
      { kind: 'table', rows: [['一、本年新收', '4']] },
    ])
  })

  it('reads a one-cell layout table wrapping a whole article as paragraphs', () => {
    const article = '<p>一、总体情况</p><p>' + '本镇坚持以公开为常态、不公开为例外。'.repeat(12) + '</p><p>二、主动公开政府信息情况</p>'
    expect(htmlToDoc(`<table><tr><td>${article}</td></tr></table>`).blocks.map((b) => b.kind)).toEqual(['para', 'para', 'para'])
    expect(htmlToDoc('<table><tr><td><h2>一、总体情况</h2></td></tr></table>').blocks).toEqual([{ kind: 'para', text: '一、总体情况' }])
  })

  it('keeps rows of thead/tbody/tfoot in order and the caption as a paragraph', () => {
    const html = '<table><caption>表一</caption><thead><tr><th>信息内容</th></tr></thead><tbody><tr><td>规章</td></tr></tbody><tfoot><tr><td>注</td></tr></tfoot></table>'
    expect(htmlToDoc(html).blocks).toEqual([
      { kind: 'para', text: '表一' },
      { kind: 'table', rows: [['信息内容'], ['规章'], ['注']] },
    ])
  })

  it('survives broken markup without throwing', () => {
    expect(() => htmlToDoc('<table><tr><td rowspan="x">a<td colspan="-3">b</tr><tr><td>c</table></div></p>')).not.toThrow()
    expect(tables('<table><tr><td rowspan="x">a<td colspan="-3">b</tr><tr><td>c</table>')[0]).toEqual([['a', 'b'], ['c']])
  })
})

describe('expandGrid', () => {
  it('bounds hostile colspans', () => {
    const [row] = expandGrid([[{ text: 'x', rowspan: 1, colspan: 1_000_000 }]])
    expect(row!.length).toBe(100)
  })
})

describe('the page head', () => {
  it('gives source_url and published_at from <link rel=canonical> / og:url and a PubDate meta', () => {
    const head = '<head><link rel="canonical" href="https://www.example.gov.cn/zwgk/t20220114_80607.htm"><meta name="PubDate" content="2022-01-14 17:29"></head>'
    const doc = htmlToDoc(`<html>${head}<body><p>正文</p></body></html>`)
    expect(doc.page).toEqual({ source_url: 'https://www.example.gov.cn/zwgk/t20220114_80607.htm', published_at: '2022-01-14' })
    const og = htmlToDoc('<html><head><meta property="og:url" content="http://a.gov.cn/x.html"><meta name="publishdate" content="2021年1月5日"></head><body></body></html>')
    expect(og.page).toEqual({ source_url: 'http://a.gov.cn/x.html', published_at: '2021-01-05' })
    expect(htmlToDoc('<p>正文</p>').page).toBeUndefined()
  })

  it('reaches meta of the parse result', () => {
    const html = `<html><head><link rel="canonical" href="https://www.example.gov.cn/a.htm"><meta name="PubDate" content="2022-01-14"></head><body><p>某镇2021年政府信息公开工作年度报告</p><p>一、总体情况</p></body></html>`
    const out = parseReport(new TextEncoder().encode(html), 'a.html')
    expect(out.ok && out.report.meta).toMatchObject({ source_url: 'https://www.example.gov.cn/a.htm', published_at: '2022-01-14' })
  })
})
