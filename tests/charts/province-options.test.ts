import { describe, expect, it } from 'vitest'
import { escapeHtml } from '~/charts/format'
import { provinceCoverageOption } from '~/charts/options/province-coverage'
import {
  asProvinceMetric, coverageAreas, districtRows, findProvince, medianValues, nationRow, provinceRow, provinceRows, provinceSlug, rankRows,
} from '~/charts/options/province-data'
import { provinceRankingOption, rankingClickKey } from '~/charts/options/province-ranking'
import { EVIL_NAME, fixtureNationalIndex } from '../build/national-fixture'

type Any = any

const idx = fixtureNationalIndex()
const fujian = findProvince(idx, '福建省')!
const basis = (r: number, e: number) => `基于 ${r}/${e} 份报告`
const LABELS = { metric: '本年新收申请', basis, noValue: '无值' }

describe('province rows', () => {
  it('reads a province\'s districts for a year, with coverage, sums, shares and their n', () => {
    const rows = districtRows(idx, fujian, 2021)
    expect(rows.map((r) => [r.key, r.city, r.received, r.expected, r.low])).toEqual([['pt', '', 2, 2, false], ['gl', '福州市', 2, 3, false]])
    expect(rows[0]!.values).toMatchObject({ coverage: 1, new: 14, decided: 12, granted_share: 10 / 12, review: 3, correction_rate: 0.5 })
    expect(rows[0]!.n).toEqual({ coverage: 2, granted_share: 12, correction_rate: 2 })
    expect(districtRows(idx, fujian, 2022).find((r) => r.key === 'gl')!.low).toBe(true)
    expect(districtRows(idx, fujian, 1999)).toEqual([])
  })

  it('totals a province and the nation (synthetic provinces left out), and slugs a synthetic province apart', () => {
    expect(provinceRow(idx, fujian, 2021)).toMatchObject({ received: 4, expected: 5, districts: 2, districtsLow: 0, low: false })
    expect(provinceRow(idx, fujian, 2022)).toMatchObject({ received: 2, expected: 5, districts: 2, districtsLow: 1, low: true })
    expect(nationRow(idx, 2021)).toMatchObject({ received: 5, expected: 8, districts: 3, districtsLow: 1 })
    expect(nationRow(idx, 2021)!.values.new).toBe(14 + 5 + 1)
    expect(provinceRows(idx, 2021).map((r) => r.key)).toEqual(['福建省', '黑龙江省', '示例省（虚构）·示例'])
    expect(provinceSlug({ name: '', synthetic: true })).toBe('示例')
    expect(provinceSlug({ name: '', synthetic: false })).toBe('未注明')
    expect(findProvince(idx, '示例省（虚构）·示例')!.synthetic).toBe(true)
  })

  it('takes the median over rows at or above the threshold only', () => {
    const rows = districtRows(idx, fujian, 2022)
    expect(medianValues(rows)).toEqual({ rows: 1, values: expect.objectContaining({ new: 7 }) })
    expect(medianValues([]).values.new).toBeNull()
  })

  it('ranks complete rows first, low rows after them, whatever their value', () => {
    const rows = districtRows(idx, fujian, 2022)
    expect(rankRows(rows, 'new').map((r) => r.key)).toEqual(['pt', 'gl']) // gl has 9 > 7 but rests on 1/3
    expect(rankRows(rows, 'coverage').map((r) => r.key)).toEqual(['pt', 'gl'])
    expect(asProvinceMetric('granted_share')).toBe('granted_share')
    expect(asProvinceMetric('DROP TABLE')).toBe('new')
  })
})

