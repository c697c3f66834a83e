import Papa from 'papaparse'
import type { ImportResult, Outcome, ReviewRow } from './run'

/** The review of an import: a table for the terminal, and the same rows as CSV (`--review FILE`). */

const LABEL: Record<Outcome, string> = {
  placed: 'placed',
  already_present: 'already present',
  duplicate: 'duplicate in import',
  unmatched: 'unmatched unit',
  ambiguous: 'ambiguous unit',
  no_year: 'no year',
  not_a_report: 'not a report',
  unreadable: 'unreadable',
  refused: 'refused',
  hidden: 'skipped (hidden)',
  write_failed: 'not written',
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    const wide =
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd)
    w += wide ? 2 : 1
  }
  return w
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)))
}

function label(r: ReviewRow, dryRun: boolean): string {
  return r.outcome === 'placed' && dryRun ? 'would place' : LABEL[r.outcome]
}

function findings(r: ReviewRow): string {
  return r.findings ? `${r.findings.error}/${r.findings.warn}/${r.findings.info}` : ''
}

/** The review as aligned text lines: one row per input file, then a summary line. */
export function reviewTable(result: ImportResult): string[] {
  const head = ['file', 'result', 'unit', 'year', 'rendering', 'cells', 'findings E/W/I', 'placed as / why']
  const body = result.rows.map((r) => [
    r.source,
    label(r, result.dryRun),
    r.unit ?? '',
    r.year === null ? '' : String(r.year),
    r.rendering ?? '',
    r.cells === null ? '' : String(r.cells),
    findings(r),
    [r.placedAs, r.note].filter(Boolean).join(' — '),
  ])
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...body.map((b) => displayWidth(b[i]!))))
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd()
    // The last column is not padded; its rule is as long as its heading.
  const rule = widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? displayWidth(head[i]!) : w))
  return [line(head), line(rule), ...body.map(line), summary(result)]
}

/** One line: how many files went where. */
export function summary(result: ImportResult): string {
  const count = (o: Outcome) => result.rows.filter((r) => r.outcome === o).length
  const parts = [
    `${count('placed')} ${result.dryRun ? 'would be placed' : 'placed'}`,
    `${count('already_present')} already present`,
    `${count('duplicate')} duplicate in this import`,
  ]
  if (count('hidden') > 0) parts.push(`${count('hidden')} hidden skipped`)
  parts.push(`${result.unplaced} not placed`)
  return `${result.rows.length} file${result.rows.length === 1 ? '' : 's'} → ${result.district}: ${parts.join(', ')}${result.dryRun ? ' (dry run: nothing was copied)' : ''}`
}

/** Columns of the review CSV. */
export const REVIEW_COLUMNS = ['file', 'result', 'unit', 'year', 'rendering', 'cells', 'errors', 'warnings', 'infos', 'placed_as', 'note'] as const

/** The review as CSV text (UTF-8 with a BOM, so Excel on Chinese Windows opens it as UTF-8). */
export function reviewCsv(result: ImportResult): string {
  const rows = result.rows.map((r) => [
    r.source,
    r.outcome === 'placed' && result.dryRun ? 'would_place' : r.outcome,
    r.unit ?? '',
    r.year ?? '',
    r.rendering ?? '',
    r.cells ?? '',
    r.findings?.error ?? '',
    r.findings?.warn ?? '',
    r.findings?.info ?? '',
    r.placedAs ?? '',
    r.note,
  ])
  return '\ufeff' + Papa.unparse({ fields: [...REVIEW_COLUMNS], data: rows }, { newline: '\n', escapeFormulae: true }) + '\n'
}
