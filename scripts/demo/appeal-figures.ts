import { APPEAL_GROUPS, APPEAL_RESULTS } from '~/report/model'
import type { Cells } from './apply-figures'
import type { Rng } from './prng'
import type { DemoUnit } from './roster'

/** Upheld, corrected, other, pending: most reviews and lawsuits uphold the agency. */
const RESULT_WEIGHTS = [0.6, 0.1, 0.15, 0.15]

/**
 * Section 四: reviews and lawsuits are rare and scale with the applications decided; a quarter of
 * reviews go on to court. Every group's 总计 is the sum of its four results (A4–A6).
 */
export function appealFigures(rng: Rng, kind: DemoUnit['kind'], decided: number): Cells {
  const reviews = rng.poisson(decided * (kind === '部门' ? 0.025 : 0.015))
  const counts: Record<string, number> = {
    review: reviews,
    'litigation.direct': rng.poisson(decided * (kind === '部门' ? 0.008 : 0.004)),
    'litigation.after_review': rng.binomial(reviews, 0.25),
  }
  const cells: Cells = {}
  for (const g of APPEAL_GROUPS) {
    const parts = rng.split(counts[g.key]!, RESULT_WEIGHTS)
    APPEAL_RESULTS.forEach((r, i) => (cells[`${g.key}.${r.key}`] = r.key === 'total' ? counts[g.key]! : parts[i]!))
  }
  return cells
}
