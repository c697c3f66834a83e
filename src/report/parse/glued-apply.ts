import { applyRowsOf } from '../model/apply'
import type { FormatId } from '../model/types'
import { summedSplits, uniqueSplit } from './glued-split'

/** Section 三 rows as the solver sees them: fixed values, or candidate splits of glued digits. */
export type RowValues = { kind: 'fixed'; values: (number | null)[] } | { kind: 'glued'; digits: string }

/** Outcome of solving: the rows whose split is now unique, and those left ambiguous. */
export interface GluedSolution {
  recovered: Map<string, number[]>
  ambiguous: string[]
}

/** Leaves are counted across all ambiguous rows; past this the search is not attempted. */
const MAX_LEAVES = 50_000

/**
 * Recovers glued section 三 rows (format-spec.md §9, layout g). Each row's candidates are the splits
 * with A3 (row total) holding, or the one split when every number is a single digit. Rows left
 * with several candidates are decided jointly by A1 (一+二 = 三(七)+四) and A2 (outcomes add up to
 * (七)总计), per column; a row is kept only if all consistent assignments agree on it. Constraints
 * touching a row that is blank or not found are skipped, never assumed.
 */
export function solveGluedApply(rows: Map<string, RowValues>, format: FormatId): GluedSolution {
  const candidates = new Map<string, number[][]>()
  const fixed = new Map<string, (number | null)[]>()
  for (const [key, row] of rows) {
    if (row.kind === 'fixed') fixed.set(key, row.values)
    else {
      const single = uniqueSplit(row.digits, 7)
      candidates.set(key, single ? [single] : /^\d+$/.test(row.digits) ? summedSplits(row.digits, 1, 7) : [])
    }
  }

  const recovered = new Map<string, number[]>()
  const open: string[] = []
  for (const [key, list] of candidates) {
    if (list.length === 1) recovered.set(key, list[0]!)
    else if (list.length > 1 && list.length <= 64) open.push(key)
  }
  const ambiguous = [...candidates.keys()].filter((k) => !recovered.has(k) && !open.includes(k))
  if (open.length === 0) return { recovered, ambiguous }

  const leaves = open.reduce((n, k) => n * candidates.get(k)!.length, 1)
  if (leaves > MAX_LEAVES) return { recovered, ambiguous: [...ambiguous, ...open] }

  const outcomeKeys = applyRowsOf(format).filter((r) => r.outcome).map((r) => r.key)
  const chosen = new Map<string, number[]>()
  const valueOf = (key: string, col: number): number | null | undefined => {
    const row = chosen.get(key) ?? recovered.get(key) ?? fixed.get(key)
    return row ? row[col] : undefined
  }
  const sum = (keys: readonly string[], col: number): number | null => {
    let total = 0
    for (const key of keys) {
      const v = valueOf(key, col)
      if (v === null || v === undefined) return null
      total += v
    }
    return total
  }
  const consistent = (): boolean => {
    for (let col = 0; col < 7; col++) {
      const lhs = sum(['new', 'carried_over'], col)
      const rhs = sum(['result.total', 'carry_forward'], col)
      if (lhs !== null && rhs !== null && lhs !== rhs) return false
      const total = sum(['result.total'], col)
      const outcomes = sum(outcomeKeys, col)
      if (total !== null && outcomes !== null && total !== outcomes) return false
    }
    return true
  }

  const seen = new Map<string, Set<number>>(open.map((k) => [k, new Set<number>()]))
  let solutions = 0
  const walk = (i: number): void => {
    if (i === open.length) {
      if (!consistent()) return
      solutions++
      for (const key of open) seen.get(key)!.add(candidates.get(key)!.indexOf(chosen.get(key)!))
      return
    }
    const key = open[i]!
    for (const candidate of candidates.get(key)!) {
      chosen.set(key, candidate)
      walk(i + 1)
    }
    chosen.delete(key)
  }
  walk(0)

  for (const key of open) {
    const picks = seen.get(key)!
    if (solutions > 0 && picks.size === 1) recovered.set(key, candidates.get(key)![[...picks][0]!]!)
    else ambiguous.push(key)
  }
  return { recovered, ambiguous }
}
