/**
 * `npm run import -- --district ID [--data DIR] [--dry-run] [--review FILE] [--jobs N] PATH…`:
 * report files, folders and .zip archives → `<data>/districts/<ID>/reports/<year>/`, with a review
 * of every file (see docs/import.md).
 * Exit 0: every file is placed, already present, a duplicate or skipped by design (hidden).
 * Exit 1: some files were not placed (unmatched, ambiguous, no year, not a report, unreadable, refused, not written).
 * Exit 2: a bad command line (unknown option or district, missing path, --review folder missing).
 */
import { availableParallelism } from 'node:os'
import { dirname, resolve } from 'node:path'
import { writeFileSync, statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { withEngines } from './build-data'
import { reviewCsv, reviewTable } from './import/review'
import { runImport, UsageError } from './import/run'
import type { BuildEngines } from './build/types'

const USAGE = 'usage: npm run import -- --district ID [--data DIR] [--dry-run] [--review FILE] [--jobs N] PATH…'

export interface ImportArgs {
  district: string
  dataDir: string
  dryRun: boolean
  review: string | null
  jobs: number
  paths: string[]
}

/** Read the command line; throws UsageError with the reason. */
export function readImportArgs(argv: string[]): ImportArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        district: { type: 'string' },
        data: { type: 'string', default: 'data' },
        'dry-run': { type: 'boolean', default: false },
        review: { type: 'string' },
        jobs: { type: 'string', default: String(availableParallelism()) },
      },
      strict: true,
    })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const { values, positionals } = parsed
  if (!values.district) throw new UsageError('--district ID is required (the folder name under data/districts/)')
  if (positionals.length === 0) throw new UsageError('give at least one file, folder or .zip to import')
  const jobs = Number(values.jobs)
  if (!Number.isInteger(jobs) || jobs < 0) throw new UsageError(`--jobs must be a whole number ≥ 0, got "${values.jobs}"`)
  const review = values.review ? resolve(values.review) : null
  if (review && !isDir(dirname(review))) throw new UsageError(`--review ${values.review}: the folder ${dirname(review)} does not exist`)
  return { district: values.district, dataDir: resolve(values.data), dryRun: values['dry-run'], review, jobs, paths: positionals }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory()
  } catch {
    return false
  }
}

/** Run the import from the command line; returns the exit code. `engines` replaces the parser pool (tests). */
export async function main(argv: string[], options: { engines?: BuildEngines } = {}): Promise<number> {
  try {
    const args = readImportArgs(argv)
    const run = (engines: BuildEngines) => runImport({ ...args, engines, log: (line) => console.error(line) })
    const result = options.engines ? await run(options.engines) : await withEngines(args.jobs, run)
    for (const line of reviewTable(result)) console.log(line)
    if (args.review) {
      writeFileSync(args.review, reviewCsv(result))
      console.error(`review written to ${args.review}`)
    }
    if (result.unplaced > 0) console.error(`import: ${result.unplaced} file${result.unplaced === 1 ? ' was' : 's were'} not placed (see the table; nothing of them was copied)`)
    return result.unplaced > 0 ? 1 : 0
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`import: ${e.message}\n${USAGE}`)
      return 2
    }
    console.error(`import: ${(e as Error).stack ?? e}`)
    return 1
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2))
}
