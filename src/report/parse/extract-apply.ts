import { applyRowsOf, APPLY_COLS, APPLY_ROWS } from '../model/apply'
import type { FormatId } from '../model/types'
import { applyRowLabel } from '../validate/labels'
import { isValueLike } from './cell-value'
import type { Block } from './doc'
import { emptyExtracted, type Extracted } from './extract-types'
import { parseFinding, quote } from './findings'
import { solveGluedApply, type RowValues } from './glued-apply'
import { isApplyGroupLabel, isBareOther, matchApplyRow } from './labels'
import { putCells } from './put-cells'
import { compact } from './text-norm'
import { sectionRows, trailingValueCount, type Row, type RowRules } from './rows'

const WIDTH = APPLY_COLS.length
const ALWAYS_NEW_ROW = new Set(['new', 'carried_over', 'result.total', 'carry_forward'])

const RULES: RowRules = {
  startsRow(cell, previous) {
    const key = matchApplyRow(cell, true)
    if (!key) return false
    return ALWAYS_NEW_ROW.has(key) || previous === undefined || !isApplyGroupLabel(previous)
  },
  gluedLabel(label) {
    return matchApplyRow(label, true) ? label : null
  },
}

/** A section 三 row located by its label, before the format decides which rows count. */
interface LocatedRow {
  key: string
  label: string
  values: string[] | null
  glued: string | null
}

/** Reads the section 三 rows present (format-independent), in print order of the document. */
export function locateApplyRows(blocks: readonly Block[]): { rows: LocatedRow[]; extra: Row[] } {
  const { rows } = sectionRows(blocks, RULES)
  const located: LocatedRow[] = []
  const extra: Row[] = []
  let underOther = false
  for (const row of rows) {
    const { cells } = row
    let index = -1
    let key: string | null = null
    for (let i = cells.length - 1; i >= 0 && key === null; i--) {
      key = matchApplyRow(cells[i]!, underOther)
      if (key) index = i
    }
    if (cells.some((c) => !isValueLike(c) && compact(c).includes('其他处理'))) underOther = true
    if (key === null) {
      // A labelled row with a full set of values that is not in the format (V11).
      const label = cells.filter((c) => !isValueLike(c)).join(' ')
      if (label && !cells.some(isBareOther) && trailingValueCount(cells) >= WIDTH && cells.some((c) => /\d/.test(c))) extra.push(row)
      continue
    }
    if (key === 'result.total' || key === 'carry_forward') underOther = false
    const label = cells[index]!
    const after = cells.slice(index + 1)
    if (row.glued) {
      located.push({ key, label, values: null, glued: after[after.length - 1]! })
      continue
    }
    // Continuation lines of a wrapped label sit between the label and the values.
    while (after.length > WIDTH && !isValueLike(after[0]!)) after.shift()
    located.push({ key, label, values: after.length >= WIDTH ? after.slice(after.length - WIDTH) : after, glued: null })
  }
  return { rows: located, extra }
}

/** The section 三 format shown by its rows: （六） sub-rows → gov2021; a single （六）其他处理 row → gov2019. */
export function applyFormatOf(rows: readonly LocatedRow[]): FormatId | null {
  if (rows.some((r) => r.key === 'result.other.no_correction' || r.key === 'result.other.unpaid_fee' || r.key === 'result.other.misc')) return 'gov2021'
  if (rows.some((r) => r.key === 'result.other.subtotal' && (r.values?.length || r.glued))) return 'gov2019'
  return null
}

/**
 * Extracts section 三 (format-spec.md §9.1 step 3): the 7 value cells of each row, in print
 * order. A row with fewer cells is reported as short and left out; glued digits are split only
 * where the arithmetic makes it unique; repeated rows keep the first.
 */
