import { describe, expect, it } from 'vitest'
import { record, text } from './helpers'

const cells = { ...record('gov2021').cells, 'apply.new.natural_person': 3, 'apply.new.total': 3, 'active.fee.amount_wan': 0.5 }
const rec = record('gov2021', { cells })

describe('flat text renderings', () => {
  it('lines: one cell per line, merged cells once; dropEmpty removes blank cells', () => {
    const lines = text(rec, 'lines').split('\n')
    const at = lines.indexOf('一、本年新收政府信息公开申请数量')
    expect(lines.slice(at, at + 8)).toEqual(['一、本年新收政府信息公开申请数量', '3', '0', '0', '0', '0', '0', '3'])
    expect(lines).toContain('商业企业')
    const forward = lines.indexOf('四、结转下年度继续办理')
    expect(lines.slice(forward + 1, forward + 8)).toEqual(['', '', '', '', '', '', ''])
    const dropped = text(rec, 'lines', { dropEmpty: true }).split('\n')
    expect(dropped[dropped.indexOf('四、结转下年度继续办理') + 1]).toBe('四、政府信息公开行政复议、行政诉讼情况')
  })

  it('pipe: `a | b | c` rows', () => {
    const doc = text(rec, 'pipe')
    expect(doc).toContain('\n一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3\n')
    expect(doc).toContain('\n行政事业性收费 | 0.5\n')
  })

  it('markdown: full-grid rows with a separator line after the first row', () => {
    const doc = text(rec, 'markdown')
    expect(doc).toContain('| 第二十条第（一）项 |  |  |  |\n| --- | --- | --- | --- |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |')
    expect(doc).toContain('| 一、本年新收政府信息公开申请数量 |  |  | 3 | 0 | 0 | 0 | 0 | 0 | 3 |')
  })

  it('pdf-text: labels then numeric tokens, blanks vanish, narrow headers stacked', () => {
    const lines = text(rec, 'pdf-text').split('\n')
    expect(lines).toContain('一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3')
    expect(lines).toContain('四、结转下年度继续办理')
    expect(lines).toContain('结 结 其 尚 总 结 结 其 尚 总')
    expect(lines).toContain('持 正 果 结 持 正 果 结')
    expect(lines).toContain(Array(15).fill('0').join(' '))
  })

  it('glued: cells concatenated with no separator', () => {
    const doc = text(rec, 'glued')
    expect(doc).toContain('\n一、本年新收政府信息公开申请数量3000003\n')
    expect(doc).toContain('\n三、本年度办理结果（一）予以公开0000000\n')
    expect(doc).toContain('\n行政事业性收费0.5\n')
  })
})
