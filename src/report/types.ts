import type { DetectedFormat, FormatId, SectionKey } from './model/types'

/**
 * The kinds of unit a district registry lists. Defined here, in the pure report layer, because
 * rule A10 and the parser's name reading need them; the database schema re-exports them.
 */
export const UNIT_KINDS = ['街道', '镇', '乡', '部门', '区本级'] as const
export type UnitKind = (typeof UNIT_KINDS)[number]

/** Finding severity: error = the report contradicts itself; warn = likely wrong; info = a hint. */
export type Level = 'error' | 'warn' | 'info'

/**
 * One validator or parser diagnostic. Never changes a value; it only describes.
 * `rule` is a docs/rules.md id (A1–A11, C1–C5, F1–F3) or a parse-level id (see PARSE_RULES).
 */
export interface Finding {
  rule: string
  level: Level
  /** Cell keys involved (may be empty for report-level findings). */
  cells: string[]
  /** Chinese message naming the section and cell (UI default language). */
  message: string
  /** English message. */
  message_en: string
  /** What the arithmetic expected, when the rule is arithmetic. */
  expected?: number | string | null
  /** What the report printed. */
  actual?: number | string | null
  /** True when a blank (null) cell was counted as 0 to evaluate the rule. */
  assumed_zero?: boolean
  /** The table section the finding is about, if any. */
  section?: 'active' | 'apply' | 'appeal' | 'meta' | 'prose'
  /** Raw text involved (e.g. the non-numeric cell text), never rendered as HTML. */
  detail?: string
}

/** How a printed cell string was read (docs/formats.md, “Reading a cell”). */
export type CellFlag = 'ok' | 'blank' | 'zero_text' | 'non_numeric'

/**
 * Why a cell that looks like a number was not read as one (value null, flag `non_numeric`):
 * `too_large` — more digits than a double holds exactly (above 2^53, over 15 significant digits);
 * `split_digits` — digits separated by a space or a line break ("1 2", 1<br>2): not one number;
 * `odd_digits` — circled, superscript or other digit forms (⑫, ¹²) that NFKC would turn into digits;
 * `unit_mismatch` — the printed unit contradicts the column's unit (1500元 in a 万元 column).
 */
export type CellProblem = 'too_large' | 'split_digits' | 'odd_digits' | 'unit_mismatch'

/** Reading notes for a cell whose printed text was not a plain number. */
export interface CellNote {
  /** The printed text before normalisation. */
  raw: string
  flag: CellFlag
  /** Unit printed inside the cell (元, 万元, 件 …), if any. */
  unit?: string
  /** Set when the text looked like a number but could not be read exactly (see {@link CellProblem}). */
  problem?: CellProblem
}

/** The input layouts the parser recognises (docs/parse-contract.md, “Input”, issue 2 a–g). */
export type Rendering =
  | 'docx-text' // a. text extracted from .docx: one tab-prefixed cell per line
  | 'lines' // b. one cell per line/paragraph (web page copied as text)
  | 'pipe' // c. `|`-separated rows, markdown tables, lone `|` lines
  | 'html' // d. .html with <table>
  | 'docx' // e. .docx read directly
  | 'pdf-text' // f. PDF-extracted text
  | 'pdf' // a PDF file read directly (text positions → rows and cells)
  | 'glued' // g. cells glued without separators
  | 'none' // no table layout found

export interface ReportMeta {
  /** Unit as the report names itself, normalised; null if not found. */
  unit: string | null
  /** Year the figures cover (from the title); null if not found. */
  year: number | null
  /** Detected from the tables; authoritative. */
  format: DetectedFormat
  /** From the preamble's 国办公开办函 citation, or null. */
  format_claimed: FormatId | null
  /** Format detected per table section (they may disagree, docs/formats.md, “Telling the formats apart”). */
  format_sections: { active: DetectedFormat; apply: DetectedFormat }
  /** Year found in "统计期限自YYYY年…" (rule F3), or null. */
  period_year: number | null
  /** Input file name as given. */
  file: string
  rendering: Rendering
  /** Text encoding detected (utf-8, utf-16le, gb18030 …; "docx" for .docx). */
  encoding: string
  /** True when traditional-script text was converted to simplified before matching. */
  traditional: boolean
  /** Section headings found, in order. */
  sections_found: SectionKey[]
  /** The page's own address where the file states it (docs/parse-contract.md); null when it does not. */
  source_url?: string | null
  /** Publication date "YYYY-MM-DD" where the file states it (e.g. PDF metadata); null when it does not. */
  published_at?: string | null
}

/** Prose sections kept as plain text (never rendered as HTML). */
export interface ReportProse {
  overview?: string
  problems?: string
  other?: string
}

/** What `parse` returns for one readable file; serialised as the docs/parse-contract.md JSON document. */
export interface ParseResult {
  meta: ReportMeta
  /** Every located cell: number, or null when present but blank. An absent key = not found. */
  cells: Record<string, number | null>
  /** Notes for cells whose text was not a plain number (blank, 无/—, text, units). */
  cell_notes: Record<string, CellNote>
  prose: ReportProse
  findings: Finding[]
}

/** parseReport never throws on bad input: it returns ok=false with a one-line reason. */
export type ParseOutcome = { ok: true; report: ParseResult } | { ok: false; error: string; error_en: string }

/**
 * Parse-level finding ids (beside the §7 rule ids). Stable: they appear in the open data.
 */
export const PARSE_RULES = {
  tables_missing: 'Section headings present but a table is missing',
  short_row: 'A table row has fewer value cells than the format prints',
  non_numeric: 'Text in a number cell',
  zero_text: '无/—/-// in a number cell read as 0',
  unit_in_cell: 'A unit (件, 元, 万元 …) printed inside a number cell',
  glued_ambiguous: 'Glued digits whose split is not unique: cells left out',
  glued_recovered: 'Glued digits split using the table arithmetic',
  truncated: 'The file ends before the tables do',
  pdf_text: 'PDF-extracted text: table structure reconstructed from tokens',
  no_unit: 'Unit name not found',
  no_year: 'Report year not found',
  duplicate_row: 'A table row appears more than once; the first was kept',
  extra_row: 'A row that is not in the national format (e.g. provincial additions)',
  row_misaligned: 'A table row has more cells than the format prints and they cannot be placed with certainty',
  legacy: 'Pre-2019 or free-form report: no national tables',
  heading_missing: 'A table section found by its table because its heading was not recognised',
  number_too_large: 'A number too long to be read exactly (non-finite, above 2^53 or over 15 significant digits): left out',
  unit_mismatch: 'A unit printed in a cell contradicts the column unit (e.g. 元 in a 万元 column): left out',
  no_table: 'The file is a report (title or headings) but no table cell was found',
  bad_bytes: 'Invalid bytes in the text encoding, replaced by U+FFFD',
} as const
