/**
 * Which way of change is good news, per overview metric, for the KPI colours: a rising 公开率 is
 * good, a rising 纠错率 (the share of reviews and lawsuits that found the government wrong) is bad.
 * Volumes (applications, outcomes, cases) are neutral: more applications are neither better nor
 * worse. Kept here until the metric definitions (src/report/metrics.ts) carry a good direction.
 */
export type GoodDirection = 'up' | 'down' | 'neutral'

const GOOD: Record<string, GoodDirection> = {
  granted_share: 'up',
  correction_rate: 'down',
}

/** The good direction of a metric key; neutral for every volume. */
export function goodDirection(key: string): GoodDirection {
  return GOOD[key] ?? 'neutral'
}

/** How a change reads for a metric: good, bad, or neutral (a volume, or no change). */
export function changeMeaning(key: string, delta: number): 'good' | 'bad' | 'neutral' {
  const dir = goodDirection(key)
  if (dir === 'neutral' || delta === 0) return 'neutral'
  return (delta > 0) === (dir === 'up') ? 'good' : 'bad'
}
