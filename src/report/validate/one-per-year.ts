/**
 * Which of a unit's reports stands for a year in the cross-year rules (C1–C4, X2). The data build
 * decides once which report counts for a unit-year (its `counted` flag, the report every total and
 * every view uses) and marks it here; the rules follow that decision. Input without the mark (a
 * single report per year, or callers outside the build) falls back to the first report given.
 */
export interface YearReport {
  year: number | null
  /** True for the report the build counts for this unit-year. */
  counted?: boolean
}

/** One report per year: the counted one where marked, else the first given. Reports without a year are left out. */
export function onePerYear<T extends YearReport>(reports: readonly T[]): Map<number, T & { year: number }> {
  const out = new Map<number, T & { year: number }>()
  for (const r of reports) {
    if (r.year === null) continue
    const cur = out.get(r.year)
    if (!cur || (r.counted === true && cur.counted !== true)) out.set(r.year, r as T & { year: number })
  }
  return out
}
