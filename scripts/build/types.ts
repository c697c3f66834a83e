import type { ParseOutcome } from '~/report/types'
import type { DistrictData, ReportFile } from '~/build/types'
import type { InputFs, SkippedEntry } from './input-fs'
import type { LedgerRow } from './ledger'

// The pure types live in src/build/types.ts (shared with the browser's local district); re-exported
// here so build code names one module for its types.
export type {
  BuiltReport, DistrictData, DistrictInfo, Finding, ParseOutcome, ParseResult, ReportFile, ReportStatus, SourceRecord, SourceStatus, UnitRecord,
} from '~/build/types'

/** A district folder read from disk; `problems` lists input errors that did not stop the build. */
export interface DistrictInput extends DistrictData {
  dir: string
  /** Real path of the data folder: no input is read outside it. */
  root: string
  /** The file-system layer inputs are read through (node:fs; tests inject failures). */
  fs: InputFs
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
  /** Told that every file is parsed: a pool lets its workers go (their memory is not needed while the build writes). */
  release?(): Promise<void>
}
