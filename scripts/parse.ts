/**
 * `npm run --silent parse -- FILE…`: prints one JSON document per report file (a JSON array for
 * several), per docs/parse-contract.md, with cell_notes, prose and meta.sha256 beside the
 * contract fields. A file that cannot be read → one line on stderr naming it, exit 1; with
 * several files the others are still printed, the unreadable one as `{"file", "error"}` in its
 * place. Never a stack trace, never a hang: only regular files up to 100 MB are
 * read (a device, FIFO or socket is refused without being waited on; see readRegularFile).
 */
import { createHash } from 'node:crypto'
import { parseReportAsync } from '../src/report/read'
import { readRegularFile } from './build/input-fs'
import type { ParseResult } from '../src/report/types'

/** Reads one file with the build's bounded reader; a one-line bilingual message when it cannot. */
function readReportFile(path: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  const read = readRegularFile(path)
  return read.ok ? read : { ok: false, message: `${path}: ${read.reason_zh} (${read.reason})` }
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
      // docs/parse-contract.md: with several files the others are still printed, this one as {file, error}.
      reports.push({ file, error: message })
      failed = true
    }
  }
  if (files.length > 1) process.stdout.write(JSON.stringify(reports, null, 2) + '\n')
  else if (!failed) process.stdout.write(JSON.stringify(reports[0], null, 2) + '\n')
  return failed ? 1 : 0
}

process.exitCode = await main(process.argv.slice(2))
