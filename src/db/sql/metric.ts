import { METRICS, metricCells, metricDef, type Metric } from '../../report/metrics'
import { ident, list } from './literal'

/**
 * The SQL of the derived metrics of src/report/metrics.ts, over rows of the `cells` table — the
 * only place a metric becomes SQL. The TypeScript twin is `evaluateMetric`, from the same
 * definitions, so the summary JSON (first paint) and live SQL agree: a blank cell counts as 0, a
 * ratio is Σ numerator ÷ (Σ denominator − Σ minus) and NULL when that denominator is not positive.
 */

/** Σ of the values of `keys` over the grouped `cells` rows, 0 when none (a DOUBLE). */
export function sumOfSql(keys: readonly string[], cellsAlias = ''): string {
  if (keys.length === 0) return '0::DOUBLE'
  const p = cellsAlias ? `${cellsAlias}.` : ''
  return `COALESCE(SUM(${p}value) FILTER (WHERE ${p}"key" IN ${list(keys)}), 0)::DOUBLE`
}

/** The ratio rule in SQL (`ratioOf` in TypeScript): NULL unless the denominator is positive. */
export function ratioSql(numerator: string, denominator: string): string {
  return `CASE WHEN ${denominator} > 0 THEN ${numerator} / ${denominator} END`
}

function resolve(metric: Metric | string): Metric {
  const m = typeof metric === 'string' ? metricDef(metric) : metric
  if (!m) throw new Error(`Unknown metric "${String(metric)}"; known: ${METRICS.map((x) => x.key).join(', ')}`)
  return m
}

/** A ratio metric's numerator and denominator (denominator minus `minus`) as aggregate SQL expressions. */
export function ratioPartsSql(metric: Metric | string, cellsAlias = ''): { numerator: string; denominator: string } {
  const m = resolve(metric)
  if (m.kind !== 'ratio') throw new Error(`Metric "${m.key}" is a sum, not a ratio`)
  const den = m.minus?.length ? `(${sumOfSql(m.denominator, cellsAlias)} - ${sumOfSql(m.minus, cellsAlias)})` : sumOfSql(m.denominator, cellsAlias)
  return { numerator: sumOfSql(m.numerator, cellsAlias), denominator: den }
}

/** An aggregate SQL expression computing `metric` over the grouped `cells` rows. */
export function metricSql(metric: Metric | string, cellsAlias = ''): string {
  const m = resolve(metric)
  if (m.kind === 'sum') return sumOfSql(m.cells, cellsAlias)
  const { numerator, denominator } = ratioPartsSql(m, cellsAlias)
  return ratioSql(numerator, `(${denominator})`)
}

/** `metricSql(k) AS "k"` for each metric key, comma-separated, for a SELECT list. */
export function metricColumns(keys: readonly string[], cellsAlias = ''): string {
  return keys.map((k) => `${metricSql(k, cellsAlias)} AS ${ident(k)}`).join(',\n  ')
}

/**
 * Per-report partial sums of a metric, as SELECT items over `cells` rows grouped by report:
 * `p_value` (a sum) or `p_num`/`p_den` (a ratio), and `p_present`, the number of the metric's cells
 * the report printed — so a report whose format lacks the cells (a 2019 report and the 2021 fee
 * amount) yields NULL instead of a false 0. Combine groups of such rows with {@link metricOfPartsSql}.
 */
export function metricPartsSql(metric: Metric | string): string {
  const m = resolve(metric)
  const present = `(COUNT(*) FILTER (WHERE "key" IN ${list(metricCells(m))}))::INTEGER AS p_present`
  if (m.kind === 'sum') return `${sumOfSql(m.cells)} AS p_value, ${present}`
  const { numerator, denominator } = ratioPartsSql(m)
  return `${numerator} AS p_num, ${denominator} AS p_den, ${present}`
}

/** The metric over a group of {@link metricPartsSql} rows (sum of sums; ratio of sums); NULL when no report printed its cells. */
export function metricOfPartsSql(metric: Metric | string): string {
  const m = resolve(metric)
  if (m.kind === 'sum') return `CASE WHEN SUM(p_present) > 0 THEN SUM(p_value) END`
  return `CASE WHEN SUM(p_present) > 0 THEN ${ratioSql('SUM(p_num)', 'SUM(p_den)')} END`
}
