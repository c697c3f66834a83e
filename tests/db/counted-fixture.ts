import { pickCounted } from '~/build/counted'

/**
 * `reports.counted` for hand-made fixture rows, by the data build's own rule (src/build/counted.ts
 * `pickCounted`): never an unmatched report (no unit or year) or one the coverage grid marks `not_expected`.
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

/** One flag per row, in the order given: the build's rule (`pickCounted`) on the rows' own fields. */
export function countedFlags(rows: readonly CountableRow[], notExpected: (district: string, unit: string, year: number) => boolean = () => false): boolean[] {
  const picked = pickCounted(
    rows.map((r) => ({
      unitYear: r.unit === null || r.year === null || r.status === 'unmatched' || notExpected(r.district, r.unit, r.year) ? null : JSON.stringify([r.district, r.unit, r.year]),
      errors: r.n_errors,
      cells: r.n_cells,
      file: r.file,
    })),
  )
  return rows.map((_, i) => picked.has(i))
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