describe('province ranking option', () => {
  const rows = districtRows(idx, fujian, 2022)
  const option: Any = provinceRankingOption(rows, 'new', LABELS)

  it('greys and labels a district below the threshold with its basis', () => {
    expect(option.yAxis.data).toEqual(['平潭', { value: EVIL_NAME, textStyle: { color: '#65686e' } }])
    const [full, low] = option.series[0].data
    expect(full.itemStyle.color).not.toBe(low.itemStyle.color)
    expect(option.series[0].label.formatter({ data: low, value: 9 })).toBe('9 · 基于 1/3 份报告')
    expect(option.series[0].label.formatter({ data: full, value: 7 })).toBe('7')
  })

  it('escapes names in the tooltip and gives the n of a share', () => {
    const html: string = option.tooltip.formatter({ dataIndex: 1 })
    expect(html).not.toContain('<img')
    expect(html).toContain(escapeHtml(EVIL_NAME))
    const share: Any = provinceRankingOption(districtRows(idx, fujian, 2021), 'granted_share', LABELS)
    expect(share.tooltip.formatter({ dataIndex: 0 })).toContain('(n=12)')
    expect(share.xAxis.max).toBe(1)
  })

  it('maps a click on a bar or a name to the row key', () => {
    expect(rankingClickKey({ componentType: 'series', data: option.series[0].data[1] }, rows)).toBe('gl')
    expect(rankingClickKey({ componentType: 'yAxis', value: '平潭' }, rows)).toBe('pt')
    expect(rankingClickKey({ componentType: 'title' }, rows)).toBeNull()
  })
})

describe('province coverage heatmap option', () => {
  const labels = { basis, notExpected: '不在登记范围', low: '不足 50%' }
  const option: Any = provinceCoverageOption(idx.years, coverageAreas(idx, fujian), labels)

  it('has one cell per district-year with received/expected as its label', () => {
    expect(option.xAxis.data).toEqual(['2021', '2022'])
    expect(option.yAxis.data).toEqual(['平潭', EVIL_NAME])
    const cells = option.series[0].data
    expect(cells.map((c: Any) => [c.key, c.value])).toEqual([['pt', [0, 0, 1]], ['pt', [1, 0, 0.5]], ['gl', [0, 1, 2 / 3]], ['gl', [1, 1, 1 / 3]]])
    expect(option.series[0].label.formatter({ data: cells[3] })).toBe('1/3')
  })

  it('escapes names and notes a low district-year in the tooltip', () => {
    const html: string = option.tooltip.formatter({ data: option.series[0].data[3] })
    expect(html).not.toContain('<img')
    expect(html).toContain('基于 1/3 份报告')
    expect(html).toContain('不足 50%')
  })

  it('leaves a year outside a district\'s grid empty', () => {
    const d = coverageAreas(idx, findProvince(idx, '黑龙江省')!)[0]!
    const o: Any = provinceCoverageOption([2020, ...idx.years], [{ ...d, expected: [0, ...d.expected], received: [0, ...d.received], low: [true, ...d.low] }], labels)
    expect(o.series[0].data.map((c: Any) => c.value[0])).toEqual([1, 2])
  })

  it('draws the nation\'s provinces by slug, with their display names', () => {
    const o: Any = provinceCoverageOption(idx.years, coverageAreas(idx, null, (p) => `${p.name}!`), labels)
    expect(o.yAxis.data).toEqual(['福建省!', '黑龙江省!', '示例省（虚构）!'])
    expect(o.series[0].data[0]).toMatchObject({ key: '福建省', received: 4, expected: 5 })
  })
})

describe('national ranking', () => {
  it('ranks a synthetic province after every real one, in its own colour', () => {
    const rows = provinceRows(idx, 2021)
    // the demo province has the largest value (50) but is generated data
    expect(rankRows(rows, 'new').map((r) => r.key)).toEqual(['福建省', '黑龙江省', '示例省（虚构）·示例'])
    const option: Any = provinceRankingOption(rows, 'new', LABELS)
    const colors = option.series[0].data.map((d: Any) => d.itemStyle.color)
    expect(new Set(colors).size).toBe(3) // real, low (黑龙江省 1/3), synthetic
  })
})
