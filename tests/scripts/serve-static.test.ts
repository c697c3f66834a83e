import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRange, startStaticServer, type StaticServer } from '../../scripts/serve-static'

let dir: string
let srv: StaticServer
const BODY = 'abcdefghijklmnopqrstuvwxyz'

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-static-'))
  mkdirSync(join(dir, 'data'))
  writeFileSync(join(dir, 'data', 'gov.duckdb'), BODY)
  writeFileSync(join(dir, 'index.html'), '<!doctype html>')
  writeFileSync(join(tmpdir(), 'outside-secret.txt'), 'secret')
  srv = await startStaticServer(dir)
})
afterAll(async () => {
  await srv.close()
  rmSync(dir, { recursive: true, force: true })
})

const get = (path: string, range?: string) => fetch(srv.url + path, { headers: range ? { Range: range } : {} })

describe('serve-static Range handling', () => {
  it('bytes=0-0 returns exactly the first byte', async () => {
    const r = await get('data/gov.duckdb', 'bytes=0-0')
    expect(r.status).toBe(206)
    expect(r.headers.get('content-range')).toBe(`bytes 0-0/${BODY.length}`)
    expect(await r.text()).toBe('a')
  })
  it('a suffix range returns the last bytes', async () => {
    const r = await get('data/gov.duckdb', 'bytes=-4')
    expect(r.status).toBe(206)
    expect(r.headers.get('content-range')).toBe('bytes 22-25/26')
    expect(await r.text()).toBe('wxyz')
  })
  it('open-ended and clipped ranges', async () => {
    expect(await (await get('data/gov.duckdb', 'bytes=20-')).text()).toBe('uvwxyz')
    expect(await (await get('data/gov.duckdb', 'bytes=24-999')).text()).toBe('yz')
  })
  it('416 beyond the end; 200 with the whole file without a Range', async () => {
    const r = await get('data/gov.duckdb', 'bytes=26-30')
    expect(r.status).toBe(416)
    expect(r.headers.get('content-range')).toBe('bytes */26')
    const full = await get('data/gov.duckdb')
    expect(full.status).toBe(200)
    expect(full.headers.get('accept-ranges')).toBe('bytes')
    expect(await full.text()).toBe(BODY)
  })
  it('serves index.html for / and refuses paths outside the root', async () => {
    expect((await get('')).headers.get('content-type')).toMatch(/text\/html/)
    expect((await get('..%2Foutside-secret.txt')).status).toBe(404)
    expect((await get('missing.js')).status).toBe(404)
  })
  it('parseRange ignores multi-range and malformed headers', () => {
    expect(parseRange('bytes=0-1,3-4', 10)).toBeNull()
    expect(parseRange('items=0-1', 10)).toBeNull()
    expect(parseRange('bytes=-0', 10)).toBe('unsatisfiable')
  })
})
