import { sectionKeysOf } from '../model'
import type { Block } from './doc'
import { emptyExtracted, type Extracted } from './extract-types'
import { parseFinding } from './findings'
import { summedSplits, uniqueSplit } from './glued-split'
import { putCells } from './put-cells'
import { sectionRows, trailingValueCount, type RowRules } from './rows'

const KEYS = sectionKeysOf('gov2021', 'appeal')
const WIDTH = KEYS.length

const RULES: RowRules = {
  startsRow: () => false,
  // Section 四 has no row labels: a long digit run glued to the last header word is the data row.
  gluedLabel: (label, digits) => (digits.length >= 5 ? label : null),
}

/**
 * Extracts section 四 (format-spec.md §9.1 step 4): the data row is the first row (PDF text: the
 * last) ending in exactly 15 value cells. A single glued digit run is split only if A4–A6 allow
 * exactly one split. Fewer values → short_row, nothing read.
 */
export function extractAppeal(blocks: readonly Block[], pdf: boolean): Extracted {
  const out = emptyExtracted()
  const { rows } = sectionRows(blocks, RULES)
  const runs = rows.map((row) => {
    const n = trailingValueCount(row.cells)
    return { row, values: row.cells.slice(row.cells.length - n) }
  })
  const full = runs.filter((r) => r.values.length === WIDTH)
  const pick = pdf ? full[full.length - 1] : full[0]
  if (pick) {
    out.hasTable = true
    putCells(out, KEYS, pick.values)
    return out
  }
  const withDigits = runs.filter((r) => r.values.some((v) => /\d/.test(v)))
  if (withDigits.length === 0) return out
  out.hasTable = true
  const last = withDigits[withDigits.length - 1]!
  const digits = last.values.length === 1 ? last.values[0]!.replace(/\s/g, '') : ''
  if (/^\d{5,}$/.test(digits) && (last.row.glued || digits.length >= WIDTH)) {
    const single = uniqueSplit(digits, WIDTH)
    const candidates = single ? [single] : summedSplits(digits, 3, 5)
    if (candidates.length === 1) {
      putCells(out, KEYS, candidates[0]!.map(String))
      out.findings.push(parseFinding('glued_recovered', 'info', 'appeal', `连写数字“${digits}”已拆分（逐位一格，或唯一符合复议、诉讼总计的拆分）`, `Glued digits "${digits}" split one digit per cell or by the only split consistent with the totals`, { cells: [...KEYS], detail: digits }))
    } else {
      out.findings.push(parseFinding('glued_ambiguous', 'warn', 'appeal', `连写数字“${digits}”无法唯一拆分（${candidates.length}种），未读取`, `Glued digits "${digits}" have ${candidates.length} possible splits; not read`, { cells: [...KEYS], detail: digits }))
    }
    return out
  }
  const longest = withDigits.reduce((a, b) => (b.values.length > a.values.length ? b : a))
  out.findings.push(
    parseFinding('short_row', 'warn', 'appeal', `数据行有${longest.values.length}个数值单元格（应为${WIDTH}个），未读取`, `The data row has ${longest.values.length} value cells instead of ${WIDTH}; not read`, {
      cells: [...KEYS],
      expected: WIDTH,
      actual: longest.values.length,
      detail: longest.values.join(' | '),
    }),
  )
  return out
}
