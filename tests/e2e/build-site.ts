/**
 * Builds the site for the browser tests with a public folder of their own:
 * `tsx tests/e2e/build-site.ts PUBLIC_DIR OUT_DIR`. The project's vite.config.ts is used as is
 * (plugins, service worker, precompression); only `publicDir` and `outDir` differ, so the site is
 * built around the data the tests just built from data/ — never whatever public/data holds.
 */
import { resolve } from 'node:path'
import { build } from 'vite'

const [publicDir, outDir] = process.argv.slice(2)
if (!publicDir || !outDir) {
  console.error('usage: tsx tests/e2e/build-site.ts PUBLIC_DIR OUT_DIR')
  process.exit(2)
}
await build({
  configFile: resolve(import.meta.dirname, '../../vite.config.ts'),
  publicDir: resolve(publicDir),
  build: { outDir: resolve(outDir), emptyOutDir: true },
  logLevel: 'error',
})
