import type { MarkupElement } from './markup-tree'
import type { PageMeta } from './doc'

/**
 * The page's own address and publication date as its HTML head states them: `<link rel=canonical>`
 * or `og:url`, and the date metas government site systems write (`PubDate`, `publishdate`,
 * `article:published_time`, …). Only the first 2,000 elements are looked at (the head).
 */
export function htmlPageMeta(root: MarkupElement): PageMeta {
  const meta: PageMeta = {}
  const stack: MarkupElement[] = [root]
  let seen = 0
  while (stack.length > 0 && seen++ < 2000) {
    const el = stack.pop()!
    if (el.name === 'link' && /\bcanonical\b/i.test(el.attribs['rel'] ?? '')) meta.source_url ??= url(el.attribs['href'])
    if (el.name === 'meta') {
      const key = (el.attribs['name'] ?? el.attribs['property'] ?? el.attribs['itemprop'] ?? '').toLowerCase()
      const content = el.attribs['content'] ?? ''
      if (key === 'og:url') meta.source_url ??= url(content)
      if (DATE_KEYS.has(key)) meta.published_at ??= isoDate(content)
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const child = el.children[i]!
      if (typeof child !== 'string') stack.push(child)
    }
  }
  return meta
}

const DATE_KEYS = new Set(['pubdate', 'publishdate', 'publish_date', 'firstpublishedtime', 'article:published_time', 'datepublished', 'dc.date', 'dcterms.issued'])

function url(raw: string | undefined): string | undefined {
  const u = raw?.trim()
  return u && /^https?:\/\/\S+$/i.test(u) ? u : undefined
}

function isoDate(raw: string): string | undefined {
  const m = /((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(raw)
  if (!m) return undefined
  const month = Number(m[2])
  const day = Number(m[3])
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
