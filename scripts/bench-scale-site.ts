/**
 * A site over a large data build, for `npm run bench:ui -- --data DIR` (e.g. the output `npm run
 * bench:build -- --sizes 100000 --keep` kept): the site is built with only the data's top-level
 * files (index.json, national.json, datapackage.json and the like) as its public folder, so the
 * first-screen hints and the service worker's list come from that data, and everything else
 * (db/, open/, summary/, prebuilt/, gov.duckdb: gigabytes) is linked into the built site instead
 * of being copied and precompressed by the site build. The static server follows the links.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')

/** Build the site over `dataDir` into `.cache/bench-scale-dist` (rebuilt every time); returns the site folder. */
export function buildSiteOver(dataDir: string): string {
  const data = resolve(dataDir)
  if (!existsSync(join(data, 'index.json'))) throw new Error(`${data} has no index.json: not a data build's output`)
  const publicDir = join(ROOT, '.cache', 'bench-scale.public')
  const dist = join(ROOT, '.cache', 'bench-scale-dist')
  rmSync(publicDir, { recursive: true, force: true })
  mkdirSync(join(publicDir, 'data'), { recursive: true })
  const entries = readdirSync(data)
  const small = entries.filter((e) => e.endsWith('.json') && statSync(join(data, e)).isFile())
  for (const e of small) copyFileSync(join(data, e), join(publicDir, 'data', e))
  execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'tests/e2e/build-site.ts'), publicDir, dist], { cwd: ROOT, stdio: 'inherit' })
  for (const e of entries) if (!small.includes(e)) symlinkSync(join(data, e), join(dist, 'data', e))
  return dist
}
