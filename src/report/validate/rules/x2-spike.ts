import { finding } from '../../finding'
import { num } from '../../model/labels'
import { onePerYear } from '../one-per-year'
import type { DistrictFinding, DistrictReport } from './types'

const KEY = 'apply.new.total'
/** A spike needs at least this many new applications, whatever the unit's history. */
const FLOOR = 20
/** …and at least this multiple of the median of the unit's other years. */
const FACTOR = 5

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/**
 * X2 (WARN, our own): a spike in new applications — a unit's 一、本年新收 总计 in a year is
 * ≥ max(20, 5 × the median of its other years). Needs at least one other year with a printed
 * value; with several reports for one year the counted one is used (C5 reports the duplicate).
 */
export function x2Spike(reports: readonly DistrictReport[]): DistrictFinding[] {
  const ofUnit = new Map<string, DistrictReport[]>()
  for (const r of reports) ofUnit.set(r.unit, [...(ofUnit.get(r.unit) ?? []), r])
  const out: DistrictFinding[] = []
  for (const [unit, all] of ofUnit) {
    const years = new Map([...onePerYear(all)].filter(([, r]) => typeof r.cells[KEY] === 'number'))
    for (const [year, r] of years) {
      const others = [...years.values()].filter((o) => o.year !== year).map((o) => o.cells[KEY] as number)
      if (others.length === 0) continue
      const value = r.cells[KEY] as number
      const base = median(others)
      const threshold = Math.max(FLOOR, FACTOR * base)
      if (value < threshold) continue
      out.push({
        unit,
        year,
        ...(r.file !== undefined ? { file: r.file } : {}),
        finding: finding('X2', 'warn', 'apply', {
          zh: `一、本年新收政府信息公开申请数量 总计=${num(value)}，达到其他年度中位数${num(base)}的${FACTOR}倍以上（且不少于${FLOOR}件），请核实`,
          en: `new applications (total) = ${num(value)}, at least ${FACTOR}× the median of the unit's other years (${num(base)}) and ≥ ${FLOOR}: please check`,
        }, { cells: [KEY], expected: `< ${num(threshold)}`, actual: value }),
      })
    }
  }
  return out
}
