import type { ParseOutcome, ParseResult, Finding } from '~/report/types'
import type { Provenance, UnitKind } from '~/db/schema'

/*
 * The types the pure build steps (this folder) work on. The Node build adds what only it has — the
 * district folder on disk, the file-system layer, the fetch ledger (scripts/build/types.ts
 * `DistrictInput`) — so the browser's local district (src/local) can run these steps on memory alone.
 */

/** district.json, normalised. */
export interface DistrictInfo {
  name: string
  city: string
  province: string
  publisher: string
  license: string
  /** What the license covers, in the publisher's words (district.json "license_note"); '' when absent. */
  license_note: string
  contact: string
  /** Provenance of the district's reports. */
  provenance: Provenance
  synthetic: boolean
  /** Inclusive year span of the coverage grid, when district.json gives one. */
  years: [number, number] | null
  /** Position in index.json (the first district is the dashboard's default): lower first, then id; absent = 0. */
  order?: number
}

/** One row of units.csv. */
export interface UnitRecord {
  code: string | null
  name: string
  kind: UnitKind
  aliases: string[]
  valid_from: number | null
  valid_to: number | null
}

/** sources.csv `status`: empty or `published` (the report is at `url`), `not_published` (looked for on `checked_at`, not found). */
export type SourceStatus = 'published' | 'not_published'

/** One row of sources.csv: where a unit-year's report is published, or that it was looked for and not found. */
export interface SourceRecord {
  unit: UnitRecord
  year: number
  url: string | null
  status: SourceStatus
  /** YYYY-MM-DD the search was made (required for not_published). */
  checked_at: string | null
  note: string | null
  /** `sources.csv line N`, for messages. */
  where: string
}

/** A report file found under `reports/`. */
export interface ReportFile {
  /** Path relative to the district folder, with `/` separators (e.g. `reports/2021/x.txt`). */
  path: string
  /** Absolute path on disk. */
  abs: string
  /** The `<year>` folder the file sits in, or null when it is not in a year folder. */
  folderYear: number | null
}

/** Report status values (src/db/schema.ts REPORT_STATUSES). */
export type ReportStatus = 'ok' | 'error' | 'unreadable' | 'unmatched'

/** One report file after parsing, unit matching and year assignment. */
export interface BuiltReport {
  reportId: number
  district: string
  file: string
  sha256: string
  provenance: Provenance
  url: string | null
  /** The parse result, or null when the file was unreadable. */
  report: ParseResult | null
  /** The registry unit, or null when unmatched. */
  unit: UnitRecord | null
  /** Canonical unit name, or the best name we have for an unmatched report. */
  unitName: string
  year: number | null
  status: ReportStatus
  /** Parse findings plus build findings (unmatched, year mismatch, unreadable …). */
  findings: Finding[]
}

/**
 * What the pure build steps read of a district: its id, district.json, units.csv and sources.csv.
 * The Node build's `DistrictInput` extends it with the folder and the files found in it.
 */
export interface DistrictData {
  id: string
  info: DistrictInfo
  units: UnitRecord[]
  /** sources.csv rows by `sourceKey(unit name, year)`; empty when the district has none. */
  sources: Map<string, SourceRecord>
}

export type { Finding, ParseOutcome, ParseResult }