export function extractApply(located: readonly LocatedRow[], extra: readonly Row[], format: FormatId): Extracted {
  const out = emptyExtracted()
  out.hasTable = located.length > 0 || extra.length > 0
  const inFormat = new Set(applyRowsOf(format).map((r) => r.key))
  const seen = new Set<string>()
  const glued = new Map<string, RowValues>()
  const colKeys = (rowKey: string) => APPLY_COLS.map((c) => `apply.${rowKey}.${c.key}`)

  for (const row of located) {
    const label = applyRowLabel(row.key)
    if (!inFormat.has(row.key)) {
      out.findings.push(parseFinding('extra_row', 'info', 'apply', `行“${quote(row.label)}”不属于${format}格式，未读取`, `Row "${quote(row.label)}" is not part of ${format}; not read`, { detail: row.label }))
      continue
    }
    if (seen.has(row.key)) {
      out.findings.push(parseFinding('duplicate_row', 'warn', 'apply', `${label.zh}行重复出现，保留第一次`, `${label.en} appears more than once; the first was kept`, { cells: colKeys(row.key), detail: row.label }))
      continue
    }
    seen.add(row.key)
    if (row.glued !== null) {
      glued.set(row.key, { kind: 'glued', digits: row.glued })
      continue
    }
    const values = row.values ?? []
    if (values.length < WIDTH) {
      out.findings.push(
        parseFinding('short_row', 'warn', 'apply', `${label.zh}行只有${values.length}个数值单元格（应为${WIDTH}个），未读取`, `${label.en}: ${values.length} value cells instead of ${WIDTH}; not read`, {
          cells: colKeys(row.key),
          expected: WIDTH,
          actual: values.length,
          detail: values.join(' | '),
        }),
      )
      continue
    }
    putCells(out, colKeys(row.key), values)
  }

  for (const row of extra) {
    const text = row.cells.filter((c) => !isValueLike(c)).join(' ')
    out.findings.push(parseFinding('extra_row', 'info', 'apply', `表外行“${quote(text)}”未读取`, `Row "${quote(text)}" is not in the national format; not read`, { detail: row.cells.join(' | ') }))
  }

  if (glued.size > 0) solveGlued(out, located, glued, format, colKeys)
  return out
}

function solveGlued(
  out: Extracted,
  located: readonly LocatedRow[],
  glued: Map<string, RowValues>,
  format: FormatId,
  colKeys: (rowKey: string) => string[],
): void {
  const rows = new Map<string, RowValues>(glued)
  for (const row of APPLY_ROWS) {
    if (rows.has(row.key)) continue
    const keys = colKeys(row.key)
    if (keys.every((k) => k in out.cells)) rows.set(row.key, { kind: 'fixed', values: keys.map((k) => out.cells[k]!) })
  }
  const { recovered, ambiguous } = solveGluedApply(rows, format)
  // One finding for all recovered rows: a glued report has them on every line.
  const recoveredKeys: string[] = []
  const details: string[] = []
  for (const [rowKey, values] of recovered) {
    const keys = colKeys(rowKey)
    keys.forEach((k, i) => (out.cells[k] = values[i]!))
    recoveredKeys.push(...keys)
    details.push(`${(glued.get(rowKey) as { digits: string }).digits}→${values.join('/')}`)
  }
  if (recovered.size > 0) {
    out.findings.push(
      parseFinding(
        'glued_recovered',
        'info',
        'apply',
        `${recovered.size}行数字连写无分隔，已拆分（逐位一格，或唯一符合表内勾稽关系的拆分）`,
        `${recovered.size} rows had glued digits; split one digit per cell or by the only split consistent with the table arithmetic`,
        { cells: recoveredKeys, detail: details.join('; ') },
      ),
    )
  }
  for (const rowKey of ambiguous) {
    const digits = (glued.get(rowKey) as { digits: string }).digits
    const label = applyRowLabel(rowKey)
    const source = located.find((r) => r.key === rowKey)
    out.findings.push(
      parseFinding('glued_ambiguous', 'warn', 'apply', `${label.zh}行的连写数字“${digits}”无法唯一拆分，未读取`, `${label.en}: glued digits "${digits}" have no unique split; not read`, {
        cells: colKeys(rowKey),
        detail: source?.label ? `${source.label}${digits}` : digits,
      }),
    )
  }
}
