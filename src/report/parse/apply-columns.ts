import type { SectionGrammar } from './grammar'

/** A section 三 row whose glued digits had several readings that add up across the row. */
export interface PendingRow {
  keys: readonly string[]
  readings: number[][]
}

/**
 * Settles glued section 三 rows by the column arithmetic of the table: in every column
 * 一 + 二 = （七）总计 + 四 (A1) and the outcome rows add up to （七）总计 (A2). A row is settled
 * only when every other row of an equation is fully known and exactly one of its readings makes
 * the equation hold in all seven columns — alone, or jointly with the other open rows of that
 * equation (one combination of their readings); repeated until nothing changes.
 */
/** Joint readings of the open rows of one equation tried at most. */
const MAX_COMBINATIONS = 10_000

export function resolveByColumns(grammar: SectionGrammar, cells: Record<string, number | null>, pending: readonly PendingRow[]): PendingRow[] {
  const rowKey = (keys: readonly string[]): string => keys[0]!.slice('apply.'.length, keys[0]!.lastIndexOf('.natural_person'))
  const keysOf = new Map(grammar.rows.map((r) => [rowKey(r.keys), r.keys]))
  const outcomes = [...keysOf.keys()].filter((k) => k.startsWith('result.') && k !== 'result.total')
  // Each equation: rows with +1 on the left, rows with +1 on the right.
  const equations: { left: string[]; right: string[] }[] = [
    { left: ['new', 'carried_over'], right: ['result.total', 'carry_forward'] },
    { left: outcomes, right: ['result.total'] },
  ]
  const known = (row: string): number[] | null => {
    const keys = keysOf.get(row)
    if (!keys) return null
    const out: number[] = []
    for (const k of keys) {
      const v = cells[k]
      if (typeof v !== 'number') return null
      out.push(v)
    }
    return out
  }
  const open = new Map(pending.map((p) => [rowKey(p.keys), p]))
  const solved: PendingRow[] = []
  let progress = true
  while (progress && open.size > 0) {
    progress = false
    for (const eq of equations) {
      const rows = [...eq.left, ...eq.right]
      const unknown = rows.filter((r) => open.has(r))
      if (unknown.length === 0) continue
      const fixed = new Map<string, number[]>()
      if (rows.some((r) => !open.has(r) && !fixed.set(r, known(r) ?? []).get(r)!.length)) continue
      // Every combination of the open rows' readings; the equation must pick exactly one.
      const choices = unknown.map((r) => open.get(r)!.readings)
      if (choices.reduce((n, c) => n * c.length, 1) > MAX_COMBINATIONS) continue
      const fits: number[][][] = []
      const pick: number[][] = []
      const visit = (k: number): void => {
        if (k === unknown.length) {
          const value = (r: string): number[] => (open.has(r) ? pick[unknown.indexOf(r)]! : fixed.get(r)!)
          for (let c = 0; c < 7; c++) {
            let left = 0
            let right = 0
            for (const r of eq.left) left += value(r)[c]!
            for (const r of eq.right) right += value(r)[c]!
            if (left !== right) return
          }
          fits.push(pick.slice())
          return
        }
        for (const reading of choices[k]!) {
          pick.push(reading)
          visit(k + 1)
          pick.pop()
        }
      }
      visit(0)
      if (fits.length !== 1) continue
      unknown.forEach((r, k) => {
        const keys = keysOf.get(r)!
        keys.forEach((key, c) => (cells[key] = fits[0]![k]![c]!))
        solved.push({ keys, readings: [fits[0]![k]!] })
        open.delete(r)
      })
      progress = true
    }
  }
  return solved.map((s) => ({ keys: s.keys, readings: s.readings }))
}
