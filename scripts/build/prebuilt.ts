import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DB_FILE_NAME } from '~/db/data-files'
import { openNodeConnector, type NodeConnector } from '~/db/node'
import { PREBUILT_FORMAT, prebuiltKey, prebuiltPath, type PrebuiltFile, type PrebuiltInfo, type PrebuiltView } from '~/db/prebuilt'
import { DEFAULT_STATE, moreStates, resolvedYear, unitPageBaseSql, unitPageYearSql, viewSql } from '~/db/prebuilt-states'
import { unitReportsSql, type UnitReportRow } from '~/db/sql/unit'
import { TABLES } from '~/db/schema'
import type { DistrictSummary } from '~/db/summary'
import { sha256 } from './hash'
import { PREBUILT_DIR, type EntryWithPrebuilt } from './first-screen'

export { PREBUILT_DIR }

/** Figures of one written district, for the build log and the benchmark. */
export interface PrebuiltStats {
  district: string
  /** False when the states one click away were left out (see {@link PrebuiltOptions.more}). */
  more: boolean
  files: number
  queries: number
  bytes: number
  /** Queries the engine refused (a view's bug): left out, so the browser runs them live and shows the error there. */
  failed: { sql: string; error: string }[]
}

/**
 * Builds larger than this many reports prebuild each view's default state and each unit page's
 * default year only; their `.more` files (the states one click away: another year, a unit kind, a
 * unit page's other years) are written empty, so those states wait for the engine. Those states are
 * about four fifths of a district's queries and of its prebuilt bytes (a 150-report district:
 * 1,256 queries, 7.0 MB in full), which at a province's 20,000 reports was 900 MB and most of the
 * build's time; a district or a city (the dashboard's usual build) keeps everything.
 */
export const PREBUILT_MORE_MAX_REPORTS = 5000

export interface PrebuiltOptions {
  /** Prebuild the states one click away (`.more` files); when false they are written empty. Default true. */
  more?: boolean
}

/**
 * Answer every view's first screens ahead of the browser's engine: for each district of `entries`
 * (summaries already written in `outDir`), run the SQL each view asks in its prebuilt states
 * (src/db/prebuilt-states.ts) on the Node engine over `outDir`'s just-written database, and write
 * `prebuilt/<district>/<view>[.more].json` (and a pair per unit for the unit page), each stamped
 * with the {@link contentDigest} of the database the browser attaches for that district. Adds `prebuilt`
 * (folder, digest, views) to each entry, so index.json tells the browser which files belong to
 * the database it will attach.
 */
