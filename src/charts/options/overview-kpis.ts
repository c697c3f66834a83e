import { metricDef } from '~/report/metrics'
import { OVERVIEW_KPIS } from '~/db/sql/overview'
import { formatCount, formatDelta, formatShare } from '../format'
import type { OverviewYear } from './overview-data'

/** A KPI tile: the value for the chosen year and its change from the year before. */
export interface KpiItem {
  key: string
  label: string
  value: string
  /** Change from the previous year, formatted; empty when there is no previous year. */
  delta: string
  trend: 'up' | 'down' | 'flat' | null
  raw: number | null
}

/**
 * KPI tiles for `year` (ratios as percentages, changes in percentage points). A year without any
 * report received shows dashes, not zeros, and is not compared with: its zeros are absence of data.
 */
export function buildKpis(years: readonly OverviewYear[], year: number | null, locale: 'zh' | 'en'): KpiItem[] {
  const withReports = (y: number) => years.find((o) => o.year === y && o.received > 0)
  const cur = year === null ? undefined : withReports(year)
  const prev = year === null ? undefined : withReports(year - 1)
  return OVERVIEW_KPIS.map((key) => {
    const def = metricDef(key)!
    const isShare = def.kind === 'ratio'
    const v = cur?.metrics[key] ?? null
    const p = prev?.metrics[key] ?? null
    const d = v !== null && p !== null ? v - p : null
    const label = locale === 'en' ? def.label.en.replace(/\s*\(.*\)$/, '') : def.label.zh.replace(/（.*）$/, '')
    return {
      key,
      label,
      value: isShare ? formatShare(v) : formatCount(v),
      delta: d === null ? '' : `${locale === 'en' ? 'vs prev. year ' : '较上年 '}${formatDelta(d, isShare ? 'share' : 'count', locale)}`,
      trend: d === null ? null : d > 0 ? 'up' : d < 0 ? 'down' : 'flat',
      raw: v,
    }
  })
}
