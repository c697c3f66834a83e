/**
 * The rule that decides which report counts in totals, one per unit × year: when a unit filed
 * several reports for a year, the one with fewest error findings, then most cells located, then
 * the first file path (code-point order), then the first given. Kept apart from the build's types
 * so the test fixtures that write `reports` rows by hand apply the very same rule.
 */
export interface CountCandidate {
  /** The unit × year the report stands for; null when it can never count (unmatched, not expected). */
  unitYear: string | null
  errors: number
  cells: number
  file: string
}

/** Indexes (into `candidates`) of the reports that count. */
export function pickCounted(candidates: readonly CountCandidate[]): Set<number> {
  const best = new Map<string, number>()
  candidates.forEach((c, i) => {
    if (c.unitYear === null) return
    const cur = best.get(c.unitYear)
    if (cur === undefined || better(c, candidates[cur]!)) best.set(c.unitYear, i)
  })
  return new Set(best.values())
}

function better(a: CountCandidate, b: CountCandidate): boolean {
  if (a.errors !== b.errors) return a.errors < b.errors
  if (a.cells !== b.cells) return a.cells > b.cells
  return a.file < b.file
}
