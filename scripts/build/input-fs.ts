import * as fs from 'node:fs'
import { join, relative, sep, isAbsolute } from 'node:path'

/**
 * Everything the build reads from the data folder goes through here: a walk that never follows a
 * link out of the data folder, never loops, never opens a FIFO or device, and reports every entry
 * it skips (path and reason) instead of throwing; and a file reader with the same rules plus a size
 * limit. The file-system calls are injectable (`InputFs`) so tests can simulate what root cannot
 * see (EACCES: root reads everything).
 */

/** The file-system calls the build uses on its inputs (node:fs by default). */
export interface InputFs {
  lstatSync(path: string): fs.Stats
  statSync(path: string): fs.Stats
  readdirSync(path: string): string[]
  realpathSync(path: string): string
  openSync(path: string, flags: number): number
  fstatSync(fd: number): fs.Stats
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number
  closeSync(fd: number): void
}

export const nodeInputFs: InputFs = {
  lstatSync: (p) => fs.lstatSync(p),
  statSync: (p) => fs.statSync(p),
  readdirSync: (p) => fs.readdirSync(p),
  realpathSync: (p) => fs.realpathSync(p),
  openSync: (p, flags) => fs.openSync(p, flags),
  fstatSync: (fd) => fs.fstatSync(fd),
  readSync: (fd, b, o, l, p) => fs.readSync(fd, b, o, l, p),
  closeSync: (fd) => fs.closeSync(fd),
}

/** Largest input file the build reads (a report, registry or district.json): 100 MB. */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024

/** An entry the build did not read. `error` entries are input problems (--strict fails on them); `note` entries are deliberate (hidden files). */
export interface SkippedEntry {
  /** Path relative to the data folder, `/` separators. */
  path: string
  reason: string
  level: 'error' | 'note'
}

/** A regular file found by {@link walkFiles}. */
export interface FoundFile {
  /** Absolute path as reached (through any in-folder links). */
  abs: string
}

/** Where a walk or read may go: the real path of the data folder, the fs layer, and how to name paths in messages. */
export interface InputScope {
  /** Real path of the data folder; nothing outside it is read. */
  boundary: string
  /** The folder paths in messages are relative to (usually the data folder as given). */
  base: string
  fs: InputFs
}

/** A scope for `dataDir`; its real path is the boundary. Throws when the folder itself cannot be resolved. */
export function inputScope(dataDir: string, inputFs: InputFs = nodeInputFs): InputScope {
  return { boundary: inputFs.realpathSync(dataDir), base: dataDir, fs: inputFs }
}

/** `path` relative to the scope's base, `/` separators (for messages and report paths). */
export function shown(scope: InputScope, abs: string): string {
  return relative(scope.base, abs).split(sep).join('/') || '.'
}

/** True when `real` is `boundary` or inside it. */
export function isInside(real: string, boundary: string): boolean {
  const r = relative(boundary, real)
  return r === '' || (!r.startsWith('..') && !isAbsolute(r))
}

function code(e: unknown): string {
  const err = e as NodeJS.ErrnoException
  return err?.code ? `${err.code}: ${err.message}` : String((e as Error)?.message ?? e)
}

/** Name of a non-regular, non-directory file type. */
export function oddKind(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)'
  if (st.isSocket()) return 'a socket'
  if (st.isCharacterDevice()) return 'a character device'
  if (st.isBlockDevice()) return 'a block device'
  return 'not a regular file'
}

/** What an entry is, after following an in-folder link; or why it is skipped. */
export type Classified =
  | { kind: 'file'; st: fs.Stats }
  | { kind: 'dir'; st: fs.Stats; key: string; /** Real path, for a link. */ real?: string }
  | { kind: 'skip'; reason: string }

/** Look at one entry without reading it: lstat, then (for a link) its real target, which must lie inside the boundary. */
export function classify(abs: string, scope: InputScope): Classified {
  const { fs: f } = scope
  let st: fs.Stats
  let real: string | undefined
  try {
    st = f.lstatSync(abs)
  } catch (e) {
    return { kind: 'skip', reason: `cannot look at it (${code(e)})` }
  }
  if (st.isSymbolicLink()) {
    try {
      real = f.realpathSync(abs)
    } catch (e) {
      const c = (e as NodeJS.ErrnoException).code
      if (c === 'ENOENT') return { kind: 'skip', reason: 'dangling symlink (its target does not exist)' }
      if (c === 'ELOOP') return { kind: 'skip', reason: 'symlink loop (the link resolves to itself)' }
      return { kind: 'skip', reason: `symlink cannot be resolved (${code(e)})` }
    }
    if (!isInside(real, scope.boundary)) return { kind: 'skip', reason: `symlink points outside the data folder (to ${real}); not read` }
    try {
      st = f.statSync(real)
    } catch (e) {
      return { kind: 'skip', reason: `symlink target cannot be looked at (${code(e)})` }
    }
  }
  if (st.isDirectory()) return { kind: 'dir', st, key: `${st.dev}:${st.ino}`, real }
  if (st.isFile()) return { kind: 'file', st }
  return { kind: 'skip', reason: `${oddKind(st)}, not a regular file` }
}

/**
 * Every regular file under `dir`, sorted by path (code-point order). Hidden entries (name starts
 * with `.`) are skipped as notes; links out of the data folder, dangling links, FIFOs, devices,
 * unreadable folders and folders reached twice (a link back up the tree) are skipped as errors.
 * Never throws and never loops: each folder is entered once (by device and inode).
 */
