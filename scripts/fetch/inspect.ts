import { decodeBytes } from '~/report/parse/decode'
import { htmlToDoc } from '~/report/parse/html'
import { parseReportAsync } from '~/report/parse/index'
import { readPreamble } from '~/report/parse/meta'

/**
 * What a fetched file is, read with the project's own parser: whether it is a report at all
 * (an HTML "页面不存在" page served with status 200 is not), whether a page holds the report's
 * tables itself, and what date a page's metadata gives for its publication.
 */
export interface Inspection {
  /** The parser read it as an annual report. */
  report: boolean
  /** Table cells the parser located (0: the page holds no report tables). */
  cells: number
  unit: string | null
  year: number | null
  /** Why it is not a report (the parser's one line), when it is not. */
  reason: string | null
}

export async function inspectFile(bytes: Uint8Array, fileName: string): Promise<Inspection> {
  const out = await parseReportAsync(bytes, fileName)
  if (!out.ok) return { report: false, cells: 0, unit: null, year: null, reason: out.error_en.replace(`${fileName}: `, '') }
  const m = out.report.meta
  return { report: true, cells: Object.keys(out.report.cells).length, unit: m.unit, year: m.year, reason: null }
}

/** The page's text, decoded as the parser decodes (UTF-8, GBK/GB18030, UTF-16 by the bytes). */
export function pageText(bytes: Uint8Array): string {
  const d = decodeBytes(bytes)
  return d.ok ? d.text : ''
}

/**
 * The publication date a page states about itself — its head (PubDate-style metas) or its
 * 发布时间/发布日期 line — as the parser reads them, YYYY-MM-DD; '' when it states none.
 */
export function pageDate(html: string): string {
  const doc = htmlToDoc(html)
  if (doc.page?.published_at) return doc.page.published_at
  const text = doc.blocks.map((b) => (b.kind === 'para' ? b.text : b.rows.map((r) => r.join(' ')).join('\n'))).join('\n')
  return readPreamble(doc.blocks, text).published_at ?? ''
}
