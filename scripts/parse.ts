/**
 * `npm run --silent parse -- FILE…`: prints one JSON document per report file (a JSON array for
 * several), per /work/shared/contract.md, with cell_notes, prose and meta.sha256 beside the
 * contract fields. A file that cannot be read → one line on stderr naming it, exit 1; with
 * several files the others are still printed, the unreadable one as `{"file", "error"}` in its
 * place. Never a stack trace, never a hang: only regular files up to {@link MAX_FILE_BYTES} are
 * read (a device, FIFO or socket is refused without being waited on).
 */
import { createHash } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs'
import { parseReportAsync } from '../src/report/parse/index'
import type { ParseResult } from '../src/report/types'

/** Largest report file read (a report is a few MB at most; a scanned PDF some tens). */
const MAX_FILE_BYTES = 100 * 1024 * 1024

type Read = { ok: true; bytes: Uint8Array } | { ok: false; message: string }

/** Why a path is not a regular file, or null when it is one. */
function notRegular(st: Stats): string | null {
  if (st.isFile()) return null
  if (st.isDirectory()) return '是目录 (is a directory)'
  if (st.isFIFO()) return '是管道，不是普通文件 (a FIFO, not a regular file)'
  if (st.isCharacterDevice() || st.isBlockDevice()) return '是设备，不是普通文件 (a device, not a regular file)'
  if (st.isSocket()) return '是套接字，不是普通文件 (a socket, not a regular file)'
  return '不是普通文件 (not a regular file)'
}

const TOO_BIG = `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB (larger than ${MAX_FILE_BYTES / 1024 / 1024} MB)`

/**
 * The bytes of a regular file of at most MAX_FILE_BYTES. stat first (a FIFO or device is never
 * opened), then open non-blocking and check the open file again (the path may have been swapped),
 * and read at most one byte past the limit (a file that grows while read is refused too).
 */
function readReportFile(path: string): Read {
  const fail = (why: string): Read => ({ ok: false, message: `${path}: ${why}` })
  let fd: number | null = null
  try {
    const before = notRegular(statSync(path))
    if (before) return fail(before)
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
    const st = fstatSync(fd)
    const why = notRegular(st)
    if (why) return fail(why)
    if (st.size > MAX_FILE_BYTES) return fail(TOO_BIG)
    const buffer = new Uint8Array(Math.min(Math.max(st.size, 64 * 1024), MAX_FILE_BYTES) + 1)
    let length = 0
    let out = buffer
    for (;;) {
      if (length === out.length) {
        if (out.length > MAX_FILE_BYTES) return fail(TOO_BIG)
        const grown = new Uint8Array(Math.min(out.length * 2, MAX_FILE_BYTES + 1))
        grown.set(out)
        out = grown
      }
      const n = readSync(fd, out, length, out.length - length, null)
      if (n === 0) break
      length += n
      if (length > MAX_FILE_BYTES) return fail(TOO_BIG)
    }
    return { ok: true, bytes: out.subarray(0, length) }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return fail('文件不存在 (no such file)')
    if (code === 'EISDIR') return fail('是目录 (is a directory)')
    if (code === 'EACCES' || code === 'EPERM') return fail('没有读取权限 (permission denied)')
    if (code === 'ENXIO') return fail('不是普通文件 (not a regular file)')
    return fail(`无法读取 (cannot read: ${code ?? (e instanceof Error ? e.message : String(e))})`)
  } finally {
    if (fd !== null) closeSync(fd)
  }
}

/** Reads and parses one file; a one-line error message when it cannot be read at all. */
async function parseFile(path: string): Promise<{ ok: true; report: ParseResult & { meta: { sha256: string } } } | { ok: false; message: string }> {
  const read = readReportFile(path)
  if (!read.ok) return read
  const bytes = read.bytes
  const outcome = await parseReportAsync(bytes, path)
  if (!outcome.ok) return { ok: false, message: `${outcome.error} (${outcome.error_en})` }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  return { ok: true, report: { ...outcome.report, meta: { ...outcome.report.meta, sha256 } } }
}

async function main(argv: string[]): Promise<number> {
  const files = argv.filter((a) => a !== '--')
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent parse -- FILE [FILE…]\n')
    return 2
  }
  const reports: unknown[] = []
  let failed = false
  for (const file of files) {
    const result = await parseFile(file)
    if (result.ok) reports.push(result.report)
    else {
      const message = result.message.replace(/\s+/g, ' ')
      process.stderr.write(message + '\n')
      // contract.md: with several files the others are still printed, this one as {file, error}.
      reports.push({ file, error: message })
      failed = true
    }
  }
  if (files.length > 1) process.stdout.write(JSON.stringify(reports, null, 2) + '\n')
  else if (!failed) process.stdout.write(JSON.stringify(reports[0], null, 2) + '\n')
  return failed ? 1 : 0
}

process.exitCode = await main(process.argv.slice(2))
