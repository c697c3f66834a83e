import { mkdtempSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressDir } from '../../scripts/precompress'
import { acceptedEncodings, IMMUTABLE, startStaticServer, type StaticServer } from '../../scripts/serve-static'

let dir: string
let srv: StaticServer
// Compressible and above the precompress threshold; every byte position distinct enough to check ranges.
const DB = Buffer.from(Array.from({ length: 4000 }, (_, i) => `page ${i % 97};`).join(''))
const JS = Buffer.from(`export const x = ${JSON.stringify('统计'.repeat(2000))};\n`)

interface Got { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** A raw GET/HEAD (node:http, so nothing decodes the body behind the test's back). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Got> {
  return new Promise((ok, fail) => {
    const req = request(srv.url + path, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', fail)
    req.end()
  })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-enc-'))
  mkdirSync(join(dir, 'data'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'data', 'gov.duckdb'), DB)
  writeFileSync(join(dir, 'data', 'tiny.json'), '{"a":1}')
  writeFileSync(join(dir, 'assets', 'index-Ab3_x-9Z.js'), JS)
  writeFileSync(join(dir, 'assets', 'logo.svg'), '<svg/>')
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>')
  const r = await precompressDir(dir, { cacheDir: null })
  expect(r.files).toEqual(['assets/index-Ab3_x-9Z.js', 'data/gov.duckdb'])
  srv = await startStaticServer(dir)
})
afterAll(async () => {
  await srv.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('precompressed files', () => {
  it('precompress writes .br and .gz that decode to the file, and skips small files', () => {
    expect(brotliDecompressSync(readFileSync(join(dir, 'data', 'gov.duckdb.br')))).toEqual(DB)
    expect(gunzipSync(readFileSync(join(dir, 'data', 'gov.duckdb.gz')))).toEqual(DB)
    expect(() => readFileSync(join(dir, 'data', 'tiny.json.br'))).toThrow()
  })

  it('sends Brotli to a client that accepts it, with Content-Encoding and Vary', async () => {
    const r = await get('data/gov.duckdb', { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(r.status).toBe(200)
    expect(r.headers['content-encoding']).toBe('br')
    expect(r.headers.vary).toBe('Accept-Encoding')
    expect(Number(r.headers['content-length'])).toBe(r.body.length)
    expect(r.body.length).toBeLessThan(DB.length / 2)
    expect(brotliDecompressSync(r.body)).toEqual(DB)
  })

  it('sends gzip when Brotli is not accepted or refused with q=0, and the file itself when neither is', async () => {
    const g = await get('data/gov.duckdb', { 'Accept-Encoding': 'gzip' })
    expect(g.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(g.body)).toEqual(DB)
    const q0 = await get('data/gov.duckdb', { 'Accept-Encoding': 'br;q=0, gzip' })
    expect(q0.headers['content-encoding']).toBe('gzip')
    const plain = await get('data/gov.duckdb')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toBe('Accept-Encoding')
    expect(plain.body).toEqual(DB)
  })

  it('serves a Range request from the file itself, never from a compressed copy', async () => {
    const r = await get('data/gov.duckdb', { 'Accept-Encoding': 'br, gzip', Range: 'bytes=100-199' })
    expect(r.status).toBe(206)
    expect(r.headers['content-encoding']).toBeUndefined()
    expect(r.headers['content-range']).toBe(`bytes 100-199/${DB.length}`)
    expect(r.body).toEqual(DB.subarray(100, 200))
    const suffix = await get('data/gov.duckdb', { 'Accept-Encoding': 'br', Range: 'bytes=-10' })
    expect(suffix.body).toEqual(DB.subarray(DB.length - 10))
    const head = await get('data/gov.duckdb', { 'Accept-Encoding': 'br', Range: 'bytes=0-0' }, 'HEAD')
    expect(head.status).toBe(206)
    expect(head.headers['content-length']).toBe('1')
    expect(head.headers['content-encoding']).toBeUndefined()
    // The engine's size probe (src/db/wasm.ts): HEAD with an open range gives the file's own size, not the Brotli copy's.
    const probe = await get('data/gov.duckdb', { 'Accept-Encoding': 'br', Range: 'bytes=0-' }, 'HEAD')
    expect(probe.status).toBe(206)
    expect(probe.headers['content-length']).toBe(String(DB.length))
  })

  it('HEAD gives the headers of the GET it stands for', async () => {
    const h = await get('data/gov.duckdb', { 'Accept-Encoding': 'br' }, 'HEAD')
    const g = await get('data/gov.duckdb', { 'Accept-Encoding': 'br' })
    expect(h.body.length).toBe(0)
    expect(h.headers['content-length']).toBe(g.headers['content-length'])
    expect(h.headers['content-encoding']).toBe('br')
  })

  it('a compressed copy older than its file (replaced by hand) is not sent', async () => {
    const stale = join(dir, 'data', 'stale.json')
    const body = Buffer.from(JSON.stringify({ v: 'new'.repeat(1000) }))
    writeFileSync(`${stale}.br`, Buffer.from('old bytes'))
    utimesSync(`${stale}.br`, new Date(2000, 0, 1), new Date(2000, 0, 1))
    writeFileSync(stale, body)
    const r = await get('data/stale.json', { 'Accept-Encoding': 'br' })
    expect(r.headers['content-encoding']).toBeUndefined()
    expect(r.body).toEqual(body)
  })
})

describe('caching headers', () => {
  it('hashed assets are immutable for a year; data, index.html and unhashed files are no-cache', async () => {
    expect((await get('assets/index-Ab3_x-9Z.js')).headers['cache-control']).toBe(IMMUTABLE)
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable')
    for (const p of ['', 'index.html', 'data/gov.duckdb', 'data/tiny.json', 'assets/logo.svg']) {
      expect((await get(p)).headers['cache-control'], p).toBe('no-cache')
    }
  })

  it('an ETag per encoding; If-None-Match answers 304 without a body', async () => {
    const br = await get('data/gov.duckdb', { 'Accept-Encoding': 'br' })
    const plain = await get('data/gov.duckdb')
    const etag = br.headers.etag as string
    expect(etag).toMatch(/^".+-br"$/)
    expect(plain.headers.etag).not.toBe(etag)
    const again = await get('data/gov.duckdb', { 'Accept-Encoding': 'br', 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(again.headers.etag).toBe(etag)
    // The Brotli tag does not validate the gzip representation.
    expect((await get('data/gov.duckdb', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag })).status).toBe(200)
    expect((await get('index.html', { 'If-None-Match': `W/${(await get('index.html')).headers.etag as string}` })).status).toBe(304)
  })

  it('If-Range with an old validator sends the whole file instead of the range', async () => {
    const tag = (await get('data/gov.duckdb')).headers.etag as string
    const ok = await get('data/gov.duckdb', { Range: 'bytes=0-9', 'If-Range': tag })
    expect(ok.status).toBe(206)
    const changed = await get('data/gov.duckdb', { Range: 'bytes=0-9', 'If-Range': '"0-0"' })
    expect(changed.status).toBe(200)
    expect(changed.body).toEqual(DB)
  })
})

describe('acceptedEncodings', () => {
  it('reads q-values, the wildcard and case', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip'])
    expect(acceptedEncodings('GZIP;q=0.5')).toEqual(['gzip'])
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip'])
    expect(acceptedEncodings('*, br;q=0')).toEqual(['gzip'])
    expect(acceptedEncodings('identity')).toEqual([])
    expect(acceptedEncodings(undefined)).toEqual([])
  })
})
