import { metricDef } from '~/report/metrics'

/**
 * How a change reads for a metric, from its good direction in src/report/metrics.ts: a rising 公开率
 * is good, a rising 纠错率 (reviews and lawsuits that found the government wrong) is bad. Volumes
 * (applications, outcomes, cases) have none and read neutral: more applications are neither
 * better nor worse.
 */
export function changeMeaning(key: string, delta: number): 'good' | 'bad' | 'neutral' {
  const good = metricDef(key)?.good ?? null
  if (good === null || delta === 0) return 'neutral'
  return (delta > 0) === (good === 'higher') ? 'good' : 'bad'
}
