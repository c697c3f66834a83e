import type { Finding, Level } from '../types'
import { finding } from '../finding'

type Scope = NonNullable<Finding['section']>

/** A parse-level finding (ids in PARSE_RULES), with the section title in front of its message. */
export function parseFinding(
  rule: string,
  level: Level,
  section: Scope,
  zh: string,
  en: string,
  extra: Partial<Pick<Finding, 'cells' | 'expected' | 'actual' | 'detail'>> = {},
): Finding {
  const f = finding(rule, level, section, { zh, en }, extra)
  // Parse findings never involve a blank counted as zero.
  delete f.assumed_zero
  return f
}

/** Shortens untrusted report text quoted in a message. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}
