import { OVERVIEW_KPIS } from '~/db/sql/overview'
import type { RankingSumRow, RankingUnitRow } from '~/db/sql/ranking-table'
import { evaluateMetric, metricDef, type Metric } from '~/report/metrics'
import { median } from '~/util/median'

/**
 * The ranking table of 单位对比 as data: per unit of the year, every main metric, the rank by the
 * chosen metric, its share of the district, its change and rank change from the previous year
 * (only for units with a report in both years), plus a 全区合计 and a 中位数 row. Units expected
 * without a report are listed last with their status and no values.
 */

/** The metrics the table shows, in the KPI order of 总览. */
export const TABLE_METRICS: readonly string[] = OVERVIEW_KPIS

/** A rate over fewer cases than this is shown with its n and marked as not comparable. */
export const MIN_RATE_N = 10

export interface RankingTableRow {
  unit: string
  kind: string | null
  /** Coverage status in the year (received, duplicate, not_collected, not_published, not_expected). */
  status: string
  /** True when the unit has no report in the year: no values, listed last. */
  missing: boolean
  /** 1-based rank by the chosen metric among units with a value (ties share a rank). */
  rank: number | null
  /** Places moved up since the previous year (negative = down); null without a rank in both years. */
  rankChange: number | null
  values: Record<string, number | null>
  /** Denominator of each ratio metric (decided applications, concluded cases). */
  n: Record<string, number | null>
  /** The chosen metric's share of the district total (sum metrics only). */
  share: number | null
  /** Change of the chosen metric from the previous year (unit with a report in both years). */
  change: number | null
}

type Sums = Map<string, Record<string, number>>

function sumsByUnit(rows: readonly RankingSumRow[], year: number): Sums {
  const out: Sums = new Map()
  for (const r of rows) {
    if (Number(r.year) !== year || r.value === null) continue
    const s = out.get(r.unit) ?? {}
    s[r.key] = (s[r.key] ?? 0) + Number(r.value)
    out.set(r.unit, s)
  }
  return out
}

/** The denominator of a ratio metric on sums of cells (null for a sum metric). */
export function denominatorOf(m: Metric, cells: Readonly<Record<string, number>>): number | null {
  if (m.kind !== 'ratio') return null
  const sum = (keys: readonly string[]) => keys.reduce((a, k) => a + (cells[k] ?? 0), 0)
  return sum(m.denominator) - sum(m.minus ?? [])
}

/** Competition ranks (1, 2, 2, 4) of the units by value, largest first; units without a value get none. */
function ranks(values: Map<string, number | null>): Map<string, number> {
  const sorted = [...values.entries()].filter((e): e is [string, number] => e[1] !== null).sort((a, b) => b[1] - a[1])
  const out = new Map<string, number>()
  sorted.forEach(([unit, v], i) => out.set(unit, i > 0 && sorted[i - 1]![1] === v ? out.get(sorted[i - 1]![0])! : i + 1))
  return out
}

/** The unit kinds (peer groups) present in the table's units, in the registry's kind order. */
export function peerKinds(units: readonly RankingUnitRow[]): string[] {
  const present = new Set(units.map((u) => u.unit_kind).filter((k): k is string => !!k))
  return PEER_ORDER.filter((k) => present.has(k))
}
const PEER_ORDER = ['街道', '镇', '乡', '部门', '区本级']

/**
 * The table rows (ranked units, then units without a report), the total and the median. With a
 * `peer` kind (街道/镇/乡/部门/区本级) only that peer group is in the table: ranks, rank changes,
 * shares, the total and the median are all among peers, so a 镇 is ranked against 镇.
 */
export function buildRankingTable(
  allUnits: readonly RankingUnitRow[],
  allSums: readonly RankingSumRow[],
  year: number,
  metricKey: string,
  peer: string | null = null,
): { rows: RankingTableRow[]; total: Record<string, number | null>; median: Record<string, number | null> } {
  const units = peer ? allUnits.filter((u) => u.unit_kind === peer) : allUnits
  const inGroup = new Set(units.map((u) => u.unit))
  const sums = peer ? allSums.filter((r) => inGroup.has(r.unit)) : allSums
  const key = TABLE_METRICS.includes(metricKey) ? metricKey : 'new'
  const chosen = metricDef(key)!
  const cur = sumsByUnit(sums, year)
  const prev = sumsByUnit(sums, year - 1)
  const value = (s: Record<string, number> | undefined, m: Metric) => (s ? evaluateMetric(m, s) : null)
  const rankNow = ranks(new Map([...cur.entries()].map(([u, s]) => [u, value(s, chosen)])))
  const rankBefore = ranks(new Map([...prev.entries()].map(([u, s]) => [u, value(s, chosen)])))
  const districtSums: Record<string, number> = {}
  for (const s of cur.values()) for (const [k, v] of Object.entries(s)) districtSums[k] = (districtSums[k] ?? 0) + v
  const districtTotal = value(districtSums, chosen)

  const rows = units.map((u): RankingTableRow => {
    const s = cur.get(u.unit)
    const p = prev.get(u.unit)
    const values: Record<string, number | null> = {}
    const n: Record<string, number | null> = {}
    for (const k of TABLE_METRICS) {
      const m = metricDef(k)!
      values[k] = value(s, m)
      if (m.kind === 'ratio') n[k] = s ? denominatorOf(m, s) : null
    }
    const v = values[key] ?? null
    const before = value(p, chosen)
    const rank = rankNow.get(u.unit) ?? null
    const was = rankBefore.get(u.unit) ?? null
    return {
      unit: u.unit, kind: u.unit_kind, status: u.status, missing: !s,
      rank, rankChange: rank !== null && was !== null ? was - rank : null,
      values, n,
      share: chosen.kind === 'sum' && v !== null && districtTotal ? v / districtTotal : null,
      change: v !== null && before !== null ? v - before : null,
    }
  })
  rows.sort((a, b) => Number(a.missing) - Number(b.missing) || (a.rank ?? Infinity) - (b.rank ?? Infinity))
  const total: Record<string, number | null> = {}
  const med: Record<string, number | null> = {}
  for (const k of TABLE_METRICS) {
    total[k] = cur.size ? value(districtSums, metricDef(k)!) : null
    med[k] = median(rows.flatMap((r) => (r.values[k] === null || r.values[k] === undefined ? [] : [r.values[k]!])))
  }
  return { rows, total, median: med }
}
