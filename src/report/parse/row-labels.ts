import type { GrammarRow, SectionGrammar } from './grammar'

/**
 * Which grammar row a label names. Labels are matched on their distinctive words (grammar.ts,
 * from the format model), never on their numbering — except that the next expected row's own
 * numbering names a label whose words have a typo.
 */

/** Parenthesised notes after a label (`（区分处理的，只计这一情形…）`) are part of it. */
const PARENTHESISED = /[(（][^()（）]*[)）]/g
/** After its distinctive words, a row label goes on for at most this many characters (…申请数量). */
export const MAX_LABEL_TAIL = 12

/**
 * Where the row's label ends in a text token, or null when the token does not name the row. The
 * label must be the token's last words (its values follow it), and a weak label (`其他`, `总计`)
 * must end the token exactly.
 */
export function labelEnd(s: string, row: GrammarRow): number | null {
  let best: number | null = null
  for (const m of row.match) {
    const at = s.lastIndexOf(m)
    if (at === -1) continue
    const end = at + m.length
    if (end < s.length) {
      const tail = s.slice(end).replace(PARENTHESISED, '').replace(/[:：。,，;；]+$/, '')
      if (row.weak ? tail !== '' : tail.length > MAX_LABEL_TAIL && !row.bareLabel.endsWith(tail)) continue
    }
    if (best === null || end > best) best = end
  }
  return best
}

/**
 * The row a text token names: the grammar row whose label ends last in the token. Rows are
 * expected in print order from `from` on; a strong label may also name an earlier row not yet
 * read (a report that prints a table out of order), never one in `done`. A weak label may only
 * name one of the next two rows, so a header cell `其他` or `总计` cannot skip rows; a label with a
 * typo (`5.属于三类内容事务信息`) names the next row by its numbering.
 */
export function rowNamed(s: string, grammar: SectionGrammar, from: number, done?: ReadonlySet<number>): number | null {
  let best: number | null = null
  let bestEnd = -1
  for (let r = 0; r < grammar.rows.length; r++) {
    const row = grammar.rows[r]!
    if (done?.has(r) || (row.weak && (r < from || r > from + 1))) continue
    const end = labelEnd(s, row)
    // Ties go to the row in print order (the first found from `from` on).
    if (end !== null && (end > bestEnd || (end === bestEnd && best !== null && best < from && r >= from))) {
      best = r
      bestEnd = end
    }
  }
  if (best !== null) return best
  const next = grammar.rows[from]
  return next?.ordinal && s.startsWith(next.ordinal) && s.length <= next.label.length + MAX_LABEL_TAIL ? from : null
}

