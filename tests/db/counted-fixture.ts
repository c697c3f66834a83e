/**
 * `reports.counted` for hand-made fixture rows, set as the data build sets it (scripts/build/summary.ts
 * `countedReports`, tested in tests/build/counted-reports.test.ts): per district × unit × year the
 * report with fewest errors, then most cells, then the first file path (on a full tie the first row);
 * never an unmatched report (no unit or year) or one the coverage grid marks `not_expected`.
 */
export interface CountableRow {
  district: string
  unit: string | null
  year: number | null
  n_errors: number
  n_cells: number
  file: string
  status?: string
}

/** One flag per row, in the order given. */
export function countedFlags(rows: readonly CountableRow[], notExpected: (district: string, unit: string, year: number) => boolean = () => false): boolean[] {
  const best = new Map<string, number>()
  rows.forEach((r, i) => {
    if (r.unit === null || r.year === null || r.status === 'unmatched' || notExpected(r.district, r.unit, r.year)) return
    const key = JSON.stringify([r.district, r.unit, r.year])
    const cur = best.get(key)
    if (cur === undefined || better(r, rows[cur]!)) best.set(key, i)
  })
  const chosen = new Set(best.values())
  return rows.map((_, i) => chosen.has(i))
}

function better(a: CountableRow, b: CountableRow): boolean {
  if (a.n_errors !== b.n_errors) return a.n_errors < b.n_errors
  if (a.n_cells !== b.n_cells) return a.n_cells > b.n_cells
  return a.file < b.file
}

/** A fixture row of the `reports` table as the fields the rule reads. */
export function countableOf(r: Record<string, string | number | boolean | null>): CountableRow {
  return {
    district: String(r.district),
    unit: typeof r.unit === 'string' ? r.unit : null,
    year: typeof r.year === 'number' ? r.year : null,
    n_errors: Number(r.n_errors ?? 0),
    n_cells: Number(r.n_cells ?? 0),
    file: String(r.file),
    status: typeof r.status === 'string' ? r.status : undefined,
  }
}
