import { describe, expect, it } from 'vitest'
import { headingOf } from '~/report/parse/headings'
import { parseText } from '~/report/read'

describe('headingOf (docs/formats.md, “Six sections”)', () => {
  it.each([
    ['1、 总体情况', 'sec.overview'],
    ['总体情况', 'sec.overview'],
    ['\u00a0二、主动公开政府信息情况', 'sec.active'],
    ['二、行政机关主动公开政府信息情况', 'sec.active'],
    ['三、收到和处理政府信息公开申请情况', 'sec.apply'],
    ['四、政府信息公开行政复议、行政诉讼情况', 'sec.appeal'],
    ['四、因政府信息公开工作被申请行政复议提起行政诉讼情况', 'sec.appeal'],
    ['5、 存在的主要问题及改进情况', 'sec.problems'],
    ['五、政府信息公开工作存在的主要问题及改进情况', 'sec.problems'],
    ['六、其他需要报告的事项', 'sec.other'],
  ] as const)('%s → %s', (line, key) => expect(headingOf(line)).toBe(key))

  it.each([
    ['（一）持续加大信息公开力度，深入推进主动公开'],
    ['全年未发生因政府信息公开引起的行政复议、行政诉讼案件。'],
    ['行政复议'],
    ['一、本年新收政府信息公开申请数量'],
  ])('%s is not a heading', (line) => expect(headingOf(line)).toBeNull())
})

const body = (head: string[], tail = '') => [...head, '一、总体情况', '本年度工作正常开展。', '六、其他需要报告的事项', '无。', tail].join('\n')

describe('report metadata', () => {
  it('joins a wrapped title and keeps the unit as printed', () => {
    const r = parseText(body(['尚志市帽儿山镇人民政府2020年政府信息', '公开工作年度报告', '根据（国办公开办函〔2019〕60号）要求编制。统计期限自2020年1月1日起至2020年12月31日止。']), 'x.txt')
    expect(r.meta).toMatchObject({ unit: '尚志市帽儿山镇人民政府', year: 2020, format_claimed: 'gov2019', period_year: 2020 })
  })

  it.each([
    ['2021年呼兰区白奎镇政府信息公开工作年度报告', '呼兰区白奎镇', 2021],
    ['呼兰区白奎镇政府信息公开工作2021年度报告', '呼兰区白奎镇', 2021],
    ['呼兰区白奎镇人民政府', '呼兰区白奎镇人民政府', null],
  ] as const)('title %s → unit %s', (title, unit, year) => {
    const lines = year === null ? [title, '2021年政府信息公开工作年度报告'] : [title]
    const r = parseText(body(lines), 'x.txt')
    expect(r.meta.unit).toBe(unit)
    expect(r.meta.year).toBe(2021)
  })

  it('falls back to the contact sentence for the unit and to 统计期限 for the year', () => {
    const r = parseText(body(['政府信息公开工作年度报告', '本报告统计期限自2022年1月1日起至2022年12月31日止。如有疑问，请联系五常市民意乡政府，电话0451-1234567。']), 'x.txt')
    expect(r.meta).toMatchObject({ unit: '五常市民意乡政府', year: 2022, period_year: 2022, format_claimed: null })
  })

  it('reports a missing unit and year', () => {
    const r = parseText(body(['年度报告']), 'x.txt')
    expect(r.meta.unit).toBeNull()
    expect(r.meta.year).toBeNull()
    expect(r.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['no_unit', 'no_year']))
  })

  it('calls a report before 2019 with no national tables legacy', () => {
    const r = parseText(body(['某县人民政府2015年政府信息公开工作年度报告']), 'x.txt')
    expect(r.meta.format).toBe('legacy')
    expect(r.cells).toEqual({})
    expect(r.findings.some((f) => f.rule === 'legacy')).toBe(true)
  })
})

describe('truncated files', () => {
  it('a file cut inside section 一 is truncated, with nothing invented', () => {
    const r = parseText(['某镇2021年政府信息公开工作年度报告', '一、总体情况', '2021年，我镇坚持'].join('\n'), 'cut.txt')
    expect(r.findings.find((f) => f.rule === 'truncated')).toMatchObject({ level: 'warn', section: 'meta' })
    expect(r.cells).toEqual({})
  })

  it('a complete report that merely lacks section 六 is not truncated when every cell was read', async () => {
    const { readFileSync } = await import('node:fs')
    const text = readFileSync(new URL('../../fixtures/reports/text-docx-2021.txt', import.meta.url), 'utf8')
    const r = parseText(text.slice(0, text.indexOf('五、存在的主要问题')), 'no-tail.txt')
    expect(Object.keys(r.cells)).toHaveLength(200)
    expect(r.findings.map((f) => f.rule)).not.toContain('truncated')
  })
})
