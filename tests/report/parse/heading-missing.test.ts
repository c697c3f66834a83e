/**
 * Sections 二/三/四 located by their tables when their headings are not recognised
 * (section-anchors.ts): the same cells as with headings, an info finding per located section,
 * and nothing read from prose that merely mentions the tables' words.
 */
import { describe, expect, it } from 'vitest'
import { parseText } from '~/report/read'
import { model2021 } from '../../fixtures/variants/model'
import { renderDocxText, renderLines } from '../../fixtures/variants/render'

const withoutLines = (text: string, drop: readonly string[]) =>
  text
    .split('\n')
    .filter((line) => !drop.includes(line.replace(/\u00a0/g, '')))
    .join('\n')

describe('sections located by their tables when headings are missing', () => {
  it('reads every cell of a docx-text report without section headings, with one finding per section', () => {
    const m = model2021()
    const headed = parseText(renderDocxText(m), 'headed.txt')
    const bare = parseText(withoutLines(renderDocxText(m), m.headings), 'bare.txt')
    expect(Object.keys(headed.cells)).toHaveLength(200)
    expect(bare.cells).toEqual(headed.cells)
    expect(bare.meta.sections_found).toEqual([])
    expect(bare.findings.filter((f) => f.rule === 'heading_missing').map((f) => [f.section, f.level])).toEqual([
      ['active', 'info'],
      ['apply', 'info'],
      ['appeal', 'info'],
    ])
  })

  it('locates only the section whose heading is missing and keeps the others as found', () => {
    const m = model2021()
    const text = withoutLines(renderDocxText(m), [m.headings[2]])
    const r = parseText(text, 'no-apply-heading.txt')
    expect(r.meta.sections_found).toEqual(['sec.overview', 'sec.active', 'sec.appeal', 'sec.problems', 'sec.other'])
    expect(r.findings.filter((f) => f.rule === 'heading_missing').map((f) => f.section)).toEqual(['apply'])
    expect(r.cells['apply.new.total']).toBe(20)
  })

  it('works for one cell per line (web page copied as text)', () => {
    const m = model2021()
    const r = parseText(withoutLines(renderLines(m), m.headings), 'lines.txt')
    expect(r.cells).toEqual(parseText(renderLines(m), 'lines-headed.txt').cells)
  })

  it('never reads a table from sentences that mention 行政复议, 行政诉讼 or 本年新收', () => {
    const m = model2021()
    const prose = [
      '行政复议和行政诉讼情况：全年未发生行政复议案件、行政诉讼案件，结果维持0件。',
      '行政复议 0 件 行政诉讼 0 件',
      '本年新收政府信息公开申请3件，上年结转1件。',
      '根据第二十条第（一）项规定，主动公开规章。',
    ]
    const text = [...m.titleLines, m.preamble, m.headings[0], ...prose, m.headings[4], ...m.problems, ''].join('\n')
    const r = parseText(text, 'prose.txt')
    expect(r.cells).toEqual({})
    expect(r.findings.some((f) => f.rule === 'heading_missing')).toBe(false)
    expect(r.prose.overview).toContain('全年未发生行政复议案件')
  })

  it('does not take an unrecognised heading line into the preceding prose', () => {
    const m = model2021()
    m.headings = [m.headings[0], '二、政务信息主动发布工作', m.headings[2], m.headings[3], m.headings[4], m.headings[5]]
    const r = parseText(renderDocxText(m), 'reworded.txt')
    expect(r.prose.overview).not.toContain('政务信息主动发布工作')
    expect(r.findings.filter((f) => f.rule === 'heading_missing').map((f) => f.section)).toEqual(['active'])
    expect(Object.keys(r.cells)).toHaveLength(200)
  })
})
