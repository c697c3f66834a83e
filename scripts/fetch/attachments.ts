import { Parser } from 'htmlparser2'
import { extOf } from '~/util/file-name'

/**
 * Which links of a report page are the report itself as an attachment. Government CMS pages often
 * publish the annual report as a .docx/.pdf linked under a one-line page ("附件：XX镇2021年政府信息
 * 公开工作年度报告.docx"). A link is taken when it points at an office or PDF file and its text or
 * file name reads like an annual report; when none does, the page's only attachment is taken, but
 * only if the page itself holds no report tables (otherwise the page is the report).
 */

/** File extensions a report attachment may have. */
export const ATTACHMENT_EXTS = ['pdf', 'docx', 'doc', 'xls', 'xlsx', 'wps'] as const

/** Words that make a link's text or file name read like the annual report. */
const REPORT_WORDS = /年度报告|年报|政府信息公开|政务公开|信息公开工作/

export interface PageLink {
  /** Absolute address. */
  url: string
  /** The link's text, whitespace collapsed. */
  text: string
  /** Lower-case extension of the file the link points at. */
  ext: string
}

/** Every link of the page to an attachment file (deduplicated by address, in page order). */
export function attachmentLinks(html: string, pageUrl: string): PageLink[] {
  let base = pageUrl
  const links: PageLink[] = []
  const seen = new Set<string>()
  let open: { href: string; text: string; title: string } | null = null
  const finish = () => {
    if (!open) return
    const url = resolve(open.href, base)
    const text = (open.text || open.title).replace(/\s+/g, ' ').trim()
    open = null
    if (!url || seen.has(url)) return
    const ext = extOfUrl(url) ?? extOfName(text)
    if (!ext) return
    seen.add(url)
    links.push({ url, text, ext })
  }
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'base' && attribs.href) base = resolve(attribs.href, pageUrl) ?? base
        if (name === 'a') {
          finish()
          if (attribs.href) open = { href: attribs.href, text: '', title: attribs.title ?? '' }
        }
      },
      ontext(text) {
        if (open) open.text += text
      },
      onclosetag(name) {
        if (name === 'a') finish()
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
  finish()
  return links
}

/**
 * The attachments to fetch as the page's report: those named like a report; else, when the page
 * holds no report tables, its only attachment. Empty when neither applies.
 */
export function reportAttachments(links: readonly PageLink[], pageHoldsReport: boolean): PageLink[] {
  const named = links.filter((l) => REPORT_WORDS.test(l.text) || REPORT_WORDS.test(fileNameOf(l.url)))
  if (named.length > 0) return named
  return !pageHoldsReport && links.length === 1 ? [...links] : []
}

function resolve(href: string, base: string): string | null {
  const h = href.trim()
  if (!h || /^(?:javascript|mailto|tel|data):/i.test(h) || h.startsWith('#')) return null
  try {
    const u = new URL(h, base)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
    u.hash = ''
    return u.href
  } catch {
    return null
  }
}

/** The decoded last path segment (or a `file=`-style query value naming a file) of an address. */
export function fileNameOf(url: string): string {
  const u = new URL(url)
  const last = u.pathname.slice(u.pathname.lastIndexOf('/') + 1)
  const named = [...u.searchParams.values()].find((v) => extOfName(v) !== null)
  const pick = extOfName(safeDecode(last)) !== null || !named ? last : named
  return safeDecode(pick)
}

function extOfUrl(url: string): string | null {
  return extOfName(fileNameOf(url))
}

/** The name's extension when it is one of the report attachment types, else null. */
function extOfName(name: string): string | null {
  const ext = extOf(name.trim()).toLowerCase()
  return (ATTACHMENT_EXTS as readonly string[]).includes(ext) ? ext : null
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
