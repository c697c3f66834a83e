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

/** URL parameter holding the units chosen for the side-by-side chart, joined by `|`. */
export const PICK_PARAM = 'pick'

/** Parse the chosen units from the URL parameter (unit names never contain `|`, the alias separator). */
export function parsePicked(value: string | null): string[] {
  return value ? [...new Set(value.split('|').map((s) => s.trim()).filter(Boolean))] : []
}
