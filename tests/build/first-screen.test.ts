import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { getManifest } from 'workbox-build'
import { afterAll, describe, expect, it } from 'vitest'
import { keepFirstScreenFiles, leaveOutLarger, PRECACHE_GLOBS, PRECACHE_IGNORES, PRECACHE_MAX_BYTES } from '../../scripts/build/first-screen'
import { removeTemps, tempDir } from './helpers'

afterAll(removeTemps)

/** A built site of two districts (a opens first) with a file of every kind the precache list decides on. */
function site(withIndex = true): string {
  const dir = tempDir()
  const files = [
    'index.html', 'assets/index-1.js', 'assets/index-1.js.br', 'assets/duckdb-eh-1.wasm', 'assets/duckdb-browser-mvp.worker-1.js',
    'data/national.json', 'data/summary/a.json', 'data/summary/b.json', 'data/datapackage.json',
    'data/db/a.duckdb', 'data/db/b.duckdb', 'data/gov.duckdb', 'data/open/cells.parquet',
    'data/prebuilt/a/overview.json', 'data/prebuilt/a/overview.more.json', 'data/prebuilt/a/unit/x.json', 'data/prebuilt/b/overview.json',
  ]
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true })
    writeFileSync(join(dir, f), f)
  }
  if (withIndex) {
    const entry = (id: string) => ({ id, name: id, summary: `summary/${id}.json`, db: `db/${id}.duckdb`, prebuilt: { dir: `prebuilt/${id}`, digest: 'x', views: ['overview'] } })
    writeFileSync(join(dir, 'data', 'index.json'), JSON.stringify({ districts: [entry('a'), entry('b')] }))
  }
  return dir
}

/** The URLs Workbox precaches for `dir` with the site's globs, ignores and transform (as vite.config.ts passes them). */
async function precached(dir: string, max = PRECACHE_MAX_BYTES): Promise<string[]> {
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: dir, globPatterns: PRECACHE_GLOBS, globIgnores: PRECACHE_IGNORES,
    manifestTransforms: [leaveOutLarger(max), keepFirstScreenFiles(() => dir)], maximumFileSizeToCacheInBytes: Number.MAX_SAFE_INTEGER,
  })
  // vite-plugin-pwa fails the site build on a warning: none about sizes (Workbox's says "won't be precached").
  expect(warnings.filter((w) => /precached|exceed/i.test(w))).toEqual([])
  return manifestEntries!.map((e) => e.url).sort()
}

describe('service-worker precache list', () => {
  it('the app, the eh engine, index, summaries, national.json (the province view offline) and the opening district\'s database and view results only', async () => {
    expect(await precached(site())).toEqual([
      'assets/duckdb-eh-1.wasm', 'assets/index-1.js',
      'data/datapackage.json', 'data/db/a.duckdb', 'data/index.json', 'data/national.json',
      'data/prebuilt/a/overview.json', 'data/prebuilt/a/overview.more.json',
      'data/summary/a.json', 'data/summary/b.json', 'index.html',
    ])
  })
  it('leaves out files over the size limit without a warning (a province build\'s datapackage.json), keeps the rest', async () => {
    const dir = site()
    writeFileSync(join(dir, 'data', 'datapackage.json'), 'x'.repeat(5000))
    const urls = await precached(dir, 4096)
    expect(urls).not.toContain('data/datapackage.json')
    expect(urls).toContain('data/index.json')
  })
  it('a site without index.json precaches no district database and no prebuilt file', async () => {
    const urls = await precached(site(false))
    expect(urls.filter((u) => u.startsWith('data/db/') || u.startsWith('data/prebuilt/'))).toEqual([])
    expect(urls).toContain('index.html')
  })
})
