/**
 * End-to-end harness: build the site once per test run, serve it with the Range-correct static
 * server on 127.0.0.1, and open pages in Debian's headless Chromium (fresh profile each launch).
 * Every page records console errors, page errors and requests to any other host; `expectClean()`
 * fails the test on any of them. Screenshots go to test-results/screenshots/ (git-ignored).
 *
 *   const e2e = await startE2E()              // beforeAll (hookTimeout covers the build)
 *   const p = await e2e.open('#/compare?year=2021')
 *   await p.waitForCharts()                   // every [data-chart] has data-rendered="1"
 *   await p.screenshot('compare')
 *   p.expectClean()
 *   await e2e.close()                         // afterAll
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { startStaticServer, type StaticServer } from '../../scripts/serve-static'
import { MISSING_MESSAGE_PREFIX } from '~/i18n/missing'

const ROOT = resolve(import.meta.dirname, '../..')
/**
 * Where the e2e build goes (inside the git-ignored .cache/), apart from the developer's dist/.
 * `E2E_DIST=…` gives a run its own build, so two test runs in one checkout do not rebuild each
 * other's site mid-test.
 */
export const E2E_DIST = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, '.cache', 'e2e-dist')
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots')

/** Chromium flags that work here as root without network (docs/stack-notes.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
]
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function run(args: string[]): void {
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } })
}

/**
 * Build the data from data/ and the site around it into E2E_DIST, once per vitest run: test files
 * run in worker processes of one vitest process, whose pid marks the build as current.
 *
 * The tests never use public/data (whatever an earlier `npm start` or a half-finished build left
 * there): the data is built into `<E2E_DIST>.public/data`, and that folder is the site's public
 * folder (tests/e2e/build-site.ts), so the service worker's precache list and the precompressed
 * copies are made from the same bytes the tests read.
 */
export function buildSite(outDir = E2E_DIST): string {
  const runId = process.env.E2E_RUN_ID ?? String(process.ppid)
  const stamp = join(outDir, '.e2e-run')
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === runId) return outDir
  const publicDir = `${outDir}.public`
  mkdirSync(publicDir, { recursive: true })
  run(['node_modules/tsx/dist/cli.mjs', 'scripts/build-data.ts', '--data', join(ROOT, 'data'), '--out', join(publicDir, 'data')])
  run(['node_modules/tsx/dist/cli.mjs', 'tests/e2e/build-site.ts', publicDir, outDir])
  writeFileSync(stamp, runId)
  return outDir
}

/** A page with its recorded problems. */
export interface TrackedPage {
  page: Page
  consoleErrors: string[]
  foreignRequests: string[]
  /** Wait until `<html data-first-chart="1">` (the first chart finished drawing). */
  waitForFirstChart(timeout?: number): Promise<void>
  /** Wait until `<html data-engine="ready">`; throws with the engine's error if it failed. */
  waitForEngine(timeout?: number): Promise<void>
  /** Wait until every chart on the page (or the given ids) has data-rendered="1". */
  waitForCharts(ids?: string[], timeout?: number): Promise<void>
  /** Save a full-page PNG to test-results/screenshots/<name>.png. */
  screenshot(name: string): Promise<string>
  /** Fail when the page logged a console error, threw, or asked another host for anything. */
  expectClean(): void
}

/** A running site + browser. */
export interface E2E {
  url: string
  context: BrowserContext
  /** Open a page at `path` relative to the site root (e.g. `#/?year=2021`). */
  open(path?: string): Promise<TrackedPage>
  close(): Promise<void>
}

/**
 * Launch Chromium with a fresh temporary profile. `serviceWorkers: 'block'` for a test that routes
 * requests: a service worker would answer them before the test's routes see them.
 */
export async function launchBrowser(opts: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'e2e-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1360, height: 900 }, locale: 'zh-CN', ...opts,
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/**
 * The harness's site served, and a browser whose service worker is blocked: for tests that route
 * requests (a worker would answer them before the test's routes see them). `close()` ends both.
 */
export async function serveWithoutWorker(): Promise<{ server: StaticServer; context: BrowserContext; close: () => Promise<void> }> {
  const server = await startStaticServer(buildSite())
  const browser = await launchBrowser({ serviceWorkers: 'block' })
  return {
    server, context: browser.context,
    close: async () => {
      await browser.close()
      await server.close()
    },
  }
}

/** Track a page's console errors and foreign requests (and block the latter). */
export async function track(page: Page, base: string): Promise<TrackedPage> {
  const consoleErrors: string[] = []
  const foreignRequests: string[] = []
  const origin = new URL(base).origin
  page.on('console', (m) => {
    // A missing translation warns (src/i18n/missing.ts); on screen it would be a raw key.
    if (m.type() === 'error' || m.text().startsWith(MISSING_MESSAGE_PREFIX)) consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`))
  await page.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue()
    foreignRequests.push(url)
    return route.abort()
  })
  const waitAttr = async (attr: string, value: string, timeout: number) => {
    await page.waitForFunction(([a, v]) => {
      const got = document.documentElement.getAttribute(a!)
      if (a === 'data-engine' && got === 'error') throw new Error(document.querySelector('[data-engine-status]')?.textContent ?? 'engine error')
      return got === v
    }, [attr, value], { timeout })
  }
  return {
    page, consoleErrors, foreignRequests,
    waitForFirstChart: (timeout = 30_000) => waitAttr('data-first-chart', '1', timeout),
    waitForEngine: (timeout = 60_000) => waitAttr('data-engine', 'ready', timeout),
    async waitForCharts(ids, timeout = 30_000) {
      await page.waitForFunction((want) => {
        const charts = [...document.querySelectorAll<HTMLElement>('[data-chart]')]
        const relevant = want ? charts.filter((c) => want.includes(c.dataset.chart!)) : charts
        return relevant.length > 0 && (!want || relevant.length === want.length) && relevant.every((c) => c.dataset.rendered === '1')
      }, ids ?? null, { timeout })
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOTS, { recursive: true })
      const path = join(SCREENSHOTS, `${name}.png`)
      await page.screenshot({ path, fullPage: true })
      return path
    },
    expectClean() {
      const problems = [...consoleErrors.map((e) => `console: ${e}`), ...foreignRequests.map((u) => `foreign request: ${u}`)]
      if (problems.length) throw new Error(`Page was not clean:\n${problems.join('\n')}`)
    },
  }
}

/** Build (once), serve and launch: everything a view's e2e test needs. */
export async function startE2E(): Promise<E2E> {
  const dist = buildSite()
  const server: StaticServer = await startStaticServer(dist)
  const browser = await launchBrowser()
  return {
    url: server.url,
    context: browser.context,
    async open(path = '') {
      const page = await browser.context.newPage()
      const tracked = await track(page, server.url)
      await page.goto(server.url + path)
      return tracked
    },
    async close() {
      await browser.close()
      await server.close()
    },
  }
}
