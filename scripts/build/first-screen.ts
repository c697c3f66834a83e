import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DistrictEntry } from '~/db/data-files'
import type { PrebuiltInfo } from '~/db/prebuilt'

/** Folder of the prebuilt files inside the output folder (scripts/build/prebuilt.ts writes them). */
export const PREBUILT_DIR = 'prebuilt'

/** A district entry of index.json with its prebuilt files (src/db/prebuilt.ts). */
export type EntryWithPrebuilt = DistrictEntry & { prebuilt?: PrebuiltInfo }

/**
 * Files of the built site (dist/) the service worker precaches: the app, the `eh` engine (every
 * browser this dashboard supports has Wasm exceptions; the 39 MB `mvp` fallback is left to the
 * network), and the data the first screens read — index.json, the summaries, national.json (the
 * province view paints from it alone), and the district databases and prebuilt results, of which
 * {@link keepFirstScreenFiles} keeps the opening district's. The prebuilt results of each unit page
 * (prebuilt/<district>/unit/) are not matched: read when a unit is opened. Not the open-data
 * downloads (data/open/): fetched when asked for.
 */
export const PRECACHE_GLOBS = [
  'index.html', 'assets/*.{js,mjs,css}', 'assets/duckdb-eh-*.wasm',
  'data/index.json', 'data/national.json', 'data/summary/*.json', `data/${PREBUILT_DIR}/*/*.json`, 'data/db/*.duckdb', 'data/datapackage.json',
]

/** Matched above but not precached: the `mvp` engine's worker, the cross-origin-isolated build, the precompressed copies. */
export const PRECACHE_IGNORES = ['assets/duckdb-browser-mvp.worker-*', 'assets/duckdb-browser-coi*', '**/*.br', '**/*.gz']

/** Files above this are left out of the precache: a database that large is read by Range requests, which go to the network. */
export const PRECACHE_MAX_BYTES = 40 * 1024 * 1024

/**
 * A Workbox manifest transform leaving out files over `max` bytes, quietly: they go to the network
 * when asked for. Workbox's own size limit reports them as warnings, and vite-plugin-pwa fails the
 * build on a warning — a 100,000-report build's 60 MB datapackage.json did.
 */
export function leaveOutLarger(max: number) {
  return <T extends { size: number }>(entries: T[]): { manifest: T[]; warnings: string[] } => ({ manifest: entries.filter((e) => e.size <= max), warnings: [] })
}

/**
 * A Workbox manifest transform keeping, of the district databases (data/db/) and the prebuilt
 * results (data/prebuilt/), only those of the district the dashboard opens on (index.json's first):
 * a first visit stores what its first screens need, and a build of a thousand districts does not
 * make every visitor download a thousand districts' files; others are fetched when chosen.
 * `siteDir` is the built site (dist/), read after Vite copied the data into it; without an
 * index.json no district's files are kept. Type-only imports: vite.config.ts loads this module
 * before the `~` alias exists.
 */
export function keepFirstScreenFiles(siteDir: () => string) {
  return <T extends { url: string }>(entries: T[]): { manifest: T[]; warnings: string[] } => {
    const first = openingDistrict(siteDir())
    const db = first?.db ? `data/${first.db}` : null
    const prebuilt = first?.prebuilt ? `data/${first.prebuilt.dir}/` : null
    const keep = (url: string) => {
      if (url.startsWith('data/db/')) return url === db
      if (url.startsWith(`data/${PREBUILT_DIR}/`)) return prebuilt !== null && url.startsWith(prebuilt)
      return true
    }
    return { manifest: entries.filter((e) => keep(e.url)), warnings: [] }
  }
}

/**
 * index.json's first district (the one the dashboard opens on) of a site or public folder (its
 * `data/index.json`); null for one without data. The precache list and the first-screen hints
 * (scripts/first-screen-hints.ts) both open on it.
 */
export function openingDistrict(siteDir: string): EntryWithPrebuilt | null {
  try {
    const index = JSON.parse(readFileSync(join(siteDir, 'data', 'index.json'), 'utf8')) as { districts?: EntryWithPrebuilt[] }
    return index.districts?.[0] ?? null
  } catch {
    return null
  }
}
