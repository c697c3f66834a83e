import { x1CopyPaste } from './rules/x1-copy-paste'
import { x2Spike } from './rules/x2-spike'
import type { DistrictFinding, DistrictReport } from './rules/types'

export type { DistrictFinding, DistrictReport } from './rules/types'

/**
 * Cross-unit anomaly checks over all reports of one district, for staff review (ids of our own,
 * listed in RULES):
 * - X1 copy-paste: two units' reports of the same year with identical tables or prose, on real
 *   evidence only (identical section 二+三+四 with enough non-zero section 二 values, identical
 *   三+四 with enough non-zero cells and applications, or identical 一+五 prose with unit names
 *   neutralised; thresholds in rules/x1-copy-paste.ts) → WARN on each;
 * - X2 spike: a unit's apply.new.total ≥ max(20, 5 × median of its other years) → WARN.
 */
export function validateDistrict(reports: readonly DistrictReport[]): DistrictFinding[] {
  return [...x1CopyPaste(reports), ...x2Spike(reports)]
}
