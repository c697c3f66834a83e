import type { Finding } from '~/report/types'
import { BUILD_RULE_DEFS, type BuildRuleId, type BuildRuleLevel } from '~/report/validate/rules'

/**
 * Finding ids the build itself raises (beside the parser's PARSE_RULES and the validator's rule
 * ids). Defined, with their titles and levels, in the findings dictionary (src/report/validate/rules.ts
 * BUILD_RULE_DEFS), so the findings panel and the data dictionary know every one. Stable: they
 * appear in the open data.
 */
export const BUILD_RULES: Readonly<Record<BuildRuleId, string>> = Object.fromEntries(
  Object.entries(BUILD_RULE_DEFS).map(([id, d]) => [id, d.en]),
) as Record<BuildRuleId, string>

export type BuildRule = BuildRuleId

/** A report-level finding raised by the build; the type allows only the levels the dictionary lists for `rule`. */
export function buildFinding<R extends BuildRule>(rule: R, level: BuildRuleLevel<R>, message: string, message_en: string, extra: Partial<Finding> = {}): Finding {
  return { rule, level, cells: [], message, message_en, section: 'meta', ...extra }
}
