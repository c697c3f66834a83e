import type { ParseOutcome, ParseResult, Finding } from '~/report/types'
import type { Provenance, UnitKind } from '~/db/schema'
import type { InputFs, SkippedEntry } from './input-fs'
import type { LedgerRow } from './ledger'

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

/** A district folder read from disk; `problems` lists input errors that did not stop the build. */
export interface DistrictInput {
  id: string
  dir: string
  /** Real path of the data folder: no input is read outside it. */
  root: string
  /** The file-system layer inputs are read through (node:fs; tests inject failures). */
  fs: InputFs
  info: DistrictInfo
  units: UnitRecord[]
  /** sources.csv rows by `sourceKey(unit name, year)`. */
  sources: Map<string, SourceRecord>
  /** fetch-ledger.csv rows by stored file path (as `ReportFile.path`); absent or empty when nothing was fetched. */
  ledger?: Map<string, LedgerRow>
  files: ReportFile[]
  problems: string[]
  /** Remarks that are not problems (e.g. units.csv read as GB18030). */
  notes: string[]
  /** Entries under `reports/` that were not read, with the reason (hidden files as notes). */
  skipped: SkippedEntry[]
}

/** The parser the build calls; injected so tests can supply hand-made parse results. */
export interface BuildEngines {
  parse(bytes: Uint8Array, fileName: string): ParseOutcome | Promise<ParseOutcome>
  /** How many files may be in flight at once (default 1: one after the other). */
  concurrency?: number
  /** Told the number of report files before the first parse (a pool starts no more workers than files). */
  reserve?(files: number): void
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

export type { Finding, ParseOutcome, ParseResult }
