import { describe, expect, it } from 'vitest'
import { buildNationalIndex, isLow, seriesRatio } from '~/build/national-index'
import { KPI_MIN_COVERAGE } from '~/charts/options/overview-kpis'
import { cells, district, error, report, warn } from './national-fixture'

describe('buildNationalIndex', () => {
  const fujian = district('pt', { name: '平潭', province: '福建省' }, ['甲', '乙'], [2021, 2022], [
    report('甲', 2021, cells({ new: 10, decided: 8, granted: 5, partial: 1, review: 2, corrected: 1 }), [warn]),
    report('乙', 2021, cells({ new: 4, decided: 4, granted: 4, review: 1, pending: 1 })),
    // a duplicate: the one with fewer errors counts, the other is never summed
    report('甲', 2022, cells({ new: 100, decided: 100 }), [error], 'dup-a.txt'),
    report('甲', 2022, cells({ new: 7, decided: 6, granted: 3 }), [], 'dup-b.txt'),
  ])
  const fuzhou = district('gl', { name: '鼓楼区', province: '福建省', city: '福州市' }, ['丙', '丁', '戊'], [2021, 2022], [
    report('丙', 2021, cells({ new: 3, decided: 3, granted: 2, direct: 2, corrected: 0 })),
    report('丁', 2021, cells({ new: 2, decided: 2, granted: 1 })),
    // 2022: one of three (33 % < 50 %): summed, and marked low
    report('丁', 2022, cells({ new: 9, decided: 9, granted: 9 })),
  ], [{ year: 2022, finding: warn }, { year: null, finding: error }])
  const hulan = district('hl', { name: '呼兰区', province: '黑龙江省', city: '哈尔滨市' }, ['白奎镇', '康金街道'], [2021], [
    report('白奎镇', 2021, cells({ new: 1, decided: 1, granted: 1 })),
    report('康金街道', 2021, null), // unreadable: received, not counted
  ])
  const demo = district('demo', { name: '示例区', province: '', synthetic: true }, ['子'], [2021], [report('子', 2021, cells({ new: 50, decided: 50, granted: 50 }))])
  const empty = district('none', { name: '空区', province: '黑龙江省', city: '哈尔滨市' }, ['某镇'], [2021, 2022], [])
  const idx = buildNationalIndex([fujian, fuzhou, demo, hulan, empty], KPI_MIN_COVERAGE)
  const prov = (name: string, synthetic = false) => idx.provinces.find((p) => p.name === name && p.synthetic === synthetic)!
  const dist = (id: string) => idx.provinces.flatMap((p) => p.cities.flatMap((c) => c.districts)).find((d) => d.id === id)!
  const at = (year: number) => idx.years.indexOf(year)

  it('groups districts province → city → district, real provinces first, a province-less synthetic district apart', () => {
    expect(idx.years).toEqual([2021, 2022])
    expect(idx.min_coverage).toBe(0.5)
    expect(idx.provinces.map((p) => [p.name, p.synthetic])).toEqual([['福建省', false], ['黑龙江省', false], ['', true]])
    expect(prov('福建省').cities.map((c) => [c.name, c.districts.map((d) => d.id)])).toEqual([['', ['pt']], ['福州市', ['gl']]])
    expect(prov('黑龙江省').cities).toEqual([{ name: '哈尔滨市', districts: [dist('hl'), dist('none')] }])
    expect(dist('demo').synthetic).toBe(true)
  })

  it('sums only counted reports: a duplicate counts once, an unreadable report is received but not counted', () => {
    const pt = dist('pt')
    expect(pt.series.sums.new).toEqual([14, 7])
    expect(pt.series.sums.decided).toEqual([12, 6])
    expect(pt.series.received).toEqual([2, 1])
    expect(pt.series.counted).toEqual([2, 1])
    const hl = dist('hl')
    expect(hl.series.received[at(2021)]).toBe(2)
    expect(hl.series.counted[at(2021)]).toBe(1)
    expect(hl.series.sums.new[at(2021)]).toBe(1)
    // the same numbers as the district summary the 总览 paints from
    for (const [d, input] of [[pt, fujian], [dist('gl'), fuzhou]] as const) {
      for (const y of input.summary.by_year) expect(d.series.sums.new[at(y.year)]).toBe(y.metrics.new)
      for (const y of input.summary.by_year) expect(seriesRatio(d.series, 'granted_share', at(y.year))).toBe(y.metrics.granted_share)
    }
  })

  it('keeps ratios as numerator and denominator (the n), the correction rate net of pending cases', () => {
    const pt = dist('pt')
    expect(pt.series.ratios.granted_share).toEqual({ num: [10, 3], den: [12, 6] })
    // reviews 2 + 1, one pending → 2 concluded, 1 corrected
    expect(pt.series.ratios.correction_rate).toEqual({ num: [1, 0], den: [2, 0] })
    expect(seriesRatio(pt.series, 'correction_rate', 0)).toBe(0.5)
    expect(seriesRatio(pt.series, 'correction_rate', 1)).toBeNull()
    expect(pt.series.sums.review).toEqual([3, 0])
    expect(dist('gl').series.sums.litigation).toEqual([2, 0])
  })

  it('marks district-years below the coverage threshold, and counts them in the province year', () => {
    expect(dist('gl').low).toEqual([false, true]) // 2021: 2 of 3; 2022: 1 of 3
    expect(dist('pt').low).toEqual([false, false]) // 2022: 1 of 2 is exactly 50 %
    expect(isLow(1, 3, KPI_MIN_COVERAGE)).toBe(true)
    expect(isLow(0, 0, KPI_MIN_COVERAGE)).toBe(true)
    const fj = prov('福建省')
    expect(fj.series.expected).toEqual([5, 5])
    expect(fj.series.received).toEqual([4, 2])
    expect(fj.series.sums.new).toEqual([19, 16])
    expect(fj.series.ratios.granted_share).toEqual({ num: [13, 12], den: [17, 15] })
    expect(fj.districts_expected).toEqual([2, 2])
    expect(fj.districts_low).toEqual([0, 1])
    expect(fj.low).toEqual([false, true]) // 2 of 5 in 2022
  })

  it('handles a district with no report at all: zeros, every year low, nothing invented', () => {
    const none = dist('none')
    expect(none.series.expected).toEqual([1, 1])
    expect(none.series.received).toEqual([0, 0])
    expect(none.series.sums.new).toEqual([0, 0])
    expect(none.low).toEqual([true, true])
    expect(prov('黑龙江省').districts_low).toEqual([1, 1]) // 2022: 呼兰区 has no 2022 in its grid
    expect(prov('黑龙江省').districts_expected).toEqual([2, 1])
    expect(dist('hl').series.expected).toEqual([2, 0])
  })

  it('counts findings by year and level; a finding with no year is only in the district total', () => {
    expect(dist('pt').series.findings).toEqual({ error: [0, 1], warn: [1, 0], info: [0, 0] })
    expect(dist('gl').series.findings.warn).toEqual([0, 1])
    expect(dist('gl').series.findings.error).toEqual([0, 0])
    expect(dist('gl').findings_total).toEqual({ error: 1, warn: 1, info: 0 })
  })

  it('never adds synthetic districts into the national totals', () => {
    expect(prov('', true).series.sums.new).toEqual([50, 0])
    expect(idx.nation.series.sums.new).toEqual([19 + 1, 16])
    expect(idx.nation.series.expected).toEqual([5 + 2 + 1, 5 + 1])
  })

  it('is empty, not broken, without districts', () => {
    const none = buildNationalIndex([], KPI_MIN_COVERAGE)
    expect(none.provinces).toEqual([])
    expect(none.years).toEqual([])
    expect(none.nation.series.sums.new).toEqual([])
  })
})
