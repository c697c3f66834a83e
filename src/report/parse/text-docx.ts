import type { Block, StructuredDoc } from './doc'
import { stripArtefacts } from './text-norm'

/**
 * Layout a (docs/parse-contract.md, “Input”): text extracted from .docx. Every table cell is one line starting
 * with a tab; rows are separated by an empty line; a tab-less line right after a cell continues
 * that cell (a line break inside the cell); merged cells are empty tab lines. Any other line is a
 * paragraph.
 */
export function docxTextToDoc(lines: readonly string[]): StructuredDoc {
  const blocks: Block[] = []
  let rows: string[][] | null = null
  let row: string[] = []
  let lastWasCell = false

  const endRow = () => {
    if (row.length > 0) (rows ??= []).push(row)
    row = []
  }
  const endTable = () => {
    endRow()
    if (rows && rows.length > 0) blocks.push({ kind: 'table', rows })
    rows = null
  }

  for (const rawLine of lines) {
    const line = stripArtefacts(rawLine)
    if (line.startsWith('\t')) {
      row.push(line.slice(1))
      lastWasCell = true
    } else if (line.trim() === '' && line.indexOf('\u00a0') === -1) {
      endRow()
      lastWasCell = false
    } else if (lastWasCell) {
      row[row.length - 1] += '\n' + line
    } else {
      endTable()
      blocks.push({ kind: 'para', text: line })
    }
  }
  endTable()
  return { blocks }
}
