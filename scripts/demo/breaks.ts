import type { Cells } from './apply-figures'
import type { Rng } from './prng'

/** The within-report rules a planted break violates; each break keeps every other rule intact. */
export type BreakRule = 'A1' | 'A2' | 'A3' | 'A4'

/** What a break changed: the cells to name in the manifest and a sentence for the README. */
export interface BreakResult {
  cells: string[]
  note: string
}

const bump = (cells: Cells, key: string, by: number) => {
  cells[key] = (cells[key] ?? 0) + by
}

/**
 * Change one figure of a consistent report so that exactly the given rule fails (level error):
 * - A1: a typo in 一、本年新收 (自然人 and its 总计 together, so the row still adds up: A3 holds);
 * - A2: a typo in （一）予以公开 (自然人 and 总计 together): the outcomes no longer add up to （七）总计;
 * - A3: one decided application moved between two rows' 总计 cells only: every column sum still
 *   holds (A1, A2), but two rows no longer equal the sum of their applicant columns;
 * - A4: 行政复议 总计 one or two higher than its four results.
 * Mutates `cells`; returns null when the report has nothing to move (A3 on a report with no decided case).
 */
export function applyBreak(rng: Rng, cells: Cells, rule: BreakRule): BreakResult | null {
  const k = rng.int(1, 3)
  switch (rule) {
    case 'A1':
      bump(cells, 'apply.new.natural_person', k)
      bump(cells, 'apply.new.total', k)
      return { cells: ['apply.new.natural_person', 'apply.new.total'], note: `一、本年新收 自然人 and 总计 raised by ${k}: new + carried over ≠ decided + carried forward` }
    case 'A2':
      bump(cells, 'apply.result.granted.natural_person', k)
      bump(cells, 'apply.result.granted.total', k)
      return { cells: ['apply.result.granted.natural_person', 'apply.result.granted.total'], note: `（一）予以公开 自然人 and 总计 raised by ${k}: the outcomes exceed （七）总计` }
    case 'A3': {
      const rows = Object.keys(cells).filter((key) => key.startsWith('apply.result.') && key.endsWith('.total') && key !== 'apply.result.total.total')
      const donor = rows.reduce<string | null>((best, key) => ((cells[key] ?? 0) > (best ? (cells[best] ?? 0) : 0) ? key : best), null)
      if (!donor) return null
      const receiver = donor === 'apply.result.granted.total' ? 'apply.result.unable.not_held.total' : 'apply.result.granted.total'
      bump(cells, donor, -1)
      bump(cells, receiver, 1)
      return { cells: [donor, receiver], note: `one application moved from ${donor} to ${receiver} in the 总计 column only: both rows ≠ the sum of their applicant columns` }
    }
    case 'A4':
      bump(cells, 'review.total', Math.min(k, 2))
      return { cells: ['review.total'], note: `行政复议 总计 raised by ${Math.min(k, 2)}: ≠ 维持 + 纠正 + 其他 + 尚未审结` }
  }
}
