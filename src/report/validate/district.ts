import { x1CopyPaste } from './rules/x1-copy-paste'
import { x2Spike } from './rules/x2-spike'
import type { DistrictFinding, DistrictReport } from './rules/types'

export type { DistrictFinding, DistrictReport } from './rules/types'

/**
 * Cross-unit anomaly checks over all reports of one district, for staff review (ids of our own,
 * listed in RULES):
 * - X1 copy-paste: two units' reports of the same year with identical section 三+四 values (not all
 *   zero) or identical section 一+五 prose (unit names neutralised) → WARN on each;
 * - X2 spike: a unit's apply.new.total ≥ max(20, 5 × median of its other years) → WARN.
 */
export function validateDistrict(reports: readonly DistrictReport[]): DistrictFinding[] {
  return [...x1CopyPaste(reports), ...x2Spike(reports)]
}
