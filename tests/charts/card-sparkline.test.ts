/**
 * The report card's pure pieces: the sparkline geometry (a year without a value breaks the line —
 * a gap, never a drop to 0) and the rows joining the unit's values with the medians.
 */
import { describe, expect, it } from 'vitest'
import { cardRows, MIN_UNITS_TO_COMPARE } from '~/components/card/card-model'
import { sparkline } from '~/components/card/sparkline'
import type { CardMetricRow } from '~/db/sql/card'
import { metricDef } from '~/report/metrics'

describe('sparkline', () => {
  it('breaks the line at a year without a value and keeps a lone value as a dot', () => {
    const g = sparkline([1, 3, null, 2, null, 5], 52, 12, 1)
    // x: 1 + i * 10; y: 12 − 1 − (v − 1) / 4 × 10
    expect(g.paths).toEqual(['M1 11 L11 6'])
    expect(g.dots.map((d) => [d.index, d.x, d.y])).toEqual([[3, 31, 8.5], [5, 51, 1]])
    expect(g.points.map((p) => p.index)).toEqual([0, 1, 3, 5])
    expect(g.min).toBe(1)
    expect(g.max).toBe(5)
  })

  it('draws 0 as a value at the bottom, unlike a gap', () => {
    const g = sparkline([0, 4], 20, 10, 0)
    expect(g.paths).toEqual(['M0 10 L20 0'])
    expect(sparkline([null, null], 20, 10).paths).toEqual([])
    expect(sparkline([null, null], 20, 10).min).toBeNull()
  })

  it('draws a flat series at mid-height and keeps the reference line in scale', () => {
    expect(sparkline([2, 2, 2], 20, 10, 0).paths).toEqual(['M0 5 L10 5 L20 5'])
    const g = sparkline([1, 2], 10, 10, 0, 5)
    expect(g.refY).toBe(0)
    expect(g.points.map((p) => p.y)).toEqual([10, 7.5])
    // min/max describe the unit's own values, not the reference.
    expect(g.max).toBe(2)
  })
})

describe('cardRows', () => {
  const row = (metric: string, year: number, unit_value: number | null, district_median: number | null, district_n = 5): CardMetricRow =>
    ({ year, metric, unit_value, district_median, district_n, peer_median: district_median, peer_n: 2 })
  const indicators = [metricDef('new')!, metricDef('granted_share')!, metricDef('correction_rate')!]

  it('aligns the unit’s series with the years, null where there is no value', () => {
    const rows = cardRows([row('new', 2019, 3, 2), row('new', 2021, 0, 1), row('new', 2022, null, 4)], indicators, [2019, 2020, 2021, 2022], 2021)
    expect(rows[0]).toMatchObject({ key: 'new', value: 0, districtMedian: 1, districtN: 5, peerN: 2, series: [3, null, 0, null], versus: 'below', meaning: 'neutral' })
    // No row for the chosen year: no value and n 0, not 0.
    expect(rows[1]).toMatchObject({ key: 'granted_share', value: null, districtMedian: null, districtN: 0, versus: null, series: [null, null, null, null] })
  })

  it('reads above/below the median by the metric’s good direction, and not at all over too few units', () => {
    const y = [2021]
    expect(cardRows([row('granted_share', 2021, 0.9, 0.5)], indicators, y, 2021)[1]).toMatchObject({ versus: 'above', meaning: 'good' })
    expect(cardRows([row('correction_rate', 2021, 0.9, 0.5)], indicators, y, 2021)[2]).toMatchObject({ versus: 'above', meaning: 'bad' })
    expect(cardRows([row('correction_rate', 2021, 0.5, 0.5)], indicators, y, 2021)[2]).toMatchObject({ versus: 'equal', meaning: 'neutral' })
    expect(cardRows([row('new', 2021, 9, 1, MIN_UNITS_TO_COMPARE - 1)], indicators, y, 2021)[0]).toMatchObject({ value: 9, versus: null, meaning: null })
  })
})
