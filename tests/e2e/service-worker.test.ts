/**
 * The service worker (src/sw.ts) in Chromium: a first visit installs it and precaches the engine and
 * the data; a visit with the server down starts from that cache; a new build with changed data
 * replaces the old one (the page shows the new data after the update, and the old entries are
 * gone); Range reads of the opening district's database through the worker return the asked bytes.
 *
 * Build A is the harness's build; build B is the same code with changed data (a district renamed in
 * index.json and in its database file), built into its own folder and served on the same origin, as a
 * redeploy would be.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createHash } from 'node:crypto'
import { DuckDBInstance } from '@duckdb/node-api'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStaticServer, type StaticServer } from '../../scripts/serve-static'
import { buildSite, CHROMIUM, CHROMIUM_ARGS, E2E_DIST } from './harness'

const ROOT = resolve(import.meta.dirname, '../..')
const NAME_A = '平潭综合实验区'
const NAME_B = '平潭综合实验区（新版数据）'
/** The database file of the district the dashboard opens on (index.json's first): the only one precached. */
const FIRST_DB = 'data/db/pingtan.duckdb'

let distA: string
let distB: string
let publicB: string
let profile: string
let context: BrowserContext
let server: StaticServer | undefined
let port = 0
const foreign: string[] = []

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

/**
 * Build B: build A's public folder (the data the harness built from data/, never the checkout's
 * public/, which a clean clone does not have) copied, the first district renamed in index.json and
 * in the database, then a real site build.
 */
async function buildB(): Promise<void> {
  publicB = mkdtempSync(join(tmpdir(), 'sw-public-b-'))
  cpSync(`${distA}.public`, publicB, { recursive: true })
  const indexFile = join(publicB, 'data', 'index.json')
  writeFileSync(indexFile, readFileSync(indexFile, 'utf8').replace(`"name": "${NAME_A}"`, `"name": "${NAME_B}"`))
  const db = await DuckDBInstance.create(join(publicB, FIRST_DB))
  const conn = await db.connect()
  await conn.run(`UPDATE districts SET name = '${NAME_B}' WHERE district = 'pingtan'`)
  await conn.run('CHECKPOINT')
  conn.closeSync()
  db.closeSync()
  distB = `${E2E_DIST}-sw-b`
  // Vite's API, so only publicDir differs from the site build (the config, the worker, the precompression are the same).
  const script = `import { build } from 'vite'; await build({ publicDir: ${JSON.stringify(publicB)}, build: { outDir: ${JSON.stringify(distB)}, emptyOutDir: true }, logLevel: 'error' })`
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } })
}

async function serve(dist: string): Promise<void> {
  await server?.close()
  server = await startStaticServer(dist, port)
  port = Number(new URL(server.url).port)
}

async function stopServer(): Promise<void> {
  await server?.close()
  server = undefined
}

const url = (path = '') => `http://127.0.0.1:${port}/${path}`

/** Wait until the page is controlled by an active worker that has finished precaching (a loop in the page: the check is async). */
async function waitControlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const deadline = Date.now() + 120_000
    for (;;) {
      const reg = await navigator.serviceWorker.getRegistration()
      if (navigator.serviceWorker.controller && reg?.active?.state === 'activated' && !reg.installing && !reg.waiting) return
      if (Date.now() > deadline) throw new Error('no active service worker after 120 s')
      await new Promise((r) => setTimeout(r, 250))
    }
  })
}

/** Precache entries (URL path without the revision parameter) and the bytes of one of them. */
async function precache(page: Page, path: string): Promise<{ urls: string[]; bodySha: string | null }> {
  const got = await page.evaluate(async (want) => {
    const urls: string[] = []
    let body: number[] | null = null
    for (const name of await caches.keys()) {
      const cache = await caches.open(name)
      for (const req of await cache.keys()) {
        const u = new URL(req.url)
        urls.push(u.pathname.slice(1))
        if (u.pathname.slice(1) === want) body = [...new Uint8Array(await (await cache.match(req))!.arrayBuffer())]
      }
    }
    return { urls, body }
  }, path)
  return { urls: got.urls, bodySha: got.body ? sha(Uint8Array.from(got.body)) : null }
}

async function openPage(path = '#/'): Promise<Page> {
  const page = await context.newPage()
  page.on('pageerror', (e) => foreign.push(`pageerror: ${e.message}`))
  await page.goto(url(path))
  return page
}

const districtShown = (page: Page, name: string, timeout = 60_000) =>
  page.waitForFunction((n) => [...document.querySelectorAll('input')].some((i) => i.value === n) || document.body.innerText.includes(n), name, { timeout })

