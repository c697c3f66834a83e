import type { Block, StructuredDoc } from './doc'
import { stripArtefacts } from './text-norm'

const TAB_ROW = /^[^\t]+\t|\t.*\t/
const SEPARATOR_ROW = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/

/**
 * Layout c: rows with `|` (or tab) separators. Handles
 * - one row per line `a | b | c` and markdown `| a | b |` (the `|---|` rule lines are skipped);
 * - tab-separated rows as copied from a browser table (`label\t0\t\t3`, blank cells kept);
 * - one cell per line ending in ` |` (as the “scrambled header columns” example in docs/formats.md), where a lone `|` line is an empty cell: those
 *   become one paragraph per cell ('' for the empty cell), like layout b.
 */
export function pipeTextToDoc(lines: readonly string[]): StructuredDoc {
  const blocks: Block[] = []
  let rows: string[][] = []
  const endTable = () => {
    if (rows.length > 0) blocks.push({ kind: 'table', rows })
    rows = []
  }
  for (const rawLine of lines) {
    const raw = stripArtefacts(rawLine)
    if (TAB_ROW.test(raw) && !raw.includes('|')) {
      // A row copied from a browser table: tab-separated cells, blanks kept in place.
      rows.push(raw.split('\t').map((c) => c.trim()))
      continue
    }
    const line = raw.trim()
    if (line === '') continue
    if (SEPARATOR_ROW.test(line) && line.includes('-')) continue
    if (line === '|') {
      endTable()
      blocks.push({ kind: 'para', text: '' })
      continue
    }
    const bars = countBars(line)
    if (bars === 1 && line.endsWith('|')) {
      endTable()
      blocks.push({ kind: 'para', text: line.slice(0, -1).trim() })
    } else if (bars >= 1) {
      rows.push(splitRow(line))
    } else {
      endTable()
      blocks.push({ kind: 'para', text: line })
    }
  }
  endTable()
  return { blocks }
}

function countBars(line: string): number {
  let n = 0
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 124) n++
  return n
}

/**
 * Cells of one `|` row. Bars are stripped as markdown framing only when the line both starts and
 * ends with one: in a bare row (" | 0 | 5") an edge bar delimits a blank cell that must be kept.
 */
function splitRow(line: string): string[] {
  const framed = line.length > 1 && line.startsWith('|') && line.endsWith('|')
  const body = framed ? line.slice(1, -1) : line
  return body.split('|').map((c) => c.trim())
}
