import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { precompressPlugin } from './scripts/precompress'
import { firstScreenHints } from './scripts/first-screen-hints'
import { keepFirstScreenFiles, leaveOutLarger, PRECACHE_GLOBS, PRECACHE_IGNORES, PRECACHE_MAX_BYTES } from './scripts/build/first-screen'

const src = fileURLToPath(new URL('./src', import.meta.url))

export default defineConfig({
  // The service worker and the .br/.gz copies are made by `vite build` only (both plugins are build-only).
  plugins: [vue(), firstScreenHints(), serviceWorker(), precompressPlugin()],
  resolve: { alias: { '~': src } },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/dom/**', 'tests/e2e/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: { name: 'dom', environment: 'happy-dom', include: ['tests/dom/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
})

/**
 * The service worker of src/sw.ts with the list of files it precaches (scripts/build/first-screen.ts
 * says which). A file over 40 MB is left out: a database that large is read by Range requests,
 * which go to the network, and a province's datapackage.json is fetched when the portal opens.
 */
function serviceWorker() {
  let siteDir = 'dist'
  const outDirOf: Plugin = { name: 'sw-site-dir', configResolved: (c) => void (siteDir = resolve(c.root, c.build.outDir)) }
  return [outDirOf, VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src',
    filename: 'sw.ts',
    injectRegister: false,
    manifest: false,
    injectManifest: {
      // Of the district databases and prebuilt results only the opening district's.
      globPatterns: PRECACHE_GLOBS,
      manifestTransforms: [leaveOutLarger(PRECACHE_MAX_BYTES), keepFirstScreenFiles(() => siteDir)],
      globIgnores: PRECACHE_IGNORES,
      // Hashed names change with their bytes: no revision needed (and the browser's HTTP cache can serve them).
      dontCacheBustURLsMatching: /^assets\//,
      // The size limit is leaveOutLarger's: Workbox's own check warns, and vite-plugin-pwa fails the
      // build on a warning (a 100,000-report build's 60 MB datapackage.json did).
      maximumFileSizeToCacheInBytes: Number.MAX_SAFE_INTEGER,
    },
  })]
}
