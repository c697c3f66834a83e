import type { CoverageRow } from '~/db/sql/coverage'

/** One unit's row of the coverage grid. */
export interface GridUnitRow {
  unit: string
  unit_kind: string | null
  /** Year → status cell; a year the registry has no row for is absent. */
  cells: Map<number, CoverageRow>
  /** Years looked for and not found (未发布): the unit's failures. */
  notPublished: number
}

export interface CoverageGrid {
  years: number[]
  units: GridUnitRow[]
  /** Count of each status over the whole grid. */
  totals: Record<CoverageRow['status'], number>
}

/**
 * Pivot `coverageGridSql` rows into a unit × year grid, units in the order `compare` gives (the
 * registry order of unit-names.ts: the same order as the rankings and the heatmap), else as the rows come.
 */
export function pivotCoverage(rows: readonly CoverageRow[], compare?: (a: string, b: string) => number): CoverageGrid {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b)
  const byUnit = new Map<string, GridUnitRow>()
  const totals: CoverageGrid['totals'] = { received: 0, not_collected: 0, not_published: 0, duplicate: 0, not_expected: 0 }
  for (const r of rows) {
    let u = byUnit.get(r.unit)
    if (!u) byUnit.set(r.unit, (u = { unit: r.unit, unit_kind: r.unit_kind, cells: new Map(), notPublished: 0 }))
    u.cells.set(r.year, r)
    if (r.status === 'not_published') u.notPublished++
    if (r.status in totals) totals[r.status]++
  }
  const units = [...byUnit.values()]
  if (compare) units.sort((a, b) => compare(a.unit, b.unit))
  return { years, units, totals }
}
