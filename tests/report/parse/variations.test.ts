/** The real-world variations of docs/formats.md on small hand-written inputs: each must be read or reported, never guessed. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseText } from '~/report/read'

const doc = (...sections: string[][]) =>
  ['示范区某镇2020年政府信息公开工作年度报告', '一、总体情况', '正文。', ...sections.flat(), '五、存在的主要问题及改进情况', '无。', '六、其他需要报告的事项', '无。', ''].join('\n')
const active = (cells: string[]) => ['二、主动公开政府信息情况', ...cells]
const rules = (r: ReturnType<typeof parseText>) => r.findings.map((f) => f.rule)

describe('section 二 variations', () => {
  it('scrambled header columns: a scrambled header, one cell per line ending in " |", maps values by header label', () => {
    const text = doc(active(['第二十条第(一)项 |', '信息内容 |', '本年新制作数量 |', '|', '对外公开总数量 |', '本年新公开数量 |', '规章 |', '1 |', '3 |', '2 |']))
    const r = parseText(text, 'v8.txt')
    expect(r.meta.rendering).toBe('pipe')
    expect(r.cells).toMatchObject({ 'active.regulation.new_made': 1, 'active.regulation.total_published': 3, 'active.regulation.new_published': 2 })
  })

  it('a scrambled header in `|` rows maps values by header slot', () => {
    const rows = ['第二十条第（一）项', '信息内容 | 本年新制作数量 | 对外公开总数量 | 本年新公开数量', '规章 | 1 | 3 | 2', '规范性文件 | 4 | 6 | 5', 'x | y', 'x | y', 'x | y']
    const r = parseText(doc(active(rows)), 'rows.txt')
    expect(r.cells).toMatchObject({
      'active.regulation.new_made': 1,
      'active.regulation.total_published': 3,
      'active.regulation.new_published': 2,
      'active.normative.new_published': 5,
    })
  })

  it('wrapped or cut headers: a header wrapped over lines still decides the column order', () => {
    const text = doc(active(['第二十条第（一）项', '信息内容', '本年新', '制作数量', '对外公开', '总数量', '本年新', '公开数量', '规章', '7', '9', '8']))
    const r = parseText(text, 'wrapped.txt')
    expect(r.cells).toMatchObject({ 'active.regulation.new_made': 7, 'active.regulation.total_published': 9, 'active.regulation.new_published': 8 })
  })

  it('vanished empty cells: rows whose blank cells vanished are short_row and not read', () => {
    const text = doc(active(['第二十条第(一)项', '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '规章', '0', '规范性文件', '第二十条第(五)项', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量', '行政许可', '3', '+1036', '5']))
    const r = parseText(text, 'v6.txt')
    expect(r.meta.format_sections.active).toBe('gov2019')
    expect(r.findings.filter((f) => f.rule === 'short_row').map((f) => f.actual)).toEqual([1, 0])
    expect(Object.keys(r.cells).filter((k) => k.startsWith('active.regulation') || k.startsWith('active.normative'))).toEqual([])
    expect(r.cells).toMatchObject({ 'active.license.prev_items': 3, 'active.license.delta': 1036, 'active.license.decisions': 5 })
  })

  it('old format in a new year, provincial extensions: text and units in cells, an extra provincial row, a repeated row and a dash', () => {
    const rows = [
      '第二十条第（九）项', '信息内容 | 采购项目数量 | 采购总金额',
      '政府集中采购 | 閻良區公務用車10輛 | 1530000元',
      '政府集中采购 | 閻良區公務用車10輛 | 1530000元',
      '其他主动公开文件 | 4 | 4',
      '行政强制 | 4 | 4 | -',
    ]
    const r = parseText(doc(active(rows)), 'v10.txt')
    expect(r.cells['active.procurement.projects']).toBeNull()
    expect(r.cell_notes['active.procurement.projects']).toEqual({ raw: '閻良區公務用車10輛', flag: 'non_numeric' })
    expect(r.cells['active.procurement.amount']).toBe(1530000)
    expect(r.cell_notes['active.procurement.amount']).toEqual({ raw: '1530000元', flag: 'ok', unit: '元' })
    expect(r.cells['active.coercion.decisions']).toBe(0)
    expect(r.cell_notes['active.coercion.decisions']).toEqual({ raw: '-', flag: 'zero_text' })
    expect(rules(r)).toEqual(expect.arrayContaining(['non_numeric', 'unit_in_cell', 'zero_text', 'duplicate_row', 'extra_row']))
  })
})

describe('sections 三 and 四 variations', () => {
  const apply = (rows: string[]) => ['三、收到和处理政府信息公开申请情况', ...rows]
  it('a row outside the national format is reported, not read into a known row', () => {
    const r = parseText(doc(apply(['一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1', '其中：网上申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1', '二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0', 'a | b', 'a | b'])), 'extra.txt')
    expect(r.cells['apply.new.total']).toBe(1)
    expect(r.cells['apply.carried_over.total']).toBe(0)
    expect(r.findings.find((f) => f.rule === 'extra_row')?.detail).toContain('网上申请')
  })

  it('section 四 with fewer than 15 values is short_row, none read', () => {
    const r = parseText(doc(['四、政府信息公开行政复议、行政诉讼情况', '行政复议', '行政诉讼', '0', '0', '0', '0', '0', '0', '0']), 'short4.txt')
    expect(r.findings.find((f) => f.rule === 'short_row')).toMatchObject({ section: 'appeal', expected: 15, actual: 7 })
    expect(Object.keys(r.cells)).toEqual([])
  })

  it('glued section 四 digits with two consistent splits are left out', () => {
    const r = parseText(doc(['四、政府信息公开行政复议、行政诉讼情况', '行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计10101122000201001']), 'glued4.txt')
    expect(r.findings.find((f) => f.rule === 'glued_ambiguous')?.detail).toBe('10101122000201001')
    expect(Object.keys(r.cells)).toEqual([])
  })
})

describe('document shapes', () => {
  it('a `|` inside a crawler page of prose (首页|政务公开) does not turn the page into a row of cells', () => {
    const page = readFileSync(new URL('../../corpus/raw/c001.txt', import.meta.url), 'utf8').replace('正文 ====================\n', '正文 ====================\n当前位置：首页|政务公开|政府信息公开年报')
    const expected = JSON.parse(readFileSync(new URL('../../corpus/expected/c001.json', import.meta.url), 'utf8')) as { cells: Record<string, number | null> }
    expect(parseText(page, 'c001-pipe.txt').cells).toEqual(expected.cells)
  })

  it('rows copied from a browser table (tab-separated) keep blank cells in place', () => {
    const rows = [
      '三、收到和处理政府信息公开申请情况',
      '\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
      '一、本年新收政府信息公开申请数量\t\t3\t\t0\t0\t0\t0\t3',
      '二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t',
      '三、本年度办理结果\t（一）予以公开\t3\t0\t0\t0\t0\t0\t3',
      '\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0',
      '四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0',
    ]
    const r = parseText(doc(rows), 'tsv.txt')
    expect(r.meta.rendering).toBe('pipe')
    expect(r.cells).toMatchObject({ 'apply.new.natural_person': 3, 'apply.new.legal.commercial': null, 'apply.new.total': 3, 'apply.carried_over.total': null, 'apply.result.granted.total': 3 })
  })

  it('a table of contents listing the headings does not swallow the body', () => {
    const toc = ['目录', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']
    const text = ['某镇2021年政府信息公开工作年度报告', ...toc, '一、总体情况', '本年度正常开展工作。', '五、存在的主要问题及改进情况', '人员不足。', '六、其他需要报告的事项', '无。'].join('\n')
    const r = parseText(text, 'toc.txt')
    expect(r.prose).toEqual({ overview: '本年度正常开展工作。', problems: '人员不足。', other: '无。' })
    expect(r.meta.sections_found).toEqual(['sec.overview', 'sec.problems', 'sec.other'])
  })
})
