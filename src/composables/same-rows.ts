/**
 * True when two query results hold the same values (rows, columns and values in order). useQuery
 * keeps the shown rows when a new answer equals them — the engine confirming the prebuilt rows,
 * or a re-run after a filter went back — so no computed option is rebuilt and no chart redraws.
 */
export function sameRows(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a === b || (a.length === b.length && a.every((row, i) => sameValue(row, b[i])))
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b)
  if (Array.isArray(a)) return Array.isArray(b) && sameRows(a, b)
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(b)) {
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  }
  return false
}
