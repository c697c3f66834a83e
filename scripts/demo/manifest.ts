import type { Level } from '~/report/types'

/** The kinds of planted faults (data/districts/demo/README.md explains each). */
export type FaultKind =
  | 'missing'
  | 'A1'
  | 'A2'
  | 'A3'
  | 'A4'
  | 'carry_over'
  | 'copy_paste'
  | 'format_mismatch'
  | 'spike'
  | 'renamed_unit'
  | 'tables_missing'

/** What the build should report for a planted fault. */
export interface FaultExpectation {
  /**
   * Rule id (docs/rules.md, X1/X2, the parse id `tables_missing`), or `coverage` for a report
   * that is simply absent, or `unmatched` for a unit the registry must still recognise.
   */
  rule: string
  level?: Level
  /** Cell keys the finding must name (a subset of its cells). */
  cells?: string[]
  /** True when the rule must NOT fire for this report (renamed_unit: the alias must still match). */
  absent?: boolean
  /** Coverage status the unit-year must get (missing reports: declared not_published in sources.csv, or not_collected). */
  coverage?: 'not_published' | 'not_collected'
}

/** One planted fault. */
export interface Fault {
  /** Stable id, e.g. `a1-城东街道-2022`. */
  id: string
  kind: FaultKind
  /** Canonical registry name of the unit. */
  unit: string
  year: number
  /** Report file (relative to the district folder); absent for a missing report. */
  file?: string
  expect: FaultExpectation
  /** Plain-language description of what was changed. */
  note: string
  /** copy_paste: the report whose tables were copied (it carries the same X1 finding). */
  copied_from?: { unit: string; year: number }
}

/** data/districts/demo/manifest.json */
export interface Manifest {
  seed: number
  /** Generator options that, with the seed, reproduce the folder byte for byte. */
  options: { units: number; years: [number, number] }
  /** Report files written, per rendering. */
  renderings: Record<string, number>
  faults: Fault[]
}
