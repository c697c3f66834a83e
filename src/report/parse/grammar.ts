import { compact } from './text-norm'
import { activeTablesOf, APPEAL_GROUPS, APPEAL_RESULTS, APPLY_COLS, applyRowsOf, type CellType, type FormatId } from '../model'

/**
 * The national tables as a grammar for the layout-free reader: for each section and format, the
 * ordered row labels and each row's columns. Derived from the format model (src/report/model),
 * so the labels, keys and column types have one source.
 */
export interface GrammarRow {
  /** Cell keys of the row's value columns, in print order. */
  keys: readonly string[]
  types: readonly CellType[]
  /** Distinctive label substrings (compacted text). */
  match: readonly string[]
  /** The printed label, compacted: text after a match may run on to its end (…不再处理其政府信息公开申请). */
  label: string
  /** The label without its parenthesised notes (（区分处理的，…）), for comparing a label's tail. */
  bareLabel: string
  /** The label's own numbering (`5.`) when it has one: it names the row when the words have a typo. */
  ordinal: string | null
  /**
   * A weak label (`其他`, `总计`) names the row only when the label text ends with it, so that
   * `（六）其他处理` or a header `…其他组织总计` does not take the row.
   */
  weak: boolean
  /** Row arithmetic: the last column is the sum of the others (rule A3 in section 三). */
  sumsToLast: boolean
  /**
   * Header words of each column (section 二): a table whose header prints its columns in another
   * order, or in other slots, is read by its header (variations “wrapped or cut headers”, “scrambled header columns” in docs/formats.md). Empty for section 三.
   */
  colMatch: readonly (readonly string[])[]
}

export interface SectionGrammar {
  section: 'active' | 'apply'
  format: FormatId
  rows: readonly GrammarRow[]
}

const WEAK = new Set(['其他', '总计'])

function bare(label: string): string {
  return compact(label).replace(/[(（][^()（）]*[)）]/g, '')
}

function activeGrammar(format: FormatId): SectionGrammar {
  const rows: GrammarRow[] = []
  for (const table of activeTablesOf(format)) {
    for (const row of table.rows) {
      rows.push({
        keys: table.cols.map((c) => `active.${row.key}.${c.key}`),
        types: table.cols.map((c) => c.type),
        match: row.match,
        label: compact(row.label.zh),
        bareLabel: bare(row.label.zh),
        ordinal: null,
        weak: false,
        sumsToLast: false,
        colMatch: table.cols.map((c) => c.match),
      })
    }
  }
  return { section: 'active', format, rows }
}

function applyGrammar(format: FormatId): SectionGrammar {
  return {
    section: 'apply',
    format,
    rows: applyRowsOf(format).map((row) => ({
      keys: APPLY_COLS.map((c) => `apply.${row.key}.${c.key}`),
      types: APPLY_COLS.map(() => 'count' as const),
      match: row.match,
      label: compact(row.label.zh),
      bareLabel: bare(row.label.zh),
      ordinal: /^\d\./.exec(compact(row.label.zh))?.[0] ?? null,
      weak: row.match.every((m) => WEAK.has(m)),
      sumsToLast: true,
      colMatch: [],
    })),
  }
}

const GRAMMARS = {
  active: { gov2021: activeGrammar('gov2021'), gov2019: activeGrammar('gov2019') },
  apply: { gov2021: applyGrammar('gov2021'), gov2019: applyGrammar('gov2019') },
}

export function grammarOf(section: 'active' | 'apply', format: FormatId): SectionGrammar {
  return GRAMMARS[section][format]
}

/** Section 四: one row of 15 cells, three groups of five (维持, 纠正, 其他, 尚未审结, 总计). */
export const APPEAL_KEYS: readonly string[] = APPEAL_GROUPS.flatMap((g) => APPEAL_RESULTS.map((r) => `${g.key}.${r.key}`))
export const APPEAL_GROUP_SIZE = APPEAL_RESULTS.length
