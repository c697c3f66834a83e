/**
 * Precompressed copies of the built site's large files: `<file>.br` and `<file>.gz` beside each
 * compressible file of at least {@link MIN_BYTES}, so a static server (ours: serve-static.ts; nginx
 * `gzip_static`/`brotli_static`; a CDN — docs/deploy.md) sends them without compressing per request.
 * The DuckDB engine alone is 34 MB raw and ≈ 6 MB as Brotli, which is what a slow link waits for.
 *
 * Runs as a Vite plugin after the bundle is written (and after the service worker is generated, so
 * the .br/.gz files are never in its precache list), or on any folder: `tsx scripts/precompress.ts DIR`.
 * Compressed bytes are cached in `.cache/precompress/` by content hash: the engine's wasm is the same
 * in every build and takes ≈ 7 s of CPU to compress, which every e2e build would otherwise pay again.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

/** Files smaller than this are sent as they are: compressing them saves less than a packet. */
export const MIN_BYTES = 1024

/** Extensions worth compressing. Parquet, PNG and fonts are compressed already. */
export const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|json|csv|duckdb|svg|txt|map|webmanifest|xml)$/i

/**
 * Brotli quality 9, not 11: on the 34 MB wasm, 11 takes ≈ 260 s of CPU for 12 % fewer bytes
 * (5.2 vs 5.9 MB), 9 takes ≈ 5 s. Gzip at 9 is ≈ 1 % smaller than the default 6 at similar cost.
 */
const BROTLI_QUALITY = 9
const GZIP_LEVEL = 9

/** A compressed copy is written only when it is at most this share of the original. */
const KEEP_RATIO = 0.9

const ROOT = resolve(import.meta.dirname, '..')
const DEFAULT_CACHE = join(ROOT, '.cache', 'precompress')

const br = promisify(brotliCompress)
const gz = promisify(gzip)

export interface PrecompressResult {
  /** Files (relative to the folder) that got at least one compressed copy. */
  files: string[]
  /** Bytes before and after (the smaller encoding per file; Brotli in practice). */
  rawBytes: number
  brBytes: number
  gzBytes: number
}

function walk(dir: string, base = ''): string[] {
  const out: string[] = []
  for (const e of readdirSync(join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${e.name}` : e.name
    if (e.isDirectory()) out.push(...walk(dir, rel))
    else if (e.isFile()) out.push(rel)
  }
  return out
}

/** The compressed bytes of `raw`, from the cache when the same bytes were compressed before. */
async function compressed(raw: Buffer, encoding: 'br' | 'gz', cacheDir: string | null): Promise<Buffer> {
  const key = createHash('sha256').update(raw).digest('hex')
  const cached = cacheDir ? join(cacheDir, `${key}.q${encoding === 'br' ? BROTLI_QUALITY : GZIP_LEVEL}.${encoding}`) : null
  if (cached) {
    try {
      return readFileSync(cached)
    } catch {
      // not cached yet
    }
  }
  const out =
    encoding === 'br'
      ? await br(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : await gz(raw, { level: GZIP_LEVEL })
  if (cached) {
    mkdirSync(cacheDir!, { recursive: true })
    // Written beside and renamed: a build killed mid-write never leaves a truncated cache entry.
    writeFileSync(`${cached}.tmp${process.pid}`, out)
    renameSync(`${cached}.tmp${process.pid}`, cached)
  }
  return out
}

/**
 * Write `.br` and `.gz` beside every compressible file of `dir` of at least {@link MIN_BYTES}
 * (existing .br/.gz are never compressed again). Two files at a time: zlib runs on libuv's threads
 * and the machines this builds on have few cores.
 */
export async function precompressDir(dir: string, options: { cacheDir?: string | null } = {}): Promise<PrecompressResult> {
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE : options.cacheDir
  const todo = walk(dir).filter((f) => COMPRESSIBLE.test(f) && statSync(join(dir, f)).size >= MIN_BYTES).sort()
  const result: PrecompressResult = { files: [], rawBytes: 0, brBytes: 0, gzBytes: 0 }
  let next = 0
  const lane = async () => {
    while (next < todo.length) {
      const rel = todo[next++]!
      const raw = readFileSync(join(dir, rel))
      let wrote = false
      for (const enc of ['br', 'gz'] as const) {
        const out = await compressed(raw, enc, cacheDir)
        if (out.length > raw.length * KEEP_RATIO) continue
        writeFileSync(join(dir, `${rel}.${enc}`), out)
        result[enc === 'br' ? 'brBytes' : 'gzBytes'] += out.length
        wrote = true
      }
      if (wrote) {
        result.files.push(rel)
        result.rawBytes += raw.length
      }
    }
  }
  await Promise.all([lane(), lane()])
  result.files.sort()
  return result
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`

/** Vite plugin: precompress the output folder once everything else (the service worker too) is written. */
export function precompressPlugin(): Plugin {
  let outDir = ''
  return {
    name: 'gov:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const r = await precompressDir(outDir)
        this.info?.(`precompressed ${r.files.length} files: ${mb(r.rawBytes)} → ${mb(r.brBytes)} br, ${mb(r.gzBytes)} gzip`)
      },
    },
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'dist'
  precompressDir(resolve(dir)).then(
    (r) => console.log(`${dir}: ${r.files.length} files, ${mb(r.rawBytes)} → ${mb(r.brBytes)} br, ${mb(r.gzBytes)} gzip`),
    (e: unknown) => {
      console.error(`precompress: ${e instanceof Error ? e.message : String(e)}`)
      process.exit(1)
    },
  )
}
