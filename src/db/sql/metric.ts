import { METRICS, metricDef, type Metric } from '../../report/metrics'
import { ident, list } from './literal'

/**
 * SQL for the derived metrics of src/report/metrics.ts, over rows of the `cells` table.
 * The same definitions feed the Node summary (`evaluateMetric`), so first paint and live SQL agree:
 * a blank cell counts as 0, a ratio is sum(numerator) / (sum(denominator) − sum(minus)) and NULL
 * when that denominator is not positive.
 */

function sumOf(keys: readonly string[], cellsAlias: string): string {
  const p = cellsAlias ? `${cellsAlias}.` : ''
  return `COALESCE(SUM(CASE WHEN ${p}key IN ${list(keys)} THEN ${p}value END), 0)`
}

/** An aggregate SQL expression computing `metric` over the grouped `cells` rows. */
export function metricSql(metric: Metric | string, cellsAlias = ''): string {
  const m = typeof metric === 'string' ? metricDef(metric) : metric
  if (!m) throw new Error(`Unknown metric "${String(metric)}"; known: ${METRICS.map((x) => x.key).join(', ')}`)
  if (m.kind === 'sum') return sumOf(m.cells, cellsAlias)
  const den = m.minus?.length ? `(${sumOf(m.denominator, cellsAlias)} - ${sumOf(m.minus, cellsAlias)})` : sumOf(m.denominator, cellsAlias)
  return `CASE WHEN ${den} > 0 THEN ${sumOf(m.numerator, cellsAlias)} / ${den} END`
}

/** `metricSql(k) AS "k"` for each metric key, comma-separated, for a SELECT list. */
export function metricColumns(keys: readonly string[], cellsAlias = ''): string {
  return keys.map((k) => `${metricSql(k, cellsAlias)} AS ${ident(k)}`).join(',\n  ')
}
