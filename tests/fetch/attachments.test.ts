/** Which links of a report page are its report as an attachment (fictional pages). */
import { describe, expect, it } from 'vitest'
import { attachmentLinks, fileNameOf, reportAttachments } from '../../scripts/fetch/attachments'
import { pageText } from '../../scripts/fetch/inspect'
import { encodeGb18030 } from '../fixtures/gb18030'

const PAGE = 'http://127.0.0.1:9/zwgk/2022/01/t20220120_1.html'

describe('attachmentLinks', () => {
  it('resolves relative, root-relative and <base> addresses; keeps office and PDF files only, once each', () => {
    const html = `<html><head><base href="http://127.0.0.1:9/files/"></head><body>
      <a href="a.docx">附件一</a> <a href="/up/b.PDF#page=2">b</a> <a href="c.html">页面</a>
      <a href="a.docx">again</a> <a href="javascript:void(0)">x.docx</a> <a href="mailto:x@y">m</a>
      <a href="/download?id=7&amp;file=%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.xlsx">下载</a></body></html>`
    expect(attachmentLinks(html, PAGE)).toEqual([
      { url: 'http://127.0.0.1:9/files/a.docx', text: '附件一', ext: 'docx' },
      { url: 'http://127.0.0.1:9/up/b.PDF', text: 'b', ext: 'pdf' },
      { url: 'http://127.0.0.1:9/download?id=7&file=%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.xlsx', text: '下载', ext: 'xlsx' },
    ])
    expect(fileNameOf('http://127.0.0.1:9/download?id=7&file=%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.xlsx')).toBe('年度报告.xlsx')
  })

  it('reads a GBK page as the parser decodes it: the link text is Chinese, not mojibake', () => {
    const bytes = encodeGb18030('<html><head><meta charset="gb2312"></head><body>附件：<a href="/u/1.doc">示范区某镇2020年政府信息公开工作年度报告</a></body></html>')
    const links = attachmentLinks(pageText(bytes), PAGE)
    expect(links).toEqual([{ url: 'http://127.0.0.1:9/u/1.doc', text: '示范区某镇2020年政府信息公开工作年度报告', ext: 'doc' }])
    expect(reportAttachments(links, false)).toEqual(links)
  })

  it('takes the link text, or the title when the link has no text (an icon)', () => {
    const html = `<a href="../up/x.wps" title="某镇2021年政府信息公开工作年度报告"><img src="i.png"></a>`
    expect(attachmentLinks(html, PAGE)).toEqual([{ url: 'http://127.0.0.1:9/zwgk/2022/up/x.wps', text: '某镇2021年政府信息公开工作年度报告', ext: 'wps' }])
  })
})

describe('reportAttachments', () => {
  const named = { url: 'http://h/u/1.doc', text: '2021年度报告', ext: 'doc' }
  const byFileName = { url: 'http://h/u/%E5%B9%B4%E6%8A%A5.pdf', text: '下载', ext: 'pdf' }
  const other = { url: 'http://h/u/table.xls', text: '附件2', ext: 'xls' }

  it('takes every attachment named like a report, by text or file name, whether or not the page holds tables', () => {
    expect(reportAttachments([named, other, byFileName], true)).toEqual([named, byFileName])
    expect(reportAttachments([named, other], false)).toEqual([named])
  })

  it('takes an unnamed attachment only when it is the only one and the page holds no report tables', () => {
    expect(reportAttachments([other], false)).toEqual([other])
    expect(reportAttachments([other], true)).toEqual([])
    expect(reportAttachments([other, { ...other, url: 'http://h/u/t2.xls' }], false)).toEqual([])
  })
})
