/**
 * A small static file server for the built site (dist/) that answers HTTP Range requests correctly
 * — `bytes=0-0` returns one byte, `bytes=-N` the last N bytes — which `vite preview` and sirv get
 * wrong (stack-notes.md), and which DuckDB-WASM's HTTP reads rely on. Used by the e2e tests and the
 * UI benchmark; also runnable: `tsx scripts/serve-static.ts [root=dist] [port=4173]`.
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

function handle(root: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end()
    return
  }
  const file = resolveFile(root, req.url ?? '/')
  let size: number
  try {
    const st = file ? statSync(file) : null
    if (!st?.isFile()) throw new Error('not a file')
    size = st.size
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  const headers: Record<string, string | number> = {
    'Content-Type': TYPES[extname(file!).toLowerCase()] ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-cache',
  }
  const range = parseRange(req.headers.range, size)
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end()
    return
  }
  const { start, end } = range ?? { start: 0, end: size - 1 }
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`
  headers['Content-Length'] = size === 0 ? 0 : end - start + 1
  res.writeHead(range ? 206 : 200, headers)
  if (req.method === 'HEAD' || size === 0) {
    res.end()
    return
  }
  createReadStream(file!, { start, end }).pipe(res)
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
