import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { precompressPlugin } from './scripts/precompress'
import { keepFirstScreenDatabase } from './scripts/build/first-screen'
import { keepFirstScreenPrebuilt } from './scripts/build/prebuilt-precache'

const src = fileURLToPath(new URL('./src', import.meta.url))

export default defineConfig({
  // The service worker and the .br/.gz copies are made by `vite build` only (both plugins are build-only).
  plugins: [vue(), serviceWorker(), precompressPlugin()],
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
 * The service worker of src/sw.ts with the list of files it precaches: the app, the `eh` engine
 * (every browser this dashboard supports has Wasm exceptions; the 39 MB `mvp` fallback is left to
 * the network), and the data the first screens and the engine read (the prebuilt results of every
 * view, not those of each unit page: read when a unit is opened). Not the open-data downloads
 * (data/open/): they are fetched when asked for. A file over 40 MB is left out (Workbox warns):
 * a database that large is read by Range requests, which go to the network.
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
      // Of the district databases and prebuilt results only the opening district's (scripts/build/first-screen.ts, prebuilt.ts).
      globPatterns: ['index.html', 'assets/*.{js,mjs,css}', 'assets/duckdb-eh-*.wasm', 'data/index.json', 'data/summary/*.json', 'data/prebuilt/*/*.json', 'data/db/*.duckdb', 'data/datapackage.json'],
      manifestTransforms: [keepFirstScreenDatabase(() => siteDir), keepFirstScreenPrebuilt(() => siteDir)],
      globIgnores: ['assets/duckdb-browser-mvp.worker-*', 'assets/duckdb-browser-coi*', '**/*.br', '**/*.gz'],
      // Hashed names change with their bytes: no revision needed (and the browser's HTTP cache can serve them).
      dontCacheBustURLsMatching: /^assets\//,
      maximumFileSizeToCacheInBytes: 40 * 1024 * 1024,
    },
  })]
}
