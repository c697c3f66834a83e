import { metricDef } from '~/report/metrics'
import { OVERVIEW_KPIS } from '~/db/sql/overview'
import { formatCount, formatDelta, formatShare } from '../format'
import { changeMeaning } from './metric-direction'
import type { OverviewYear } from './overview-data'

/**
 * Below this share of expected reports received, district totals are not shown: with most units
 * missing, a "district" sum is mostly absence (呼兰区 has 1 of 28) and its change from last year
 * compares different sets of units. The view explains the threshold where it suppresses.
 */
export const KPI_MIN_COVERAGE = 0.5

/**
 * The year-over-year change like for like: the metric values of the two years over only the units
 * that have a report with tables in both (`units` of them).
 */
export interface KpiChange {
  year: number
  units: number
  prev: Record<string, number | null>
  cur: Record<string, number | null>
}

/** A KPI tile: the value for the chosen year and its like-for-like change from the year before. */
export interface KpiItem {
  key: string
  label: string
  value: string
  /** Change from the previous year over the units present in both years, formatted; empty when not known. */
  delta: string
  trend: 'up' | 'down' | 'flat' | null
  /** How the change reads for this metric (its good direction); neutral for volumes. */
  meaning: 'good' | 'bad' | 'neutral' | null
  raw: number | null
  /** What the metric means and which cells it reads (src/report/metrics.ts). */
  definition: string
}

/** Reports received of expected for the chosen year, and whether district totals may be shown. */
export interface KpiBasis {
  received: number
  expected: number
  /** False below KPI_MIN_COVERAGE: values are dashes and the view says why. */
  shown: boolean
}

export function kpiBasis(years: readonly OverviewYear[], year: number | null): KpiBasis | null {
  const y = years.find((o) => o.year === year)
  if (!y) return null
  return { received: y.received, expected: y.expected, shown: y.received > 0 && (y.expected === 0 || y.received / y.expected >= KPI_MIN_COVERAGE) }
}

/**
 * KPI tiles for `year` (ratios as percentages, changes in percentage points). A year without any
 * report, or with too few (KPI_MIN_COVERAGE), shows dashes, not zeros. The change is `change` —
 * computed over units present in both years — or nothing: totals of different sets of units are
 * never compared.
 */
export function buildKpis(years: readonly OverviewYear[], year: number | null, locale: 'zh' | 'en', change: KpiChange | null = null): KpiItem[] {
  const basis = kpiBasis(years, year)
  const cur = basis?.shown ? years.find((o) => o.year === year) : undefined
  const like = cur && change && change.year === year && change.units > 0 ? change : null
  return OVERVIEW_KPIS.map((key) => {
    const def = metricDef(key)!
    const isShare = def.kind === 'ratio'
    const v = cur?.metrics[key] ?? null
    const a = like?.cur[key] ?? null
    const b = like?.prev[key] ?? null
    const d = a !== null && b !== null ? a - b : null
    const label = locale === 'en' ? def.label.en.replace(/\s*\(.*\)$/, '') : def.label.zh.replace(/（.*）$/, '')
    return {
      key,
      label,
      value: isShare ? formatShare(v) : formatCount(v),
      delta: d === null ? '' : `${locale === 'en' ? 'vs prev. year ' : '较上年 '}${formatDelta(d, isShare ? 'share' : 'count', locale)}`,
      trend: d === null ? null : d > 0 ? 'up' : d < 0 ? 'down' : 'flat',
      meaning: d === null ? null : changeMeaning(key, d),
      raw: v,
      definition: def.definition[locale],
    }
  })
}
