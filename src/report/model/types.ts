/** The two national table formats. `legacy` (pre-2019 free form) and `unknown` have no cells. */
export type FormatId = 'gov2021' | 'gov2019'

/** What the parser can detect: a national format, a pre-2019 report, or nothing recognisable. */
export type DetectedFormat = FormatId | 'legacy' | 'unknown'

export const FORMATS: readonly FormatId[] = ['gov2021', 'gov2019']

/** The three tabular sections of a report: 二 主动公开, 三 依申请公开, 四 复议诉讼. */
export type TableSection = 'active' | 'apply' | 'appeal'

/** The six sections of a report, by their machine key in docs/formats.md, “Six sections”. */
export type SectionKey = 'sec.overview' | 'sec.active' | 'sec.apply' | 'sec.appeal' | 'sec.problems' | 'sec.other'

/**
 * How a cell's value is read and checked (rule A7):
 * - `count`: integer ≥ 0;
 * - `signed`: integer that may be negative or carry a `+` (2019 本年增/减);
 * - `decimal`: number ≥ 0 that may have decimals (2021 fee amount in 万元; 2019 procurement amount).
 */
export type CellType = 'count' | 'signed' | 'decimal'

/** A bilingual label. */
export interface Label {
  /** Chinese, exactly as printed in the national template. */
  zh: string
  /** English translation used by the UI and the data dictionary. */
  en: string
}

/** One cell of a national table: the single source for parser, validator, database and UI labels. */
export interface CellDef {
  /** Machine key from docs/formats.md, e.g. `apply.result.withheld.state_secret.total`. */
  key: string
  section: TableSection
  /** Row key inside the section, e.g. `result.withheld.state_secret` (apply) or `regulation` (active). */
  row: string
  /** Column key inside the section, e.g. `total` or `issued`. */
  col: string
  /** Printed row label (leaf label; for grouped rows the sub-row label). */
  rowLabel: Label
  /** Printed column label (leaf label). */
  colLabel: Label
  /** Full bilingual name of the cell, for tooltips, CSV headers and the data dictionary. */
  label: Label
  type: CellType
  /** Formats whose template prints this cell. */
  formats: readonly FormatId[]
}
