import type { Row } from '~/build/rows'
import type { DistrictInfo, UnitRecord } from '~/build/types'
import type { TableDef } from '~/db/schema'
import type { DistrictSummary } from '~/db/summary'
import type { ParseOutcome } from '~/report/types'

/**
 * The browser-local district ("我的报告"): report files a staff member drops on the page, read by
 * the same parser, matching, rules and row builders as the data build (scripts/build), kept in the
 * browser only. Its id never clashes with a published district folder (those are folder names).
 */
export const LOCAL_DISTRICT = 'local'

/**
 * Report ids of the local district start here, far above any published dataset's ids (which count
 * from 1), so a local report never shares an id with a published one in the same views.
 */
export const LOCAL_REPORT_ID_BASE = 1_000_000_000

/** A file as dropped: its path as the user gave it (folder/…/name, or zip name/inner path) and bytes. */
export interface DroppedFile {
  name: string
  bytes: Uint8Array
}

/** A dropped file after hashing and parsing (zip archives are already expanded into their files). */
export interface ParsedFile {
  name: string
  bytes: Uint8Array
  sha256: string
  size: number
  outcome: ParseOutcome
}

/** A dropped entry not taken in as a report, and why (a hidden file, a duplicate, a broken zip). */
export interface SkippedFile {
  name: string
  reason: string
  reason_en: string
}

/** Which registry the reports are matched against. */
export type RegistrySpec =
  /** A published district's units and place names (from the engine's units and districts tables). */
  | { kind: 'district'; district: string; info: DistrictInfo; units: UnitRecord[] }
  /** An uploaded units.csv (same columns as data/districts/<id>/units.csv). */
  | { kind: 'csv'; fileName: string; bytes: Uint8Array; name: string }
  /** Units inferred from the names the reports give themselves (labelled 推断 / inferred). */
  | { kind: 'inferred'; name: string }

/** The registry as resolved: its units, the district info used for matching, problems with its rows. */
export interface ResolvedRegistry {
  kind: RegistrySpec['kind']
  /** The published district it came from (kind `district`), or the uploaded file name (kind `csv`). */
  source: string | null
  info: DistrictInfo
  units: UnitRecord[]
  problems: string[]
}

/** One line of the review table: what became of a dropped file. */
export interface ReviewRow {
  name: string
  /** Where it sits in the district folder (reports/<year>/<file>), or null when not taken in. */
  path: string | null
  status: 'ok' | 'error' | 'unmatched' | 'unreadable' | 'skipped'
  unit: string | null
  year: number | null
  rendering: string | null
  cells: number
  errors: number
  warnings: number
  /** Why it is not ok (zh / en), empty when ok. */
  reason: string
  reason_en: string
}

/** A stored file of the district folder: its path in the folder and its bytes (for export and re-derivation). */
export interface PlacedFile {
  path: string
  bytes: Uint8Array
}

/** Everything the local district is: its rows for every open-data table, its summary, the review. */
export interface LocalBuild {
  registry: ResolvedRegistry
  tables: Record<TableDef['name'], Row[]>
  summary: DistrictSummary
  review: ReviewRow[]
  files: PlacedFile[]
}