beforeAll(async () => {
  distA = buildSite(E2E_DIST)
  await buildB()
  profile = mkdtempSync(join(tmpdir(), 'sw-profile-'))
  // One profile for every visit, like one person's browser; service workers allowed.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1360, height: 900 }, locale: 'zh-CN', serviceWorkers: 'allow',
  })
  // Every request of the pages and of the worker: none may go to another host.
  context.on('request', (r) => {
    const u = r.url()
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).host !== `127.0.0.1:${port}`) foreign.push(u)
  })
  await serve(distA)
}, 600_000) // two site builds: slow on a loaded machine

afterAll(async () => {
  await context?.close()
  await stopServer()
  for (const d of [profile, publicB, distB]) if (d) rmSync(d, { recursive: true, force: true })
})

describe('service worker', () => {
  it('a first visit installs it and precaches the app, the eh engine and the data — not the mvp engine nor the downloads', async () => {
    const page = await openPage()
    await page.waitForSelector('html[data-engine="ready"]', { timeout: 120_000 })
    await waitControlled(page)
    const { urls, bodySha } = await precache(page, FIRST_DB)
    expect(urls).toContain('index.html')
    expect(urls.some((u) => /^assets\/duckdb-eh-.+\.wasm$/.test(u))).toBe(true)
    expect(urls.some((u) => /^assets\/duckdb-browser-eh\.worker-.+\.js$/.test(u))).toBe(true)
    expect(urls).toContain('data/index.json')
    expect(urls.some((u) => /^data\/summary\/.+\.json$/.test(u))).toBe(true)
    expect(urls.some((u) => /mvp/.test(u) || u.startsWith('data/open/') || /\.(br|gz)$/.test(u))).toBe(false)
    expect(bodySha).toBe(sha(readFileSync(join(distA, FIRST_DB))))
    // Only the opening district's database: not the other districts', not the all-district gov.duckdb.
    expect(urls.filter((u) => u.endsWith('.duckdb'))).toEqual([FIRST_DB])
    await page.close()
    expect(foreign).toEqual([])
  })

  it('Range requests through the worker get the asked bytes of the identity file (206)', async () => {
    const page = await openPage()
    await waitControlled(page)
    const r = await page.evaluate(async (file) => {
      const res = await fetch(file, { headers: { Range: 'bytes=100-199' } })
      // DuckDB-WASM's size probe before range reads: HEAD with an open range, answered 206 with the whole size.
      const head = await fetch(file, { method: 'HEAD', headers: { Range: 'bytes=0-' } })
      return {
        status: res.status, range: res.headers.get('content-range'), body: [...new Uint8Array(await res.arrayBuffer())],
        head: { status: head.status, length: head.headers.get('content-length') },
      }
    }, FIRST_DB)
    const file = readFileSync(join(distA, FIRST_DB))
    expect(r.head).toEqual({ status: 206, length: String(file.length) })
    expect(r.status).toBe(206)
    expect(r.range).toBe(`bytes 100-199/${file.length}`)
    expect(Buffer.from(r.body)).toEqual(file.subarray(100, 200))
    await page.close()
  })

  it('with the server down, a second visit starts from the cache (engine ready, charts drawn), also with range reads', async () => {
    await stopServer()
    for (const path of ['#/', '?dbread=url#/']) {
      const page = await openPage(path)
      await page.waitForSelector('html[data-first-chart="1"]', { timeout: 60_000 })
      await page.waitForSelector('html[data-engine="ready"]', { timeout: 120_000 })
      await districtShown(page, NAME_A)
      await page.close()
    }
    expect(foreign).toEqual([])
  })

  it('a new build with changed data replaces the old one: the page shows the new data after the update, old entries are gone', async () => {
    await serve(distB)
    const page = await openPage()
    // Served first by build A's worker; the browser finds build B's worker, which takes over and reloads the page.
    await districtShown(page, NAME_B, 120_000)
    await waitControlled(page)
    await page.waitForSelector('html[data-engine="ready"]', { timeout: 120_000 })
    const { urls, bodySha } = await precache(page, FIRST_DB)
    expect(bodySha).toBe(sha(readFileSync(join(distB, FIRST_DB))))
    expect(urls.filter((u) => u === FIRST_DB)).toHaveLength(1)
    const idx = await page.evaluate(async () => (await (await caches.match('data/index.json', { ignoreSearch: true }))!.text()))
    expect(idx).toContain(NAME_B)
    await page.close()
  })

  it('after the update, an offline visit shows the new data', async () => {
    await stopServer()
    const page = await openPage()
    await page.waitForSelector('html[data-engine="ready"]', { timeout: 120_000 })
    await districtShown(page, NAME_B)
    expect(await page.evaluate(() => document.body.innerText.includes('平潭综合实验区（新版数据）') || [...document.querySelectorAll('input')].some((i) => i.value.includes('新版数据')))).toBe(true)
    await page.close()
    expect(foreign).toEqual([])
  })
})
