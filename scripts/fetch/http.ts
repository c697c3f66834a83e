/**
 * One polite GET: at most one request at a time per host with a pause between them, a timeout
 * covering headers and body, retries with exponential backoff on what may pass (timeouts, 5xx, 429,
 * dropped or refused connections) and never on what will not (404 and other 4xx), redirects
 * followed by hand so the final address is known and a loop is caught, and conditional headers
 * (If-None-Match / If-Modified-Since) so an unchanged file costs a 304. Never throws.
 */

/**
 * The project's User-Agent: who is asking and why, so a site's staff can tell us from a scraper.
 * ASCII only: fetch refuses header values outside Latin-1.
 */
export const USER_AGENT = 'gov-disclosure-dashboard-fetch/0.1 (repository gov-disclosure-dashboard; collects annual government information disclosure reports as open data; one request at a time per host)'

export interface HttpOptions {
  /** Pause between two requests to the same host, ms. */
  delayMs: number
  /** Per request (headers and body), ms. */
  timeoutMs: number
  /** Extra attempts after the first, for retryable failures. */
  retries: number
  /** First backoff pause, ms; doubled for each further attempt. */
  backoffMs: number
  /** Largest body accepted (a report over it is refused). */
  maxBytes: number
  maxRedirects: number
  userAgent: string
}

export const DEFAULT_HTTP: HttpOptions = {
  delayMs: 1000,
  timeoutMs: 30_000,
  retries: 3,
  backoffMs: 2000,
  maxBytes: 100 * 1024 * 1024,
  maxRedirects: 10,
  userAgent: USER_AGENT,
}

/** Validators of the stored copy, sent so an unchanged file is answered with 304. */
export interface Conditional {
  etag?: string
  lastModified?: string
}

export type HttpResult =
  | {
      ok: true
      /** 200, or 304 when the stored copy is current (then `body` is null). */
      status: number
      url: string
      finalUrl: string
      contentType: string
      etag: string
      lastModified: string
      body: Uint8Array | null
      attempts: number
    }
  | { ok: false; status: number | null; url: string; finalUrl: string; error: string; attempts: number }

/**
 * Serialises requests per host: each host has a queue, and a request starts no sooner than
 * `delayMs` after the previous one to that host ended.
 */
export class HostGate {
  private readonly tails = new Map<string, Promise<unknown>>()
  private readonly lastEnd = new Map<string, number>()

  constructor(private readonly delayMs: number) {}

