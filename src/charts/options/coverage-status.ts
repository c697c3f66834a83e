/** The coverage statuses in legend order, with the colour each is drawn in (grid cells and chart). */
export const COVERAGE_STATUS_COLORS = {
  received: '#3a9d5d',
  duplicate: '#d9a21b',
  missing: '#d64545',
  not_expected: '#c8ccd2',
} as const

export type CoverageStatus = keyof typeof COVERAGE_STATUS_COLORS

export const COVERAGE_STATUSES_IN_ORDER = Object.keys(COVERAGE_STATUS_COLORS) as CoverageStatus[]
