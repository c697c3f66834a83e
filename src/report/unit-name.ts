/**
 * The one rule for the government-body words a unit name may end with: a report calls itself
 * 白奎镇人民政府 or 兴华街道办事处, the registry says 白奎镇 / 兴华街道. Used to read a unit's kind
 * from its name (parse/unit-kind.ts), to match report names to registry units (scripts/build/
 * unit-names.ts) and to score the corpus (scripts/corpus/score.ts).
 */
/** The body words, longest first (人民政府 before 政府). */
export const BODY_WORDS: readonly string[] = ['人民政府', '政府', '党工委', '党委', '办事处']
const BODY_SUFFIX = new RegExp(`(?:${BODY_WORDS.join('|')})+$`)

/** The name without its trailing government-body words; never shortened to nothing. */
export function stripBodySuffix(name: string): string {
  const stripped = name.replace(BODY_SUFFIX, '')
  return stripped === '' ? name : stripped
}
