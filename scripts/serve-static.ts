/**
 * A small static file server for the built site (dist/), also runnable:
 * `tsx scripts/serve-static.ts [root=dist] [port=4173]`. Used by the e2e tests and the UI benchmark.
 * - HTTP Range requests answered correctly — `bytes=0-0` returns one byte, `bytes=-N` the last N
 *   bytes — which `vite preview` and sirv get wrong (docs/stack-notes.md) and which DuckDB-WASM's
 *   HTTP reads rely on. A Range request is always served from the file itself, never a compressed copy.
 * - The build's precompressed copies (`<file>.br`, `<file>.gz`, scripts/precompress.ts) sent with
 *   `Content-Encoding` and `Vary: Accept-Encoding` to clients that accept them.
 * - Hashed assets (`/assets/<name>-<hash>.<ext>`) cached for a year as immutable; everything else
 *   `no-cache` with an ETag, so a repeat visit revalidates with a 304.
 * docs/deploy.md gives the same setup for nginx and a CDN.
 */
import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.map': 'application/json; charset=utf-8', '.parquet': 'application/vnd.apache.parquet',
  '.duckdb': 'application/octet-stream',
}

/** A parsed single byte range, inclusive; `unsatisfiable` when it lies beyond the file. */
export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null

/**
 * Parse a Range header for a file of `size` bytes (RFC 9110 §14.1.2). Returns null when the header
 * is absent, malformed or asks for several ranges (then the whole file is sent with 200, which the
 * RFC allows).
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  const m = header?.trim().match(/^bytes=(\d*)-(\d*)$/)
  if (!m || (m[1] === '' && m[2] === '')) return null
  if (m[1] === '') {
    const suffix = Number(m[2])
    if (suffix === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(m[1])
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (start >= size || end < start) return 'unsatisfiable'
  return { start, end }
}

function resolveFile(root: string, urlPath: string): string | null {
  let path: string
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!)
  } catch {
    return null
  }
  const file = resolve(join(root, path.endsWith('/') ? `${path}index.html` : path))
  return file === root || file.startsWith(root + sep) ? file : null
}

/** Cache-Control of Vite's hashed output (`assets/<name>-<8-char hash>.<ext>`): its name changes with its bytes. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
const HASHED_ASSET = /^\/assets\/[^/]+-[\w-]{8}\.[a-z0-9]+$/i

/**
 * The encodings the client accepts, best first: Brotli, then gzip (RFC 9110 §12.5.3; `q=0` refuses).
 * Only these two: they are what the build writes beside large files (scripts/precompress.ts).
 */
export function acceptedEncodings(header: string | undefined): ('br' | 'gzip')[] {
  const q = new Map<string, number>()
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    if (!name) continue
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    q.set(name.trim(), qp ? Number(qp.slice(2)) || 0 : 1)
  }
  const star = q.get('*') ?? 0
  const ok = (e: string) => (q.get(e) ?? star) > 0
  return (['br', 'gzip'] as const).filter(ok)
}

/** Does `If-None-Match` (a list of entity tags, or `*`) match `etag`? Weak comparison, as for GET (RFC 9110 §13.1.2). */
function etagMatches(header: string, etag: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, '')
  return header.trim() === '*' || header.split(',').some((t) => bare(t) === bare(etag))
}

interface Representation {
  file: string
  size: number
  mtimeMs: number
  encoding: 'br' | 'gzip' | null
}

function statFile(file: string): { size: number; mtimeMs: number } | null {
  try {
    const st = statSync(file)
    return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : null
  } catch {
    return null
  }
}

/**
 * The file to send: `<file>.br` or `<file>.gz` when the client accepts it and it is not older than
 * the file itself (a file replaced by hand after the build must not be shadowed by a stale copy);
 * the file as it is otherwise. A Range request always gets the file as it is: byte offsets are
 * offsets into the identity bytes (DuckDB-WASM reads pages of gov.duckdb that way), never into a
 * compressed stream.
 */
function representation(file: string, identity: { size: number; mtimeMs: number }, req: IncomingMessage): Representation {
  if (req.headers.range === undefined) {
    for (const enc of acceptedEncodings(req.headers['accept-encoding'])) {
      const st = statFile(`${file}.${enc === 'br' ? 'br' : 'gz'}`)
      if (st && st.mtimeMs >= identity.mtimeMs) return { file: `${file}.${enc === 'br' ? 'br' : 'gz'}`, ...st, encoding: enc }
    }
  }
  return { file, ...identity, encoding: null }
}

/** A strong validator per representation: the identity file's size and time, plus the encoding. */
function etagOf(identity: { size: number; mtimeMs: number }, encoding: string | null): string {
  return `"${identity.size.toString(16)}-${Math.round(identity.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`
}

function handle(root: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end()
    return
  }
  const file = resolveFile(root, req.url ?? '/')
  const identity = file ? statFile(file) : null
  if (!file || !identity) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  const urlPath = '/' + file.slice(root.length + 1).split(sep).join('/')
  const rep = representation(file, identity, req)
  const etag = etagOf(identity, rep.encoding)
  const headers: Record<string, string | number> = {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    // Hashed assets never change under their name; everything else (index.html, sw.js, data/) is
    // revalidated on every use, which the ETag makes a 304 of a few bytes when nothing changed.
    'Cache-Control': HASHED_ASSET.test(urlPath) ? IMMUTABLE : 'no-cache',
    // The answer depends on Accept-Encoding: caches between must keep the encodings apart.
    Vary: 'Accept-Encoding',
    ETag: etag,
  }
  if (rep.encoding) headers['Content-Encoding'] = rep.encoding
  const inm = req.headers['if-none-match']
  if (inm !== undefined && etagMatches(inm, etag)) {
    res.writeHead(304, headers).end()
    return
  }
  // If-Range with another validator: the file changed since the client's first part, send it whole.
  const ifRange = req.headers['if-range']
  const rangeHeader = ifRange === undefined || String(ifRange).trim() === etagOf(identity, null) ? req.headers.range : undefined
  const range = rep.encoding ? null : parseRange(rangeHeader, rep.size)
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${rep.size}` }).end()
    return
  }
  const { start, end } = range ?? { start: 0, end: rep.size - 1 }
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${rep.size}`
  headers['Content-Length'] = rep.size === 0 ? 0 : end - start + 1
  res.writeHead(range ? 206 : 200, headers)
  if (req.method === 'HEAD' || rep.size === 0) {
    res.end()
    return
  }
  createReadStream(rep.file, { start, end }).pipe(res)
}

/** A running server: its base URL (ending in /) and a close function. */
export interface StaticServer {
  url: string
  server: Server
  close(): Promise<void>
}

/** Serve `root` on 127.0.0.1 (`port` 0 = any free port). */
export function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const absRoot = resolve(root)
  const server = createServer((req, res) => handle(absRoot, req, res))
  return new Promise((ok, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address()
      const p = typeof addr === 'object' && addr ? addr.port : port
      ok({
        url: `http://127.0.0.1:${p}/`,
        server,
        close: () => new Promise((done) => {
          server.closeAllConnections()
          server.close(() => done())
        }),
      })
    })
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [root = 'dist', port = '4173'] = process.argv.slice(2)
  startStaticServer(root, Number(port)).then(
    (s) => console.log(`Serving ${resolve(root)} at ${s.url}`),
    (err: unknown) => {
      console.error(`serve-static: ${err instanceof Error ? err.message : String(err)}`)
      process.exit(1)
    },
  )
}
