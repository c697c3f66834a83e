import { existsSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { sha256 } from './hash'
import { inputScope, nodeInputFs, readInputFile, walkFiles, type InputFs, type InputScope } from './input-fs'

/** The stamp file the build leaves in its output folder: the hash of what the output was built from. */
export const STAMP_FILE = '.build-stamp'

/**
 * Code the output depends on: the build (scripts/build and its pure steps in src/build), the parser/validator/model, the schema;
 * and the views' SQL builders with the prebuilt states (the prebuilt results are keyed by the SQL text they build).
 */
const CODE_DIRS = [
  'scripts/build', 'src/build', 'scripts/build-data.ts', 'src/report', 'src/db/schema.ts', 'src/db/summary.ts', 'src/db/data-files.ts',
  'src/db/sql', 'src/db/prebuilt.ts', 'src/db/prebuilt-states.ts', 'package-lock.json',
]

/**
 * One line per file under `path` (path relative to `root`, then the content hash). The walk and
 * the reads are those of the build (input-fs.ts): a file that cannot be read (unreadable, a FIFO,
 * a device, a link out of the folder, over 100 MB) gives a line with the reason instead of a hash,
 * an unreadable folder a line of its own; nothing throws, hangs or loops.
 */
function stampLines(path: string, scope: InputScope, root: string, into: string[]): void {
  const name = (abs: string) => relative(root, abs).split(sep).join('/')
  let st
  try {
    st = scope.fs.lstatSync(path)
  } catch {
    return // absent (an optional code path): nothing to hash
  }
  if (st.isFile()) {
    const r = readInputFile(path, scope)
    return void into.push(`${name(path)}\t${r.ok ? sha256(r.bytes) : `unread: ${r.reason}`}`)
  }
  const { files, skipped } = walkFiles(path, scope)
  for (const f of files) {
    const r = readInputFile(f.abs, scope)
    // A refused file still changes the stamp when its size or time changes.
    let sig = ''
    if (!r.ok) {
      try {
        const s = scope.fs.statSync(f.abs)
        sig = ` ${s.size} ${s.mtimeMs}`
      } catch {
        // no size to add
      }
    }
    into.push(`${name(f.abs)}\t${r.ok ? sha256(r.bytes) : `unread${sig}: ${r.reason}`}`)
  }
  for (const s of skipped) if (s.level === 'error') into.push(`${s.path}\tskipped: ${s.reason}`)
}

/**
 * Hash of every input file (path + content) under `dataDir/districts` and of the build code under
 * `root`. Content, not mtimes, so a fresh clone of the same commit gets the same stamp. Never
 * throws: what cannot be read is hashed as its reason, and the build itself reports it.
 */
export function inputStamp(root: string, dataDir: string, fs: InputFs = nodeInputFs): string {
  const lines: string[] = []
  const districts = join(dataDir, 'districts')
  try {
    stampLines(districts, inputScope(dataDir, fs), root, lines)
  } catch (e) {
    lines.push(`${districts}\tunread: ${(e as Error).message}`)
  }
  const code = inputScope(root)
  for (const c of CODE_DIRS) stampLines(join(root, c), code, root, lines)
  return sha256(lines.sort().join('\n'))
}

/**
 * Code a parse result depends on: the parser and the validator it runs (src/report), and the locked
 * dependencies (pdf.js, the .doc reader, OpenCC). The key of the parse cache (parse-cache.ts).
 */
const PARSER_CODE = ['src/report', 'package-lock.json']

/** Hash of the parser's code under `root` (path + content of every file, as for the stamp). */
export function parserCodeHash(root: string): string {
  const lines: string[] = []
  const code = inputScope(root)
  for (const c of PARSER_CODE) stampLines(join(root, c), code, root, lines)
  return sha256(lines.sort().join('\n'))
}

/** The stamp a previous build left in `outDir`, or null. */
export function readStamp(outDir: string): string | null {
  const f = join(outDir, STAMP_FILE)
  return existsSync(f) ? readFileSync(f, 'utf8').trim() : null
}
