import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ParseOutcome } from '~/report/types'
import { sha256 } from './hash'
import type { BuildEngines } from './types'

/** Where `npm run build:data` and `npm start` keep parsed reports (git-ignored). */
export const DEFAULT_PARSE_CACHE = '.cache/parse'

/** What the cache did in one build: files answered from it, and files the parser read. */
export interface ParseCacheStats {
  hits: number
  misses: number
}

export interface ParseCacheOptions {
  /** The cache folder; entries live in `<dir>/<first 16 hex of codeHash>/`. */
  dir: string
  /**
   * Hash of the code a parse result depends on (parserCodeHash in stamp.ts: the parser, the
   * validator, the locked dependencies). A change of it is a new sub-folder, and the old ones are
   * removed: results of other code are never read, and the cache does not grow with every edit.
   */
  codeHash: string
}

/**
 * The parser with a content-hash cache in front: a report whose bytes and file name were parsed
 * before by the same code is read back from `.cache/parse/` instead of parsed again, so rebuilding
 * after one file changed parses that one file. The key is the hash of the code, the file name (the
 * parser reads the extension and reports the name) and the bytes — never a path or a time, so a
 * renamed folder or a fresh clone hits the same entries. The outcome is stored as the JSON the
 * build writes anyway; a build with the cache writes the same bytes as one without (tested).
 *
 * A pool behind it starts only when the first file misses, and only as many workers as files remain.
 */
export function withParseCache(inner: BuildEngines, options: ParseCacheOptions): BuildEngines & { stats(): ParseCacheStats } {
  const version = options.codeHash.slice(0, 16)
  const dir = join(options.dir, version)
  const stats: ParseCacheStats = { hits: 0, misses: 0 }
  let prepared = false
  let reserved: number | undefined
  const prepare = () => {
    if (prepared) return
    prepared = true
    mkdirSync(dir, { recursive: true })
    // Entries of other code can never be hit again.
    for (const e of readdirSync(options.dir)) if (e !== version) rmSync(join(options.dir, e), { recursive: true, force: true })
  }
  return {
    get concurrency() {
      return inner.concurrency
    },
    reserve(files) {
      reserved = files
    },
    release: () => inner.release?.() ?? Promise.resolve(),
    async parse(bytes, fileName) {
      prepare()
      const file = join(dir, `${sha256(`${options.codeHash}\u0000${fileName}\u0000${sha256(bytes)}`)}.json`)
      const cached = read(file)
      if (cached) {
        stats.hits++
        return cached
      }
      if (reserved !== undefined) {
        // Start the parser's workers for what is left at most (every earlier file was a hit or is in flight).
        inner.reserve?.(Math.max(1, reserved - stats.hits))
        reserved = undefined
      }
      stats.misses++
      const outcome = await inner.parse(bytes, fileName)
      write(file, outcome)
      return outcome
    },
    stats: () => ({ ...stats }),
  }
}

function read(file: string): ParseOutcome | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return null
  }
  try {
    const v = JSON.parse(text) as ParseOutcome
    // An entry that is not an outcome (a disk error, someone's edit) is parsed again, never trusted.
    return v && typeof v === 'object' && typeof v.ok === 'boolean' ? v : null
  } catch {
    return null
  }
}

function write(file: string, outcome: ParseOutcome): void {
  // Written beside and renamed into place: a build killed mid-write never leaves half an entry.
  const tmp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(tmp, JSON.stringify(outcome))
    renameSync(tmp, file)
  } catch {
    // A cache that cannot be written (read-only checkout, full disk) only makes the next build slower.
    rmSync(tmp, { force: true })
  }
}
