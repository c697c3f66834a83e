import { keysOf, sectionKeysOf } from '../model'
import type { DetectedFormat, FormatId, SectionKey } from '../model/types'
import type { CellNote, Finding, ParseResult, Rendering, ReportProse } from '../types'
import { cellNoteFindings } from './cell-findings'
import type { Block, StructuredDoc } from './doc'
import { readTables } from './read-tables'
import { tokensOfBlocks, type Token } from './tokens'
import type { Extracted } from './extract-types'
import { parseFinding } from './findings'
import { noTableFindings } from './input-findings'
import { readPreamble } from './meta'
import { anchorMissingSections } from './section-anchors'
import { splitSections } from './sections'
import { tidy } from './text-norm'

/** How the document was read, recorded in meta. */
export interface DocInfo {
  file: string
  rendering: Rendering
  encoding: string
  traditional: boolean
  /** Publication date "YYYY-MM-DD" where the file states it (PDF metadata, a page's 发布时间). */
  published_at?: string | null
  /** The page's own address where the file states it. */
  source_url?: string | null
}

const TABLE_SECTIONS = [
  ['sec.active', 'active'],
  ['sec.apply', 'apply'],
  ['sec.appeal', 'appeal'],
] as const

/**
 * The extractor: reads sections 二/三/四 of any rendering from its block form and decides the
 * format per section from the tables. Its findings are the parse's own; the validator's rules
 * are added by src/report/read.ts, so the parser never depends on the validator. Never throws
 * on odd input; what it cannot read it reports.
 */
export function parseDoc(doc: StructuredDoc, info: DocInfo, tokens?: readonly Token[]): ParseResult {
  const split = anchorMissingSections(doc, splitSections(doc))
  const allText = doc.blocks.map(blockText).join('\n')
  const pre = readPreamble(split.preamble, allText)

  const yearFormat: FormatId | null = pre.year === null ? null : pre.year >= 2021 ? 'gov2021' : pre.year >= 2019 ? 'gov2019' : null
  const tables = readTables(tokens ?? tokensOfBlocks(doc.blocks))
  const { active, apply, appeal } = tables
  const activeFormat = tables.formats.active
  const applyFormat = tables.formats.apply
  // A section without its own markers is read in the other section's format (rows 一–（五） and
  // section 四 are the same in both formats).
  const fallback: FormatId = applyFormat ?? activeFormat ?? yearFormat ?? 'gov2021'

  const sectionFormat = (ex: Extracted, own: FormatId | null): DetectedFormat => (ex.hasTable ? (own ?? fallback) : 'unknown')
  const format_sections = { active: sectionFormat(active, activeFormat), apply: sectionFormat(apply, applyFormat) }
  const anyTable = active.hasTable || apply.hasTable || appeal.hasTable
  // Sections in different formats (a 2021 section 二 with a 2019-style （六） row): the one the
  // report's year implies, when a section has it; else section 三's.
  const mixed = apply.hasTable && active.hasTable && format_sections.apply !== format_sections.active
  const format: DetectedFormat = mixed && yearFormat !== null && (format_sections.active === yearFormat || format_sections.apply === yearFormat)
    ? yearFormat
    : apply.hasTable
    ? format_sections.apply
    : active.hasTable
      ? format_sections.active
      : appeal.hasTable
        ? fallback
        : pre.year !== null && pre.year < 2019
          ? 'legacy'
          : 'unknown'

  const cells = orderedCells([active, apply, appeal], format_sections, anyTable ? fallback : null)
  const cell_notes = mergeNotes([active, apply, appeal])
  const prose = readProse(split.sections)

  const findings: Finding[] = [
    ...metaFindings(pre.unit, pre.year, info.rendering, format),
    ...structureFindings(split.found, { active, apply, appeal }, format),
    ...split.located.map(headingMissingFinding),
    ...active.findings,
    ...apply.findings,
    ...appeal.findings,
    ...cellNoteFindings(cell_notes),
    ...noTableFindings(cells, format),
  ]
  const meta = {
    unit: pre.unit,
    year: pre.year,
    format,
    format_claimed: pre.format_claimed,
    format_sections,
    period_year: pre.period_year,
    file: info.file,
    rendering: info.rendering,
    encoding: info.encoding,
    traditional: info.traditional,
    sections_found: split.found,
    source_url: info.source_url ?? doc.page?.source_url ?? pre.source_url,
    published_at: info.published_at ?? doc.page?.published_at ?? pre.published_at,
  }
  return { meta, cells, cell_notes, prose, findings }
}

function blockText(block: Block): string {
  return block.kind === 'para' ? block.text : block.rows.map((r) => r.join('\t')).join('\n')
}

const PRINT_ORDER = new Map<string, readonly string[]>()

/** Print order of the cells for a pair of section formats (section 二, 三, 四), computed once. */
function printOrder(active: FormatId, apply: FormatId): readonly string[] {
  const id = `${active}/${apply}`
  let order = PRINT_ORDER.get(id)
  if (!order) {
    order = [...sectionKeysOf(active, 'active'), ...sectionKeysOf(apply, 'apply'), ...sectionKeysOf('gov2021', 'appeal')]
    PRINT_ORDER.set(id, order)
  }
  return order
}

