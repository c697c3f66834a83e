import type { CardMetricRow } from '~/db/sql/card'
import type { Metric } from '~/report/metrics'

/**
 * The report card's rows: per indicator, the unit's value of the chosen year against the district
 * median and its peer-kind median (each with n), and the unit's series over every year of its
 * coverage row, null where it has no value (a gap, never 0).
 */
export interface CardIndicatorRow {
  key: string
  metric: Metric
  value: number | null
  districtMedian: number | null
  districtN: number
  peerMedian: number | null
  peerN: number
  /** The unit against the district median (null below MIN_UNITS_TO_COMPARE units or without values). */
  versus: 'above' | 'below' | 'equal' | null
  /** For metrics with a good direction: whether being above/below the median is good or bad; neutral for volumes. */
  meaning: 'good' | 'bad' | 'neutral' | null
  /** One value per year of `years`, null = no value that year. */
  series: (number | null)[]
}

/**
 * Fewest units a district median must be taken over before the card says "above / below the
 * median": with one or two units the median is mostly the unit itself.
 */
export const MIN_UNITS_TO_COMPARE = 3

export function cardRows(rows: readonly CardMetricRow[], indicators: readonly Metric[], years: readonly number[], year: number): CardIndicatorRow[] {
  const at = new Map(rows.map((r) => [`${r.metric}|${r.year}`, r]))
  return indicators.map((m) => {
    const r = at.get(`${m.key}|${year}`)
    const value = r?.unit_value ?? null
    const districtMedian = r?.district_median ?? null
    const districtN = r?.district_n ?? 0
    const versus = value === null || districtMedian === null || districtN < MIN_UNITS_TO_COMPARE ? null : value > districtMedian ? 'above' : value < districtMedian ? 'below' : 'equal'
    const meaning = versus === null ? null : versus === 'equal' || m.good === null ? 'neutral' : (versus === 'above') === (m.good === 'higher') ? 'good' : 'bad'
    return {
      key: m.key,
      metric: m,
      value,
      districtMedian,
      districtN,
      peerMedian: r?.peer_median ?? null,
      peerN: r?.peer_n ?? 0,
      versus,
      meaning,
      series: years.map((y) => at.get(`${m.key}|${y}`)?.unit_value ?? null),
    }
  })
}
