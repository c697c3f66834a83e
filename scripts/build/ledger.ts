import Papa from 'papaparse'
import type { ParseResult } from '~/report/types'

/**
 * The fetch ledger (`<district>/fetch-ledger.csv`, written by `npm run fetch`, see docs/fetch.md):
 * one row per downloaded address of a unit-year — the page of sources.csv, and any attachment
 * fetched from it (`parent_url` = the page). The build reads it for one thing: what a fetched
 * report file does not state about itself — its page address (source_url) and, only when the report
 * prints no date, the publication date its page's metadata gave. HTTP Last-Modified is recorded but
 * never used as a publication date: a server's file time is not when a report was published.
 */

/** The ledger's file name inside a district folder. */
export const LEDGER_FILE = 'fetch-ledger.csv'

/** Columns, in the order the fetch writes them. */
export const LEDGER_COLUMNS = [
  'unit', 'year', 'url', 'parent_url', 'final_url', 'file', 'fetched_at', 'checked_at', 'http_status', 'content_type',
  'bytes', 'sha256', 'etag', 'last_modified', 'published_at', 'outcome', 'error', 'note',
] as const

export type LedgerColumn = (typeof LEDGER_COLUMNS)[number]

/** One ledger row; empty cells are ''. */
export type LedgerRow = Record<LedgerColumn, string>

/** The ledger's rows and the problems found in it ("line N: …", for the caller to prefix with the file). */
export function parseLedger(text: string): { rows: LedgerRow[]; problems: string[] } {
  const problems: string[] = []
  const out = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() })
  for (const e of out.errors) problems.push(`${typeof e.row === 'number' ? `row ${e.row + 2}: ` : ''}CSV error: ${e.message}`)
  const fields = out.meta.fields ?? []
  const lacking = (['unit', 'year', 'url', 'file'] as const).filter((c) => !fields.includes(c))
  if (lacking.length > 0) {
    problems.push(`line 1: the header lacks column ${lacking.map((c) => `"${c}"`).join(', ')}; ledger not used`)
    return { rows: [], problems }
  }
  const rows = out.data.map((r) => Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, (r[c] ?? '').trim()])) as LedgerRow)
  return { rows, problems }
}

/** Ledger rows by the stored file (path relative to the district folder); rows without a file are left out. */
export function ledgerByFile(rows: readonly LedgerRow[]): Map<string, LedgerRow> {
  const map = new Map<string, LedgerRow>()
  for (const r of rows) if (r.file) map.set(r.file, r)
  return map
}

/** The part of a built report the ledger fills in (structural: types.ts imports LedgerRow from here, no cycle). */
interface LedgerTarget {
  url: string | null
  report: ParseResult | null
}

/**
 * Fill in what a fetched report does not say itself: its page address (an attachment's page is
 * its parent) and, when the report prints no publication date, the date from its page's metadata.
 * What the file states always wins.
 */
export function applyLedger(built: LedgerTarget, row: LedgerRow | undefined): void {
  if (!row) return
  const meta = built.report?.meta
  if (!meta?.source_url) built.url = row.parent_url || row.url || built.url
  if (built.report && meta && !meta.published_at && /^\d{4}-\d{2}-\d{2}$/.test(row.published_at)) {
    // A copy: the parse result may be shared (a cache), the ledger's date belongs to this file only.
    built.report = { ...built.report, meta: { ...meta, published_at: row.published_at } }
  }
}
