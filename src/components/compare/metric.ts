import { resolveMetric } from '~/db/sql/compare'
import type { Metric } from '~/report/metrics'

/** The metric a view ranks by when the URL names none. */
export const DEFAULT_METRIC = 'new'

/** The metric for a URL key; throws a readable error for an unknown key (shown in the ErrorPanel). */
export function requireMetric(key: string): Metric {
  const m = resolveMetric(key)
  if (!m) throw new Error(`未知指标 / unknown metric "${key}"`)
  return m
}

/**
 * URL parameter holding the units chosen for the side-by-side chart: names joined by `|`, a `|` or
 * `\` inside a name escaped with a backslash (`A\|B` is the one unit "A|B"). Links written before
 * the escape (plain `甲镇|乙街道`) read the same, since unit names hold no backslash.
 */
export const PICK_PARAM = 'pick'

/** The `pick=` value for a list of units (null for none): `|`-joined, `\` and `|` in names escaped. */
export function encodePicked(units: readonly string[]): string | null {
  return units.length ? units.map((u) => u.replace(/[\\|]/g, (c) => `\\${c}`)).join('|') : null
}

/** Parse the chosen units from the URL parameter: split at unescaped `|`, unescape, drop blanks and repeats. */
export function parsePicked(value: string | null): string[] {
  if (!value) return []
  const out: string[] = []
  let cur = ''
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!
    if (c === '\\' && i + 1 < value.length) cur += value[++i]
    else if (c === '|') {
      out.push(cur)
      cur = ''
    }
    else cur += c
  }
  out.push(cur)
  return [...new Set(out.map((s) => s.trim()).filter(Boolean))]
}
