import type { Finding, Level } from '~/report/types'

/**
 * Finding ids the build itself raises (beside the parser's PARSE_RULES and the validator's rule ids).
 * Stable: they appear in the open data.
 */
export const BUILD_RULES = {
  unreadable: 'The file could not be read as a report',
  unmatched: 'No unit of the registry matches the report',
  year_folder: 'The report year differs from the year folder it is filed in',
  no_year: 'Neither the report nor its folder gives a year',
  no_cells: 'The file was read but no table cell was located, and the parser said nothing about why',
  not_expected: 'A report for a unit outside the years it exists (units.csv valid_from/valid_to)',
  not_published: 'A unit-year looked for and not found (sources.csv status not_published): the unit did not publish',
  not_collected: 'A unit-year expected and not collected: we hold no file and no record of a search (no fault of the unit)',
  late: 'The report was published after 31 January of the year after its report year (the deadline of the Regulations)',
} as const

export type BuildRule = keyof typeof BUILD_RULES

/** A report-level finding raised by the build. */
export function buildFinding(rule: BuildRule, level: Level, message: string, message_en: string, extra: Partial<Finding> = {}): Finding {
  return { rule, level, cells: [], message, message_en, section: 'meta', ...extra }
}
