/**
 * Geometry of a sparkline: one value per year drawn as line segments that break where a year has
 * no value (no report, or no denominator) — a gap, never a drop to 0. A value between two gaps is
 * a dot, so it is not lost. Pure, so the drawing is tested without a DOM.
 */

export interface SparkPoint {
  x: number
  y: number
  value: number
  index: number
}

export interface SparkGeometry {
  /** SVG path data, one `M…L…` run per stretch of consecutive values. */
  paths: string[]
  /** Points with no neighbour on either side (drawn as dots). */
  dots: SparkPoint[]
  /** Every point with a value. */
  points: SparkPoint[]
  /** The y of the reference line (e.g. the district median of the chosen year), when given. */
  refY: number | null
  min: number | null
  max: number | null
}

const round = (n: number) => Math.round(n * 10) / 10

/**
 * Lay out `values` (one per year, null = gap) in a `width` × `height` box with `pad` pixels inside
 * each edge. The scale spans the values and `reference` (so the reference line is in view); a flat
 * series is drawn at mid-height.
 */
export function sparkline(values: readonly (number | null)[], width: number, height: number, pad = 2, reference: number | null = null): SparkGeometry {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v))
  const all = reference !== null ? [...known, reference] : known
  const min = all.length ? Math.min(...all) : null
  const max = all.length ? Math.max(...all) : null
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0
  const yOf = (v: number) => {
    if (min === null || max === null || max === min) return round(height / 2)
    return round(height - pad - ((v - min) / (max - min)) * (height - 2 * pad))
  }
  const points: SparkPoint[] = []
  const paths: string[] = []
  const dots: SparkPoint[] = []
  let run: SparkPoint[] = []
  const flush = () => {
    if (run.length === 1) dots.push(run[0]!)
    else if (run.length > 1) paths.push(run.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join(' '))
    run = []
  }
  values.forEach((v, index) => {
    if (v === null || !Number.isFinite(v)) return flush()
    const p = { x: round(values.length > 1 ? pad + index * step : width / 2), y: yOf(v), value: v, index }
    points.push(p)
    run.push(p)
  })
  flush()
  return { paths, dots, points, refY: reference !== null && Number.isFinite(reference) ? yOf(reference) : null, min: known.length ? Math.min(...known) : null, max: known.length ? Math.max(...known) : null }
}
