/**
 * Every text layout rendered from one hand-checked model must parse back to exactly the model's
 * figures (minus what the layout itself loses, which must then be reported, never guessed).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applyRowsOf, sectionKeysOf } from '~/report/model'
import { ACTIVE_2019, ACTIVE_2021 } from '~/report/model/active'
import type { FormatId } from '~/report/model/types'
import { parseReport, parseText } from '~/report/read'
import type { ParseResult } from '~/report/types'
import { model2019, model2021, type ReportModel } from '../../fixtures/variants/model'
import { renderBarCells, renderDocxText, renderGlued, renderLines, renderPdfText, renderPipe } from '../../fixtures/variants/render'

/** The cells a model prints, keyed as the contract names them. */
function expectedCells(m: ReportModel, format: FormatId): Record<string, number | null> {
  const out: Record<string, number | null> = {}
  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(/[元+]/g, '')))
  const tables = format === 'gov2021' ? ACTIVE_2021 : ACTIVE_2019
  m.active.forEach((t, i) => {
    const def = tables[i]!
    t.rows.forEach((r, j) => def.cols.forEach((c, k) => (out[`active.${def.rows[j]!.key}.${c.key}`] = num(r[k + 1]!))))
  })
  const rows = applyRowsOf(format)
  m.apply.forEach((r, i) => ['natural_person', 'legal.commercial', 'legal.research', 'legal.public_interest', 'legal.law_service', 'legal.other', 'total'].forEach((c, k) => (out[`apply.${rows[i]!.key}.${c}`] = num(r.values[k]!))))
  sectionKeysOf(format, 'appeal').forEach((k, i) => (out[k] = num(m.appeal[i]!)))
  return out
}

const parse = (text: string, name: string): ParseResult => parseText(text, name)
const errors = (r: ParseResult) => r.findings.filter((f) => f.level === 'error')

describe('the real sample (acceptance)', () => {
  const outcome = parseReport(new Uint8Array(readFileSync(new URL('../../fixtures/shared/hulan-baikui-2021.txt', import.meta.url))), 'hulan-baikui-2021.txt')
  if (!outcome.ok) throw new Error(outcome.error)
  const r = outcome.report

  it('reads exactly 10 + 175 + 15 cells of gov2021', () => {
    expect(r.meta).toMatchObject({ unit: '呼兰区白奎镇', year: 2021, format: 'gov2021', format_claimed: 'gov2021', period_year: 2021, rendering: 'docx-text' })
    expect(Object.keys(r.cells)).toEqual(sectionKeysOf('gov2021', 'active').concat(sectionKeysOf('gov2021', 'apply'), sectionKeysOf('gov2021', 'appeal')))
  })

  it('keeps the blank 结转下年度 row as null and every other cell as 0', () => {
    for (const [key, value] of Object.entries(r.cells)) expect([key, value]).toEqual([key, key.startsWith('apply.carry_forward.') ? null : 0])
    expect(r.cell_notes['apply.carry_forward.total']).toEqual({ raw: '', flag: 'blank' })
    expect(r.cell_notes['apply.carry_forward.natural_person']).toEqual({ raw: '\u00a0', flag: 'blank' })
  })

  it('raises no error-level finding and finds all six sections and the prose', () => {
    expect(errors(r)).toEqual([])
    expect(r.meta.sections_found).toHaveLength(6)
    expect(r.prose.other).toBe('2021年我镇无收取信息处理费情况。')
    expect(r.prose.overview).toMatch(/^2021年，我镇坚持/)
    expect(r.prose.problems).toMatch(/队伍建设专业化水平/)
  })
})

describe.each([
  ['docx-text', renderDocxText, 'docx-text'],
  ['markdown table', (m: ReportModel) => renderPipe(m, true), 'pipe'],
  ['bare | rows', (m: ReportModel) => renderPipe(m, false), 'pipe'],
  ['one cell per line ending in |', renderBarCells, 'pipe'],
  ['one cell per line', renderLines, 'lines'],
  ['PDF text', renderPdfText, 'pdf-text'],
] as const)('layout %s', (_name, render, rendering) => {
  it.each([
    ['gov2021', model2021],
    ['gov2019', model2019],
  ] as const)('reads every %s figure exactly', (format, makeModel) => {
    const m = makeModel()
    const r = parse(render(m), `${format}.txt`)
    expect(r.meta.rendering).toBe(rendering)
    expect(r.meta.format).toBe(format)
    expect(r.meta.format_sections).toEqual({ active: format, apply: format })
    expect(r.cells).toEqual(expectedCells(m, format))
    expect(errors(r)).toEqual([])
  })
})

describe('layout-specific losses are reported, never guessed', () => {
  it('one cell per line: a row whose blank cells vanished is short_row and not read', () => {
    const m = model2021()
    m.apply.find((r) => r.labels[0] === '四、结转下年度继续办理')!.values = ['', '', '', '', '', '', '']
    m.apply.find((r) => r.labels[0]!.includes('另行制作'))!.values = ['0', '', '0', '', '0', '0', '0']
    const r = parse(renderLines(m), 'lines.txt')
    const short = r.findings.filter((f) => f.rule === 'short_row')
    expect(short.map((f) => f.actual)).toEqual([5, 0])
    expect(Object.keys(r.cells).filter((k) => k.startsWith('apply.carry_forward.') || k.startsWith('apply.result.unable.needs_creation.'))).toEqual([])
    expect(Object.keys(r.cells)).toHaveLength(200 - 14)
  })

  it('PDF text is flagged pdf_text and page furniture is ignored', () => {
    const r = parse(renderPdfText(model2021()), 'pdf.txt')
    expect(r.findings.some((f) => f.rule === 'pdf_text')).toBe(true)
    expect(r.cells['litigation.after_review.total']).toBe(1)
  })

  it('glued cells: rows are split only where one split fits the table arithmetic', () => {
    const m = model2021()
    const r = parse(renderGlued(m), 'glued.txt')
    expect(r.meta.rendering).toBe('glued')
    const want = expectedCells(m, 'gov2021')
    // 行政规范性文件 prints 3|1|12 as "3112": three cells, no arithmetic, several splits.
    const ambiguous = r.findings.filter((f) => f.rule === 'glued_ambiguous')
    expect(ambiguous.map((f) => f.detail)).toEqual(['3112'])
    for (const key of ['active.normative.issued', 'active.normative.repealed', 'active.normative.in_force']) {
      expect(key in r.cells).toBe(false)
      delete want[key]
    }
    expect(r.cells).toEqual(want)
    expect(r.findings.filter((f) => f.rule === 'glued_recovered').length).toBe(3)
  })
})
