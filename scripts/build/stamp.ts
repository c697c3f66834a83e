import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { sha256 } from './hash'

/** The stamp file the build leaves in its output folder: the hash of what the output was built from. */
export const STAMP_FILE = '.build-stamp'

/** Code the output depends on: the build, the parser/validator/model, the schema. */
const CODE_DIRS = ['scripts/build', 'scripts/build-data.ts', 'src/report', 'src/db/schema.ts', 'src/db/summary.ts', 'src/db/data-files.ts', 'package-lock.json']

function walk(path: string, into: string[]): void {
  if (!existsSync(path)) return
  if (statSync(path).isFile()) return void into.push(path)
  for (const e of readdirSync(path).sort()) if (!e.startsWith('.')) walk(join(path, e), into)
}

/**
 * Hash of every input file (path + content) under `dataDir/districts` and of the build code under
 * `root`. Content, not mtimes, so a fresh clone of the same commit gets the same stamp.
 */
export function inputStamp(root: string, dataDir: string): string {
  const files: string[] = []
  walk(join(dataDir, 'districts'), files)
  for (const c of CODE_DIRS) walk(join(root, c), files)
  const lines = files.map((f) => `${relative(root, f).split(sep).join('/')}\t${sha256(readFileSync(f))}`)
  return sha256(lines.join('\n'))
}

/** The stamp a previous build left in `outDir`, or null. */
export function readStamp(outDir: string): string | null {
  const f = join(outDir, STAMP_FILE)
  return existsSync(f) ? readFileSync(f, 'utf8').trim() : null
}