  run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const host = new URL(url).host
    const prev = this.tails.get(host) ?? Promise.resolve()
    const next = prev.then(async () => {
      const wait = (this.lastEnd.get(host) ?? -Infinity) + this.delayMs - Date.now()
      if (wait > 0) await sleep(wait)
      try {
        return await task()
      } finally {
        this.lastEnd.set(host, Date.now())
      }
    })
    this.tails.set(host, next.catch(() => undefined))
    return next
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

type Attempt =
  | { kind: 'response'; status: number; finalUrl: string; headers: Headers; body: Uint8Array | null }
  | { kind: 'error'; status: number | null; finalUrl: string; error: string; retry: boolean }

/** GET `url` with retries; see the module comment. */
export async function politeGet(url: string, cond: Conditional, opts: HttpOptions, gate: HostGate): Promise<HttpResult> {
  let attempt: Attempt | null = null
  let n = 0
  for (; n <= opts.retries; n++) {
    if (n > 0) await sleep(opts.backoffMs * 2 ** (n - 1))
    attempt = await followRedirects(url, cond, opts, gate)
    if (attempt.kind === 'response') break
    if (!attempt.retry) break
  }
  const a = attempt!
  const attempts = Math.min(n + 1, opts.retries + 1)
  if (a.kind === 'error') return { ok: false, status: a.status, url, finalUrl: a.finalUrl, error: attempts > 1 ? `${a.error} (after ${attempts} attempts)` : a.error, attempts }
  const h = a.headers
  return {
    ok: true,
    status: a.status,
    url,
    finalUrl: a.finalUrl,
    contentType: h.get('content-type') ?? '',
    etag: h.get('etag') ?? '',
    lastModified: h.get('last-modified') ?? '',
    body: a.body,
    attempts,
  }
}

/** One attempt: the request and every redirect hop, each through the gate. */
async function followRedirects(url: string, cond: Conditional, opts: HttpOptions, gate: HostGate): Promise<Attempt> {
  const seen = new Set<string>()
  let current = url
  for (let hop = 0; ; hop++) {
    if (seen.has(current)) return { kind: 'error', status: null, finalUrl: current, error: `redirect loop (back to ${current})`, retry: false }
    if (hop > opts.maxRedirects) return { kind: 'error', status: null, finalUrl: current, error: `more than ${opts.maxRedirects} redirects`, retry: false }
    seen.add(current)
    const got = await gate.run(current, () => requestOnce(current, cond, opts))
    if (got.kind === 'error') return got
    if (got.status >= 300 && got.status < 400 && got.status !== 304) {
      const location = got.headers.get('location')
      if (!location) return { kind: 'error', status: got.status, finalUrl: current, error: `HTTP ${got.status} without a Location header`, retry: false }
      let next: URL
      try {
        next = new URL(location, current)
      } catch {
        return { kind: 'error', status: got.status, finalUrl: current, error: `HTTP ${got.status} to a bad address "${location.slice(0, 80)}"`, retry: false }
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return { kind: 'error', status: got.status, finalUrl: current, error: `redirect to a non-http address ${next.href.slice(0, 80)}`, retry: false }
      current = next.href
      continue
    }
    return got
  }
}

async function requestOnce(url: string, cond: Conditional, opts: HttpOptions): Promise<Attempt> {
  const headers: Record<string, string> = { 'user-agent': opts.userAgent, accept: '*/*' }
  if (cond.etag) headers['if-none-match'] = cond.etag
  if (cond.lastModified) headers['if-modified-since'] = cond.lastModified
  const signal = AbortSignal.timeout(opts.timeoutMs)
  try {
    const res = await fetch(url, { headers, redirect: 'manual', signal })
    const status = res.status
    if (status >= 300 && status < 400) {
      await res.body?.cancel().catch(() => undefined)
      return { kind: 'response', status, finalUrl: url, headers: res.headers, body: null }
    }
    if (status >= 400) {
      await res.body?.cancel().catch(() => undefined)
      const retry = status >= 500 || status === 429 || status === 408
      return { kind: 'error', status, finalUrl: url, error: `HTTP ${status}${res.statusText ? ` ${res.statusText}` : ''}`, retry }
    }
    const body = await readBody(res, opts.maxBytes)
    if (typeof body === 'string') return { kind: 'error', status, finalUrl: url, error: body, retry: false }
    return { kind: 'response', status, finalUrl: url, headers: res.headers, body }
  } catch (e) {
    return { kind: 'error', status: null, finalUrl: url, error: networkReason(e, opts.timeoutMs), retry: true }
  }
}

/** The body, or why it was refused (over the size limit); a dropped connection throws to the caller. */
async function readBody(res: Response, maxBytes: number): Promise<Uint8Array | string> {
  const declared = Number(res.headers.get('content-length') ?? NaN)
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined)
    return `the file is ${declared} bytes, more than the ${maxBytes}-byte limit`
  }
  if (!res.body) return new Uint8Array(0)
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of res.body) {
    total += chunk.byteLength
    if (total > maxBytes) {
      await res.body.cancel().catch(() => undefined)
      return `the file is more than the ${maxBytes}-byte limit`
    }
    chunks.push(chunk)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

/** A network failure in one line: timeout, refused, reset, dropped mid-body, DNS. */
function networkReason(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } }
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `timed out after ${timeoutMs} ms`
  const code = err?.cause?.code
  const cause = err?.cause?.message
  if (err?.message === 'terminated') return `the connection was dropped before the whole file arrived${cause ? ` (${cause})` : ''}`
  if (code === 'ECONNREFUSED') return 'connection refused'
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `the connection was reset${cause ? ` (${cause})` : ''}`
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host not found (${code})`
  return `network error: ${[err?.message, cause].filter(Boolean).join(': ') || String(e)}`
}
