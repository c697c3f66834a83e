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
 * the equation hold in all seven columns; repeated until nothing changes.
 */
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
    for (const [row, p] of open) {
      for (const eq of equations) {
        const side = eq.left.includes(row) ? 'left' : eq.right.includes(row) ? 'right' : null
        if (!side) continue
        const others = [...eq.left, ...eq.right].filter((r) => r !== row)
        const values = others.map((r) => known(r))
        if (values.some((v) => v === null)) continue
        const fits = p.readings.filter((reading) => {
          for (let c = 0; c < reading.length; c++) {
            let left = 0
            let right = 0
            eq.left.forEach((r) => (left += r === row ? reading[c]! : values[others.indexOf(r)]![c]!))
            eq.right.forEach((r) => (right += r === row ? reading[c]! : values[others.indexOf(r)]![c]!))
            if (left !== right) return false
          }
          return true
        })
        if (fits.length !== 1) continue
        const keys = keysOf.get(row)!
        keys.forEach((k, c) => (cells[k] = fits[0]![c]!))
        solved.push({ keys, readings: fits })
        open.delete(row)
        progress = true
        break
      }
    }
  }
  return solved.map((s) => ({ keys: s.keys, readings: s.readings }))
}