export function walkFiles(dir: string, scope: InputScope, visited = new Set<string>()): { files: FoundFile[]; skipped: SkippedEntry[] } {
  const files: FoundFile[] = []
  const skipped: SkippedEntry[] = []
  const skip = (abs: string, reason: string, level: SkippedEntry['level'] = 'error') => skipped.push({ path: shown(scope, abs), reason, level })
  const enter = (d: string, key: string) => {
    if (visited.has(key)) return skip(d, 'folder already visited (a link back into the tree, or a second link to the same folder); not read again')
    visited.add(key)
    let names: string[]
    try {
      names = scope.fs.readdirSync(d)
    } catch (e) {
      return skip(d, `cannot list the folder (${code(e)})`)
    }
    for (const name of names.sort()) {
      const abs = join(d, name)
      if (name.startsWith('.')) {
        skip(abs, 'hidden (name starts with "."); skipped by design', 'note')
        continue
      }
      const c = classify(abs, scope)
      if (c.kind === 'skip') skip(abs, c.reason)
      else if (c.kind === 'dir' && c.real !== undefined && linksUp(d, c.real, scope)) skip(abs, `symlink to a folder above it (${shown(scope, c.real)}); not followed (it would loop)`)
      else if (c.kind === 'dir') enter(abs, c.key)
      else files.push({ abs })
    }
  }
  const top = classify(dir, scope)
  if (top.kind === 'dir') enter(dir, top.key)
  else if (top.kind === 'skip') skip(dir, top.reason)
  else skip(dir, 'expected a folder, found a file')
  return { files, skipped }
}

/** True when the link target `real` contains the folder `d` the link sits in (following it would walk a tree already being walked). */
function linksUp(d: string, real: string, scope: InputScope): boolean {
  try {
    return isInside(scope.fs.realpathSync(d), real)
  } catch {
    return false
  }
}

/** Result of {@link readInputFile} and {@link readRegularFile}. */
export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string; reason_zh: string }

/**
 * Read one input file: its real path must lie inside the boundary, then {@link readRegularFile}.
 * Never throws.
 */
export function readInputFile(abs: string, scope: InputScope, maxBytes = MAX_INPUT_BYTES): ReadResult {
  let real: string
  try {
    real = scope.fs.realpathSync(abs)
  } catch (e) {
    const c = (e as NodeJS.ErrnoException).code
    return c === 'ENOENT' ? refused('the file does not exist (or is a dangling symlink)', '文件不存在（或为失效的符号链接）') : refused(`cannot resolve the path (${code(e)})`, `无法解析路径（${code(e)}）`)
  }
  if (!isInside(real, scope.boundary)) return refused(`the path leads outside the data folder (to ${real}); not read`, `路径指向数据文件夹之外（${real}），未读取`)
  return readRegularFile(real, scope.fs, maxBytes)
}

function refused(reason: string, reason_zh: string): ReadResult {
  return { ok: false, reason, reason_zh }
}

/**
 * The one bounded file reader of the Node scripts (the data build and the parse CLI): a regular
 * file of at most `maxBytes`. A FIFO, device, socket or folder is refused without being waited on
 * (opened non-blocking, checked with fstat on the open descriptor, so a path swapped after a
 * walk is caught too); the file is read to its end even when its size says 0 (/proc), but never
 * past the limit (a file that grows while read is refused). Never throws.
 */
export function readRegularFile(path: string, f: InputFs = nodeInputFs, maxBytes = MAX_INPUT_BYTES): ReadResult {
  let fd: number
  try {
    fd = f.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK)
  } catch (e) {
    const c = (e as NodeJS.ErrnoException).code
    if (c === 'ENOENT') return refused('the file does not exist', '文件不存在')
    if (c === 'EISDIR') return refused('a directory, not a regular file; not read', '是目录，不是普通文件，未读取')
    if (c === 'ENXIO') return refused('a socket or device, not a regular file; not read', '不是普通文件，未读取')
    return refused(`cannot open the file (${code(e)})`, `无法打开文件（${code(e)}）`)
  }
  try {
    const st = f.fstatSync(fd)
    if (st.isDirectory()) return refused('a directory, not a regular file; not read', '是目录，不是普通文件，未读取')
    if (!st.isFile()) return refused(`${oddKind(st)}, not a regular file; not read`, `不是普通文件（${oddKind(st)}），未读取`)
    if (st.size > maxBytes) return refused(`the file is ${mb(st.size)}, more than the ${mb(maxBytes)} limit; not read`, `文件大小 ${mb(st.size)} 超过上限 ${mb(maxBytes)}，未读取`)
    let buf = new Uint8Array(Math.min(maxBytes + 1, Math.max(st.size, 64 * 1024) + 1))
    let n = 0
    for (;;) {
      if (n === buf.length) {
        if (n > maxBytes) return refused(`the file grew past the ${mb(maxBytes)} limit while read; not read`, `文件在读取时超过上限 ${mb(maxBytes)}，未读取`)
        const grown = new Uint8Array(Math.min(buf.length * 2, maxBytes + 1))
        grown.set(buf)
        buf = grown
      }
      const got = f.readSync(fd, buf, n, buf.length - n, null)
      if (got === 0) break
      n += got
    }
    return { ok: true, bytes: buf.subarray(0, n) }
  } catch (e) {
    return refused(`cannot read the file (${code(e)})`, `无法读取文件（${code(e)}）`)
  } finally {
    try {
      f.closeSync(fd)
    } catch {
      // nothing to do: the descriptor is gone either way
    }
  }
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`
}
