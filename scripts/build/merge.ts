import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { districtDbPath } from '~/db/data-files'
import type { DistrictSummary } from '~/db/summary'
import { str as sqlString } from '~/db/sql/literal'
import { DatabaseWriter, SMALL_BLOCK_SIZE } from './duckdb-writer'
import type { BuildLog } from './log'
import { assertReplaceable, beginOutput, recoverOutput, summaryPath, writeOutput, type OutputDistrict } from './output'
import { readPartManifest, type PartDistrict } from './part-manifest'
import { StepTimes } from './step-times'

export interface MergeOptions {
  /** Output folder (replaced as a whole when the merge succeeds, as by the build). */
  outDir: string
  log: BuildLog
  /** As the build's option of that name (scripts/build/prebuilt.ts PREBUILT_MORE_MAX_REPORTS). */
  prebuiltMoreMaxReports?: number
}

export interface MergeResult {
  districts: string[]
  reports: number
  /** Files written, relative to outDir. */
  files: string[]
}

/**
 * Merge the output folders of several builds (`parts`: one district's job each, or any build or
 * earlier merge) into one output, as one build of all their districts would write it: the same
 * tables, files and index. Nothing is parsed again: each district's rows are copied by DuckDB from
 * the part's db/<district>.duckdb with its reports renumbered (a build numbers reports from 1 in
 * district order; the merge numbers them on across districts in that same order), and the shared
 * files — gov.duckdb, the open files, the prebuilt results, index.json, national.json,
 * datapackage.json — are written from those databases by the build's own code (output.ts).
 * `created` is the newest of the parts'. A district in two parts is refused.
 */
export async function mergeOutputs(parts: readonly string[], opts: MergeOptions): Promise<MergeResult> {
  const startedAt = performance.now()
  const found = new Map<string, { part: string; d: PartDistrict }>()
  let created = ''
  for (const part of parts) {
    const m = readPartManifest(part)
    if (m.created > created) created = m.created
    for (const d of m.districts) {
      const seen = found.get(d.id)
      if (seen) throw new Error(`district ${d.id} is in two parts: ${seen.part} and ${part}; merge each district once`)
      found.set(d.id, { part, d })
    }
  }
  if (found.size === 0) throw new Error('no districts in the parts given')
  for (const line of recoverOutput(opts.outDir)) opts.log.info(line)
  assertReplaceable(opts.outDir)
  const tmp = beginOutput(opts.outDir)
  const times = new StepTimes()
  // District order: by id, the order the build reads district folders in (and numbers reports in).
  const ids = [...found.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const districts: OutputDistrict[] = []
  let reports = 0
  const probe = await DuckDBInstance.create(':memory:')
  const con = await probe.connect()
  try {
    for (const id of ids) {
      const { part, d } = found.get(id)!
      const src = join(part, districtDbPath(id))
      const [range] = await times.time('district db', async () => {
        await con.run(`ATTACH ${sqlString(src)} AS p (READ_ONLY)`)
        try {
          return (await con.runAndReadAll('SELECT MIN(report_id)::INTEGER AS first, COUNT(*)::INTEGER AS n FROM p.main.reports')).getRowObjectsJS()
        } finally {
          await con.run('DETACH p')
        }
      })
      const n = Number(range?.n ?? 0)
      const shift = n === 0 ? 0 : reports + 1 - Number(range!.first)
      await times.time('district db', async () => {
        const db = await DatabaseWriter.create(join(tmp, districtDbPath(id)), { blockSize: SMALL_BLOCK_SIZE })
        try {
          await db.appendDatabase(src, { reportIdShift: shift })
          await db.finishTables()
        } finally {
          await db.close()
        }
      })
      reports += n
      const summaryFile = summaryPath(id)
      copyFileSync(join(part, summaryFile), join(tmp, summaryFile))
      const summary = JSON.parse(readFileSync(join(tmp, summaryFile), 'utf8')) as DistrictSummary
      districts.push({ input: { id, info: d.info }, summary, national: { summary, counted: d.counted, findings: d.findings }, urls: d.urls })
      opts.log.info(`${id}: ${n} reports from ${part}`)
    }
  } finally {
    con.closeSync()
    probe.closeSync()
  }
  const files = await writeOutput({ outDir: opts.outDir, created, prebuiltMoreMaxReports: opts.prebuiltMoreMaxReports }, districts, {}, times)
  opts.log.info(`time: merge ${((performance.now() - startedAt) / 1000).toFixed(1)} s [${times.line()}]`)
  return { districts: ids, reports, files }
}
