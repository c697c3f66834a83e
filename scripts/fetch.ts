/**
 * `npm run fetch [-- --data DIR --district ID --delay MS --timeout MS --retries N --strict]`:
 * download the reports sources.csv points at into each district folder (docs/fetch.md).
 * Exit 0 when every address was fetched or found unchanged; 1 when any download failed or a
 * district could not be read (and, with --strict, also when a stored file does not look like a
 * report or sources.csv / the ledger has a bad row); 2 for bad arguments.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_HTTP, type HttpOptions } from './fetch/http'
import { runFetch, summaryLines, type FetchLog, type FetchResult } from './fetch/run'

export interface FetchArgs {
  dataDir: string
  district: string | undefined
  strict: boolean
  http: HttpOptions
}

const USAGE = 'usage: npm run fetch -- [--data DIR] [--district ID] [--delay MS] [--timeout MS] [--retries N] [--strict]'

/** Read the command line; throws with a one-line message on a bad value. */
export function readFetchArgs(argv: string[]): FetchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string', default: 'data' },
      district: { type: 'string' },
      delay: { type: 'string', default: String(DEFAULT_HTTP.delayMs) },
      timeout: { type: 'string', default: String(DEFAULT_HTTP.timeoutMs) },
      retries: { type: 'string', default: String(DEFAULT_HTTP.retries) },
      strict: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const whole = (name: string, v: string, min: number) => {
    const n = Number(v)
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got "${v}"`)
    return n
  }
  return {
    dataDir: resolve(values.data),
    district: values.district,
    strict: values.strict,
    http: { ...DEFAULT_HTTP, delayMs: whole('delay', values.delay, 0), timeoutMs: whole('timeout', values.timeout, 1), retries: whole('retries', values.retries, 0) },
  }
}

/** The exit status of a finished run (see the module comment). */
export function exitCode(result: FetchResult, strict: boolean): number {
  if (result.files.some((f) => f.outcome === 'failed')) return 1
  if (result.failedDistricts.length > 0) return 1
  if (strict && (result.problems.length > 0 || result.files.some((f) => f.notReport))) return 1
  return 0
}

export async function main(argv: string[], log: FetchLog = { info: (l) => console.log(l), problem: (l) => console.error(l) }, http?: Partial<HttpOptions>): Promise<number> {
  let args: FetchArgs
  try {
    args = readFetchArgs(argv)
  } catch (e) {
    log.problem(`fetch: ${(e as Error).message}\n${USAGE}`)
    return 2
  }
  const result = await runFetch({ dataDir: args.dataDir, district: args.district, http: { ...args.http, ...http } }, log)
  const code = exitCode(result, args.strict)
  for (const line of summaryLines(result)) (code === 0 ? log.info : log.problem)(line)
  return code
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2))
}
