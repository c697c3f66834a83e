import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { record, text } from './helpers'

const SAMPLE = readFileSync(new URL('../../fixtures/shared/hulan-baikui-2021.txt', import.meta.url), 'utf8')

/** Lines from the heading before the first table cell to the three empty lines after the last one. */
function tableRegion(doc: string): string[] {
  const lines = doc.split('\n')
  const cellLines = lines.flatMap((l, i) => (l.startsWith('\t') ? [i] : []))
  return lines.slice(cellLines[0]! - 2, cellLines[cellLines.length - 1]! + 4)
}

describe('docx-text rendering', () => {
  it('reproduces the sample tables line for line (NBSP padding aside)', () => {
    const sample = tableRegion(SAMPLE).map((l) => l.replace(/\u00a0/g, ''))
    const ours = tableRegion(text(record('gov2021'), 'docx-text'))
    // The sample's heading 二 carries a leading NBSP and 三/四 follow the tables; compare all of it.
    expect(ours).toEqual(sample)
  })

  it('writes title, preamble citing 30号, 统计期限, contact sentence and the six headings in order', () => {
    const doc = text(record('gov2021'), 'docx-text')
    const lines = doc.split('\n')
    expect(lines[0]).toBe('呼兰区白奎镇2021年政府信息公开工作年度报告')
    expect(lines[1]).toContain('（国办公开办函〔2021〕30号）')
    expect(lines[1]).toContain('统计期限自2021年1月1日起至2021年12月31日止')
    expect(lines[1]).toContain('如对本报告有任何疑问或意见建议，请联系呼兰区白奎镇')
    const headings = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']
    const at = headings.map((h) => lines.indexOf(h))
    expect(at.every((i) => i > 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
  })

  it('cites the claimed format, not the drawn one, when they differ', () => {
    const doc = text(record('gov2021', { claimedFormat: 'gov2019' }), 'docx-text')
    expect(doc).toContain('〔2019〕60号')
    expect(doc).not.toContain('〔2021〕30号')
  })

  it('draws gov2019: 5 section 二 captions with 2019 columns, 23 section 三 rows, （六） as one row', () => {
    const doc = text(record('gov2019', { cells: { 'active.license.delta': -8, 'active.procurement.amount': 2510.5 } }), 'docx-text')
    for (const item of ['一', '五', '六', '八', '九']) expect(doc).toContain(`\t第二十条第（${item}）项\n`)
    expect(doc).toContain('\t本年新制作数量\n')
    expect(doc).toContain('\t规范性文件\n')
    expect(doc).not.toContain('行政规范性文件')
    expect(doc).toContain('\t行政许可\n\t\n\t-8\n\t\n')
    expect(doc).toContain('\t政府集中采购\n\t\n\t2510.5\n')
    // （六）其他处理: merged 三、 cell, the label, 7 values — 9 lines.
    expect(doc).toMatch(/\n\t\n\t（六）其他处理\n(\t\n){7}\n/)
    const rowsOf三 = doc.slice(doc.indexOf('三、收到和处理'), doc.indexOf('四、政府信息公开行政复议')).split('\n\n').filter((r) => r.startsWith('\t'))
    expect(rowsOf三).toHaveLength(3 + 23)
  })

  it('prints values as given and null as an empty cell, never 0', () => {
    const cells = { ...record('gov2021').cells, 'active.fee.amount_wan': 1.25, 'review.total': null, 'apply.new.total': 12 }
    const doc = text(record('gov2021', { cells }), 'docx-text')
    expect(doc).toContain('\t行政事业性收费\n\t1.25\n')
    expect(doc).toContain('\t一、本年新收政府信息公开申请数量\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t12\n')
  })

  it('keeps prose paragraphs as body lines and derives none when given', () => {
    const doc = text(record('gov2021', { prose: { overview: '第一段。\n第二段。', problems: '问题。', other: '2021年我镇无收取信息处理费情况。' } }), 'docx-text')
    expect(doc).toContain('一、总体情况\n第一段。\n第二段。\n二、')
    expect(doc).toContain('六、其他需要报告的事项\n2021年我镇无收取信息处理费情况。\n')
  })
})
