/**
 * `npm start`: rebuild public/data when it is missing or stale (its stamp ≠ the hash of the inputs
 * and the build code), then run the Vite dev server on 127.0.0.1:5173. Extra arguments go to Vite;
 * `--rebuild` forces the data build. The build parses on worker threads, one per core, like
 * `npm run build:data`, and reads unchanged reports from the parse cache (.cache/parse/): after
 * editing one report, the rebuild parses that one file.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { withEngines, type PoolFactory } from './build-data'
import { buildData } from './build/build'
import { terminalLog, type BuildLog } from './build/log'
import { DEFAULT_PARSE_CACHE, withParseCache, type ParseCacheStats } from './build/parse-cache'
import { inputStamp, parserCodeHash, readStamp } from './build/stamp'

const ROOT = resolve(import.meta.dirname, '..')
const HOST = '127.0.0.1'
const PORT = '5173'

/** Where the data comes from and goes, and how it is parsed (tests point these at temp folders). */
export interface EnsureDataOptions {
  root?: string
  dataDir?: string
  outDir?: string
  /** Rebuild even when the stamp says the output is fresh. */
  force?: boolean
  /** Parser worker threads (default one per core; 0 = this thread). */
  jobs?: number
  /** Parse cache folder; null for none. */
  parseCacheDir?: string | null
  makePool?: PoolFactory
  log?: BuildLog
}

/** What ensureData did: whether the output is usable, whether it built, and the parse cache's counts. */
export interface EnsureDataResult {
  ok: boolean
  built: boolean
  cache: ParseCacheStats | null
}

/** True when the output must be (re)built; the reason is printed. */
function needsBuild(outDir: string, stamp: string, force: boolean, log: BuildLog): boolean {
  if (force) return (log.info('data: --rebuild given, rebuilding'), true)
  if (!existsSync(join(outDir, 'index.json'))) return (log.info('data: public/data is missing, building'), true)
  if (readStamp(outDir) !== stamp) return (log.info('data: inputs or build code changed since the last build, rebuilding'), true)
  log.info('data: public/data is up to date')
  return false
}

/**
 * Build the data when missing or stale. Parsing runs on worker threads (it used to run on this
 * thread, which made the first `npm start` take as long as one core parsing every report).
 */
export async function ensureData(options: EnsureDataOptions = {}): Promise<EnsureDataResult> {
  const root = options.root ?? ROOT
  const dataDir = options.dataDir ?? join(root, 'data')
  const outDir = options.outDir ?? join(root, 'public/data')
  const log = options.log ?? terminalLog()
  const stamp = inputStamp(root, dataDir)
  if (!needsBuild(outDir, stamp, options.force ?? false, log)) return { ok: true, built: false, cache: null }
  const cacheDir = options.parseCacheDir === undefined ? join(root, DEFAULT_PARSE_CACHE) : options.parseCacheDir
  try {
    const { result, cache } = await withEngines(options.jobs ?? availableParallelism(), async (engines) => {
      const cached = cacheDir ? withParseCache(engines, { dir: cacheDir, codeHash: parserCodeHash(root) }) : null
      const built = await buildData({ dataDir, outDir, strict: false, log, stamp }, cached ?? engines)
      return { result: built, cache: cached?.stats() ?? null }
    }, options.makePool)
    if (cache) log.info(`parse cache: ${cache.hits} files unchanged, ${cache.misses} parsed`)
    if (result.districts.length === 0) {
      log.problem('data: nothing could be built (see above); not starting the server')
      return { ok: false, built: true, cache }
    }
    return { ok: true, built: true, cache }
  } catch (e) {
    log.problem(`data: build failed: ${(e as Error).message}`)
    return { ok: false, built: false, cache: null }
  }
}

function startVite(extra: string[]): void {
  const vite = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), '--host', HOST, '--port', PORT, '--strictPort', ...extra], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  console.log(`\n  dashboard: http://${HOST}:${PORT}/\n`)
  // Forward Ctrl-C / kill to Vite and leave with its exit code, so no server is left holding the port.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => vite.kill(signal))
  vite.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 2 : 0)))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  if ((await ensureData({ force: args.includes('--rebuild') })).ok) startVite(args.filter((a) => a !== '--rebuild'))
  else process.exitCode = 1
}
