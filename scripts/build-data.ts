/**
 * `npm run build:data [-- --data DIR --out DIR --strict --jobs N --no-cache --district ID…]`: district folders in, the open dataset out.
 * `--district ID` (repeatable) builds those districts only: one job of a build split by district, put
 * together by `npm run merge` (scripts/merge.ts).
 * Parsed reports are cached in .cache/parse/ by content hash (build/parse-cache.ts); `--no-cache` parses every file.
 * Exit 1 when nothing could be built, when a district could not be built (no usable district.json
 * or registry; the others are still written), when the output folder is refused, or with --strict
 * when any input was bad (a skipped file, a registry row, an error finding). Exit 2: bad arguments.
 */
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { buildData } from './build/build'
import { defaultEngines } from './build/engines'
import { terminalLog } from './build/log'
import { DEFAULT_PARSE_CACHE, withParseCache } from './build/parse-cache'
import { parsePool } from './build/parse-pool'
import type { InputFs } from './build/input-fs'
import type { BuildEngines } from './build/types'
import { inputStamp, parserCodeHash } from './build/stamp'

const ROOT = resolve(import.meta.dirname, '..')

/** Parsed command line of the data build. */
export interface BuildArgs {
  dataDir: string
  outDir: string
  strict: boolean
  /** Parser worker threads (default: one per core); 0 parses on the main thread. */
  jobs: number
  /** Read parse results of unchanged files from .cache/parse/ (off with --no-cache). */
  cache: boolean
  /** `--district ID`, repeatable: build only these districts. */
  districts?: string[]
}

/** Read `--data`, `--out`, `--strict` (paths relative to the working directory). */
export function readArgs(argv: string[]): BuildArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string', default: 'data' },
      out: { type: 'string', default: 'public/data' },
      strict: { type: 'boolean', default: false },
      jobs: { type: 'string', default: String(availableParallelism()) },
      'no-cache': { type: 'boolean', default: false },
      district: { type: 'string', multiple: true },
    },
    strict: true,
  })
  const jobs = Number(values.jobs)
  if (!Number.isInteger(jobs) || jobs < 0) throw new Error(`--jobs must be a whole number ≥ 0, got "${values.jobs}"`)
  return { dataDir: resolve(values.data), outDir: resolve(values.out), strict: values.strict, jobs, cache: !values['no-cache'], ...(values.district ? { districts: values.district } : {}) }
}

/** A pool of parser workers as parse-pool.ts makes it (injected by tests to count workers). */
export type PoolFactory = (size: number) => BuildEngines & { close(): Promise<void> }

/**
 * Run `fn` with the parser on at most `jobs` worker threads (0: on this thread), closing the
 * workers after. The pool starts when the build says how many files there are (`reserve`), with
 * no more workers than files (each is ≈ 44 MB); a build with no files starts none.
 */
export async function withEngines<T>(jobs: number, fn: (engines: BuildEngines) => Promise<T>, makePool: PoolFactory = parsePool): Promise<T> {
  if (jobs === 0) return fn(defaultEngines)
  let pool: ReturnType<PoolFactory> | undefined
  const start = (files: number) => (pool ??= makePool(Math.max(1, Math.min(jobs, files))))
  const lazy: BuildEngines = {
    get concurrency() {
      return pool?.concurrency ?? jobs * 2
    },
    reserve: (files) => void (files > 0 && start(files)),
    parse: (bytes, fileName) => start(jobs).parse(bytes, fileName),
    release: async () => {
      const done = pool
      pool = undefined
      await done?.close()
    },
  }
  try {
    return await fn(lazy)
  } finally {
    await pool?.close()
  }
}

/** Run the build from the command line; returns the exit code. */
export async function main(argv: string[], options: { fs?: InputFs; makePool?: PoolFactory; parseCacheDir?: string | null } = {}): Promise<number> {
  let args: BuildArgs
  try {
    args = readArgs(argv)
  } catch (e) {
    console.error(`build:data: ${(e as Error).message}\nusage: npm run build:data -- [--data DIR] [--out DIR] [--strict] [--jobs N] [--no-cache] [--district ID]…`)
    return 2
  }
  const log = terminalLog()
  const started = performance.now()
  log.info(`data build: ${args.dataDir} → ${args.outDir}${args.strict ? ' (strict)' : ''}`)
  try {
    const stamp = inputStamp(ROOT, args.dataDir, options.fs)
    // A test's stand-in pool must never fill the cache the real parser reads.
    const cacheDir = !args.cache ? null : options.parseCacheDir !== undefined ? options.parseCacheDir : options.makePool ? null : join(ROOT, DEFAULT_PARSE_CACHE)
    const result = await withEngines(args.jobs, async (engines) => {
      if (!cacheDir) return buildData({ ...args, log, stamp, fs: options.fs }, engines)
      const cached = withParseCache(engines, { dir: cacheDir, codeHash: parserCodeHash(ROOT) })
      const built = await buildData({ ...args, log, stamp, fs: options.fs }, cached)
      const { hits, misses } = cached.stats()
      log.info(`parse cache: ${hits} files unchanged (read from ${DEFAULT_PARSE_CACHE}), ${misses} parsed`)
      return built
    }, options.makePool)
    if (result.districts.length === 0) {
      log.problem('build:data: nothing could be built')
      return 1
    }
    log.info(`wrote ${result.files.length} files to ${args.outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    if (result.failed.length > 0) log.problem(`build:data: ${result.failed.length} district${result.failed.length === 1 ? '' : 's'} could not be built (see the summary above); the others were written`)
    else if (!result.ok) log.problem('build:data: --strict and some inputs were bad (see above)')
    return result.ok ? 0 : 1
  } catch (e) {
    log.problem(`build:data: ${(e as Error).message}`)
    return 1
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2))
}
