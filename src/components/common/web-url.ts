/**
 * A source_url is report data (untrusted): only a web address (http/https) becomes a link, so a
 * `javascript:` or `data:` value is never clickable. Returns the address, or null.
 */
export function webUrl(u: string | null | undefined): string | null {
  return u && /^https?:\/\//i.test(u) ? u : null
}
