import { RULES, type RuleScope } from '~/report/validate/rules'
import { generatedNote, table } from './markdown'

const SCOPE_TITLE: Record<RuleScope, string> = {
  report: 'One report (src/report/validate)',
  series: "One unit's years (src/report/validate/series.ts)",
  district: 'All units of a district (src/report/validate/district.ts)',
  parse: 'The parser (src/report/parse; ids in PARSE_RULES)',
  build: 'The data build (scripts/build; ids in BUILD_RULE_DEFS)',
}

/** The generated part of docs/rules.md: every finding id with its levels and titles, by where it is raised. */
export function renderRuleTables(): string {
  const out: string[] = [generatedNote('src/report/validate/rules.ts (RULES)'), '']
  for (const scope of Object.keys(SCOPE_TITLE) as RuleScope[]) {
    const rules = RULES.filter((r) => r.scope === scope)
    if (!rules.length) continue
    out.push(`### ${SCOPE_TITLE[scope]}`, '')
    out.push(table(['id', 'level', 'also at', '中文', 'English'], rules.map((r) => [`\`${r.id}\``, r.level, r.levels.slice(1).join(', '), r.title.zh, r.title.en])), '')
  }
  return out.join('\n')
}
