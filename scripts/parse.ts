/**
 * `npm run --silent parse -- FILE…`: prints one JSON document per report file (a JSON array for
 * several), per /work/shared/contract.md, with cell_notes, prose and meta.sha256 beside the
 * contract fields. A file that cannot be read → one line on stderr naming it, exit 1; never a
 * stack trace.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { parseReportAsync } from '../src/report/parse/index'
import type { ParseResult } from '../src/report/types'

/** Reads and parses one file; a one-line error message when it cannot be read at all. */
async function parseFile(path: string): Promise<{ ok: true; report: ParseResult & { meta: { sha256: string } } } | { ok: false; message: string }> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(readFileSync(path))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? '文件不存在 (no such file)' : code === 'EISDIR' ? '是目录 (is a directory)' : `无法读取 (cannot read: ${code ?? String(e)})`
    return { ok: false, message: `${path}: ${why}` }
  }
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
      process.stderr.write(result.message.replace(/\s+/g, ' ') + '\n')
      failed = true
    }
  }
  if (failed) return 1
  process.stdout.write(JSON.stringify(files.length === 1 ? reports[0] : reports, null, 2) + '\n')
  return 0
}

process.exitCode = await main(process.argv.slice(2))