export async function addPrebuilt(outDir: string, entries: EntryWithPrebuilt[], opts: PrebuiltOptions = {}): Promise<PrebuiltStats[]> {
  const withMore = opts.more ?? true
  const stats: PrebuiltStats[] = []
  for (const entry of entries) {
    // The database the browser attaches for this district: its own file when the build writes one, else the all-district file.
    const dbFile = join(outDir, entry.db ?? DB_FILE_NAME)
    // Two engines over the same read-only file: a query's planning is single-threaded, so two run side by side.
    const pool = await Promise.all([openNodeConnector(dbFile), openNodeConnector(dbFile)])
    // One DuckDB thread per connection: the queries are small (one district), and a second thread each
    // costs more in handing work over than it gains — measured 14.5 → 11.1 CPU-s for three districts.
    for (const c of pool) await c.exec('SET threads = 1')
    try {
      const digest = await contentDigest(pool[0]!)
      const summary = JSON.parse(readFileSync(join(outDir, entry.summary), 'utf8')) as DistrictSummary
      const info: PrebuiltInfo = { dir: `${PREBUILT_DIR}/${entry.id}`, digest, views: [] }
      const stat: PrebuiltStats = { district: entry.id, more: withMore, files: 0, queries: 0, bytes: 0, failed: [] }
      // Each SQL text runs once per district: the header's unit list, say, is asked by every view and every unit page.
      const run = memoRunner(pool, stat.failed)
      const write = async (view: PrebuiltView, sqls: Iterable<string>, part: { unit?: string; more?: boolean }) => {
        const file: PrebuiltFile = { format: PREBUILT_FORMAT, digest, district: entry.id, view, results: await run(sqls) }
        const text = JSON.stringify(file)
        const path = join(outDir, prebuiltPath(info, view, part))
        mkdirSync(dirname(path), { recursive: true })
        writeFileSync(path, text)
        stat.files++
        stat.queries += Object.keys(file.results).length
        stat.bytes += Buffer.byteLength(text)
      }
      for (const view of ['overview', 'compare', 'outcomes', 'appeal', 'active', 'coverage', 'units'] as const) {
        // The default state's file is small and read first; the states one click away follow in their own file.
        const first = viewSql(view, summary, DEFAULT_STATE)
        const shown = new Set(first)
        await write(view, first, {})
        const more = withMore ? moreStates(summary).flatMap((s) => viewSql(view, summary, s)).filter((sql) => !shown.has(sql)) : []
        // Written even when empty (the units directory has no year or kind states; a large build): the browser asks for every view's pair.
        await write(view, more, { more: true })
        info.views.push(view)
      }
      const year = resolvedYear(summary, null)
      for (const { unit } of summary.units) {
        // The unit's reports decide which report each year's SQL opens: the same query its page asks first (unitPageBaseSql).
        const reports = ((await run([unitReportsSql(entry.id, unit)]))[prebuiltKey(unitReportsSql(entry.id, unit))] ?? []) as UnitReportRow[]
        const first = [...unitPageBaseSql(entry.id, unit), ...(year === null ? [] : unitPageYearSql(entry.id, unit, year, reports))]
        await write('unit', first, { unit })
        const otherYears = withMore ? summary.years.filter((y) => y !== year) : []
        await write('unit', otherYears.flatMap((y) => unitPageYearSql(entry.id, unit, y, reports)), { unit, more: true })
      }
      if (summary.units.length) info.views.push('unit')
      entry.prebuilt = info
      stats.push(stat)
      // A view's bug, not the data's: said once per district (the browser runs these live and shows the error with its SQL).
      const f = stat.failed[0]
      if (f) console.warn(`prebuilt ${entry.id}: ${stat.failed.length} of the views' queries fail on the engine and are left to the browser; the first: ${f.error}\n  ${f.sql.split('\n').join('\n  ')}`)
    } finally {
      for (const c of pool) c.close()
    }
  }
  return stats
}

/**
 * SHA-256 over the contents of every table of the attached database (each table's rows as text,
 * sorted). Not the file's own hash: a DuckDB file embeds a random id, so the same data written twice
 * has other bytes — and the same input must give the same output (index.json, prebuilt files).
 */
export async function contentDigest(db: NodeConnector): Promise<string> {
  const parts: string[] = []
  for (const t of TABLES) {
    const [row] = await db.query<{ h: string | null }>(`SELECT md5(string_agg(CAST(t AS VARCHAR), chr(10) ORDER BY CAST(t AS VARCHAR))) AS h FROM ${t.name} t`)
    parts.push(`${t.name}:${row?.h ?? ''}`)
  }
  return sha256(parts.join('\n'))
}

/**
 * A runner of SQL texts over `pool`, remembering every answer: called with a list, it gives the rows
 * of each distinct text by its key (in the order given), running only the texts it has not run
 * before, spread over the pool's connections. A query that fails is added to `failed` (once) and
 * left out. For one read-only database: its answers do not change while the runner lives.
 */
function memoRunner(pool: NodeConnector[], failed: PrebuiltStats['failed']): (sqls: Iterable<string>) => Promise<Record<string, unknown[]>> {
  const done = new Map<string, unknown[] | null>()
  return async (sqls) => {
    const asked = [...new Set(sqls)]
    const todo = asked.filter((sql) => !done.has(sql))
    let next = 0
    await Promise.all(pool.map(async (db) => {
      while (next < todo.length) {
        const sql = todo[next++]!
        try {
          done.set(sql, await db.query(sql))
        } catch (err) {
          done.set(sql, null)
          failed.push({ sql, error: err instanceof Error ? err.message.split('\n')[0]! : String(err) })
        }
      }
    }))
    const out: Record<string, unknown[]> = {}
    for (const sql of asked) {
      const rows = done.get(sql)
      if (rows) out[prebuiltKey(sql)] = rows
    }
    return out
  }
}