/** Cells in print order (section 二, 三, 四 of each section's format), so output is stable. */
function orderedCells(parts: Extracted[], sections: { active: DetectedFormat; apply: DetectedFormat }, fallback: FormatId | null): Record<string, number | null> {
  const merged = new Map<string, number | null>()
  for (const part of parts) for (const key in part.cells) merged.set(key, part.cells[key]!)
  const asFormat = (f: DetectedFormat): FormatId => (f === 'gov2021' || f === 'gov2019' ? f : (fallback ?? 'gov2021'))
  const out: Record<string, number | null> = {}
  for (const key of printOrder(asFormat(sections.active), asFormat(sections.apply))) {
    const value = merged.get(key)
    if (value !== undefined) {
      out[key] = value
      merged.delete(key)
    }
  }
  // Keys of the other format (a mixed report) keep their place after the known order.
  for (const [key, value] of merged) out[key] = value
  return out
}

/**
 * All sections' notes in one record. A plain key loop, not object spread: the per-section notes
 * records grow key by key into dictionary mode, and V8's spread of those took ~1 ms for a page
 * of blank cells (variation “blank instead of 0” in docs/formats.md), a third of the whole parse.
 */
function mergeNotes(parts: Extracted[]): Record<string, CellNote> {
  const merged: Record<string, CellNote> = {}
  for (const part of parts) for (const key in part.notes) merged[key] = part.notes[key]!
  return merged
}

function readProse(sections: Partial<Record<SectionKey, Block[]>>): ReportProse {
  const text = (key: SectionKey): string | undefined => {
    const lines = (sections[key] ?? []).filter((b): b is Extract<Block, { kind: 'para' }> => b.kind === 'para').map((b) => tidy(b.text)).filter(Boolean)
    return lines.length > 0 ? lines.join('\n') : undefined
  }
  const prose: ReportProse = {}
  const overview = text('sec.overview')
  const problems = text('sec.problems')
  const other = text('sec.other')
  if (overview) prose.overview = overview
  if (problems) prose.problems = problems
  if (other) prose.other = other
  return prose
}

function metaFindings(unit: string | null, year: number | null, rendering: Rendering, format: DetectedFormat): Finding[] {
  const out: Finding[] = []
  if (!unit) out.push(parseFinding('no_unit', 'warn', 'meta', '未找到报告单位名称（标题或“请联系…”）', 'Unit name not found (title or "请联系…")'))
  if (year === null) out.push(parseFinding('no_year', 'warn', 'meta', '未找到报告年度（标题或统计期限）', 'Report year not found (title or statistics period)'))
  if (rendering === 'pdf-text') out.push(parseFinding('pdf_text', 'info', 'meta', 'PDF 提取文本：表格结构由数字序列重建', 'PDF-extracted text: table structure rebuilt from number tokens'))
  if (format === 'legacy') out.push(parseFinding('legacy', 'info', 'meta', '2019年以前的报告：无全国统一表格', 'Report before 2019: no national tables'))
  return out
}

const TABLE_SECTION_OF: Record<string, 'active' | 'apply' | 'appeal'> = { 'sec.active': 'active', 'sec.apply': 'apply', 'sec.appeal': 'appeal' }

/** A table section read from a table whose section heading was not recognised. */
function headingMissingFinding(key: SectionKey): Finding {
  return parseFinding('heading_missing', 'info', TABLE_SECTION_OF[key]!, '未识别到本节标题，已按本节表格定位并读取', 'Section heading not recognised; the section was located by its table and read')
}

function structureFindings(found: readonly SectionKey[], parts: Record<'active' | 'apply' | 'appeal', Extracted>, format: DetectedFormat): Finding[] {
  const out: Finding[] = []
  for (const [heading, section] of TABLE_SECTIONS) {
    if (found.includes(heading) && !parts[section].hasTable) {
      out.push(parseFinding('tables_missing', 'warn', section, '有标题但没有表格（未读取任何数值）', 'Heading present but the table is missing (no values read)'))
    }
  }
  // A report that stops before 五/六 was cut off, unless every table cell was read anyway.
  const last = found[found.length - 1]
  const ended = last === undefined || last === 'sec.problems' || last === 'sec.other'
  const tableFormat = format === 'gov2021' || format === 'gov2019' ? format : null
  if (!ended && format !== 'legacy') {
    const read = new Set([...Object.keys(parts.active.cells), ...Object.keys(parts.apply.cells), ...Object.keys(parts.appeal.cells)])
    const expected = tableFormat ? keysOf(tableFormat).length : null
    const missing = expected === null ? null : expected - read.size
    if (missing === null || missing > 0) {
      out.push(
        parseFinding(
          'truncated',
          'warn',
          'meta',
          missing === null ? '文件在表格之前中断，已保留读到的内容' : `文件在表格结束前中断：缺少${missing}个单元格，已保留读到的内容`,
          missing === null ? 'The file ends before the tables; what was read is kept' : `The file ends before the tables do: ${missing} cells missing; what was read is kept`,
          expected === null ? {} : { expected, actual: read.size },
        ),
      )
    }
  }
  return out
}
