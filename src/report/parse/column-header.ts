import type { GrammarRow } from './grammar'
import type { Token } from './tokens'

/**
 * Where a section 二 table's header puts its columns (variations “wrapped or cut headers”, “scrambled header columns” in docs/formats.md: headers wrapped over
 * lines, scrambled, or padded with empty slots). Read from the header text between the table's
 * 信息内容 cell and its first row label:
 * - `order`: the model's column index of each printed column, in printed order, when every
 *   column's header words are found (a truncated `本年新 | 本年新` header decides nothing);
 * - `slots`: each model column's cell slot in the header's printed row, when the header is one
 *   row of cells (`|` rows, HTML/.docx tables): data cells are then taken from the same slots.
 */
export interface ColumnHeader {
  order: number[]
  slots: number[] | null
}

/** The header of the table whose row label is token `labelAt`, looking back no further than `from`. */
export function columnHeader(tokens: readonly Token[], from: number, labelAt: number, row: GrammarRow): ColumnHeader | null {
  if (row.colMatch.length < 2) return null
  let start = -1
  for (let i = labelAt - 1; i >= from; i--) {
    const t = tokens[i]!
    if (t.k === 'text' && t.s.includes('信息内容')) {
      start = i
      break
    }
  }
  if (start === -1) return null
  const texts: { s: string; at: number }[] = []
  let joined = ''
  for (let i = start; i < labelAt; i++) {
    const t = tokens[i]!
    if (t.k !== 'text') continue
    texts.push({ s: t.s, at: joined.length })
    joined += t.s
  }
  const found = row.colMatch.map((alternatives) => {
    for (const m of alternatives) {
      const at = joined.indexOf(m)
      if (at !== -1) return at
    }
    return -1
  })
  if (found.some((at) => at === -1) || new Set(found).size !== found.length) return null
  const order = found.map((at, c) => ({ at, c })).sort((a, b) => a.at - b.at).map((x) => x.c)
  return { order, slots: headerSlots(tokens, start, labelAt, found, texts) }
}

/** Each column's cell slot, when every column's words lie in one cell of one printed header row. */
function headerSlots(tokens: readonly Token[], start: number, end: number, found: readonly number[], texts: readonly { s: string; at: number }[]): number[] | null {
  const slots: number[] = []
  let row: number | undefined
  const cells: Token[] = []
  for (let i = start; i < end; i++) if (tokens[i]!.k === 'text') cells.push(tokens[i]!)
  for (const at of found) {
    const textIndex = texts.findIndex((t) => at >= t.at && at < t.at + t.s.length)
    const cell = cells[textIndex]
    if (!cell || cell.col === undefined) return null
    if (row !== undefined && cell.row !== row) return null
    row = cell.row
    slots.push(cell.col)
  }
  return slots
}
