/**
 * A small FICTIONAL district website for the fetch tests, served on 127.0.0.1 (node:http, port 0).
 * 示范区 and its units do not exist; the report pages reuse the parser's fictional fixtures
 * (tests/fixtures/html-pages.ts) and the .docx fixture with its unit renamed to a fictional one.
 *
 * Every page answers If-None-Match with 304 when its ETag (a content hash) matches. What each path
 * does is listed in SITE below; `site.edit()` changes a page (the third run's "changed remote file").
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { encodeGb18030 } from '../fixtures/gb18030'
import { html2019Page } from '../fixtures/html-pages'

const FIXTURES = join(import.meta.dirname, '../fixtures/reports')

/** The docx fixture (a real report's tables) with its unit renamed to the fictional 示范区白云镇. */
export function fictionalDocx(): Uint8Array {
  const files = unzipSync(readFileSync(join(FIXTURES, 'docx-sample.docx')))
  const xml = strFromU8(files['word/document.xml']!).replaceAll('呼兰区', '示范区').replaceAll('白奎镇', '白云镇').replaceAll('hulan.gov.cn', 'example.invalid')
  return zipSync({ ...files, 'word/document.xml': strToU8(xml) }, { mtime: new Date('2022-01-01T00:00:00Z') })
}

/** 河东街道's 2019 page (UTF-8, the report inline; it prints 发布时间：2020-01-20). */
function hedongPage(edited: boolean): string {
  const page = html2019Page()
  // The edit changes prose only, so the page still reads as the same report.
  return edited ? page.replace('下一步将加强培训。', '下一步将加强培训，并于年内完成整改。') : page
}

/** 河西街道's 2019 page in GBK, as older CMSs serve it. */
function hexiPageGbk(): Uint8Array {
  const html = html2019Page().replaceAll('河东街道', '河西街道').replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gbk">')
  return encodeGb18030(html)
}

/** 白云镇's 2021 page: no tables, one attachment (the report), a PubDate meta. */
function baiyunPage(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="PubDate" content="2022-01-20 09:30">
<title>示范区白云镇2021年政府信息公开工作年度报告（虚构）</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<h1>示范区白云镇2021年政府信息公开工作年度报告</h1>
<p>发布机构：白云镇人民政府（虚构单位，测试用）</p>
<p><a href="/upload/guide.html">政府信息公开指南</a></p>
<p>附件：<a href="../upload/2022/baiyun-2021.docx">示范区白云镇2021年政府信息公开工作年度报告.docx</a></p>
</body></html>`
}

/** A CMS error page served with status 200. */
const SOFT_404 = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 页面不存在</title></head><body><h1>404</h1><p>对不起，您访问的页面不存在或已被删除。</p><a href="/">返回首页</a></body></html>'

/** A text report for 财政局, from the text fixture with its unit renamed (fictional). */
function caizhengText(): string {
  return readFileSync(join(FIXTURES, 'text-docx-2021.txt'), 'utf8').replaceAll('呼兰区白奎镇', '示范区财政局').replaceAll('白奎镇', '财政局').replaceAll('我镇', '我局')
}

type Body = { body: Uint8Array | string; type: string }

export interface Site {
  url: string
  /** Requests seen per path (for assertions on retries and politeness). */
  hits: Map<string, number>
  /** User-Agent headers seen. */
  agents: Set<string>
  /** Change 河东街道's page (the remote file changed). */
  edit(): void
  close(): Promise<void>
}

export async function startSite(): Promise<Site> {
  let edited = false
  const hits = new Map<string, number>()
  const agents = new Set<string>()
  // Built before the server listens: the GB18030 table and the zip take a moment, and a request
  // must never wait on them (the tests' timeout is short).
  const fixed: Record<string, Body> = {
    '/zwgk/hexi-2019.html': { body: hexiPageGbk(), type: 'text/html; charset=gbk' },
    '/zwgk/baiyun-2021.html': { body: baiyunPage(), type: 'text/html; charset=utf-8' },
    '/upload/2022/baiyun-2021.docx': { body: fictionalDocx(), type: 'application/octet-stream' },
    '/zwgk/caizheng-2021.txt': { body: caizhengText(), type: 'text/plain; charset=utf-8' },
    '/zwgk/sifa-2021.html': { body: SOFT_404, type: 'text/html; charset=utf-8' },
  }
  const hedong = { unedited: hedongPage(false), edited: hedongPage(true) }
  const statics = (): Record<string, Body> => ({ ...fixed, '/zwgk/hedong-2019.html': { body: edited ? hedong.edited : hedong.unedited, type: 'text/html; charset=utf-8' } })
  const send = (req: IncomingMessage, res: ServerResponse, b: Body) => {
    const bytes = typeof b.body === 'string' ? Buffer.from(b.body, 'utf8') : Buffer.from(b.body)
    const etag = `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag })
      return void res.end()
    }
    res.writeHead(200, { 'content-type': b.type, 'content-length': bytes.length, etag, 'last-modified': 'Mon, 20 Jan 2020 01:00:00 GMT' })
    res.end(bytes)
  }
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const n = (hits.get(path) ?? 0) + 1
    hits.set(path, n)
    agents.add(String(req.headers['user-agent']))
    switch (path) {
      case '/old/hedong.htm': // moved: 301 to the page
        res.writeHead(301, { location: '/zwgk/hedong-2019.html' })
        return void res.end()
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' })
        return void res.end()
      case '/loop-b':
        res.writeHead(302, { location: '/loop-a' })
        return void res.end()
      case '/zwgk/jiaoyu-2021.html':
        res.writeHead(404, { 'content-type': 'text/html' })
        return void res.end('<h1>Not Found</h1>')
      case '/zwgk/caizheng-2021.txt': // fails once, then works (a retry gets it)
        if (n === 1) {
          res.writeHead(500, { 'content-type': 'text/plain' })
          return void res.end('Internal Server Error')
        }
        break
      case '/zwgk/weijian-2021.html': // never answers
        return
      case '/zwgk/minzheng-2021.html': // promises 5000 bytes, sends 100, drops the connection
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': 5000 })
        res.write('<html><body>' + 'x'.repeat(88))
        setTimeout(() => res.socket?.destroy(), 20)
        return
    }
    const b = statics()[path]
    if (!b) {
      res.writeHead(404)
      return void res.end()
    }
    send(req, res, b)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    agents,
    edit: () => void (edited = true),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}
