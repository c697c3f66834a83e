/** parseReport on the front-end fixtures: each rendering of the sample reads as the sample does. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport } from '~/report/read'
import type { ParseResult } from '~/report/types'

const read = (path: string) => new Uint8Array(readFileSync(new URL(path, import.meta.url)))

function parsed(name: string): ParseResult {
  const outcome = parseReport(read(`../../fixtures/reports/${name}`), name)
  if (!outcome.ok) throw new Error(outcome.error_en)
  return outcome.report
}

const sample = (() => {
  const outcome = parseReport(read('../../fixtures/shared/hulan-baikui-2021.txt'), 'hulan-baikui-2021.txt')
  if (!outcome.ok) throw new Error(outcome.error_en)
  return outcome.report
})()

describe('renderings of the sample read as the sample', () => {
  it.each([
    ['enc-utf8-bom.txt', 'utf-8', 'docx-text', false],
    ['enc-utf16le-bom.txt', 'utf-16le', 'docx-text', false],
    ['enc-utf16le-nobom.txt', 'utf-16le', 'docx-text', false],
    ['enc-gb18030.txt', 'gb18030', 'docx-text', false],
    ['enc-crlf.txt', 'utf-8', 'docx-text', false],
    ['enc-traditional.txt', 'utf-8', 'docx-text', true],
    ['docx-sample.docx', 'docx', 'docx', false],
  ] as const)('%s', (name, encoding, rendering, traditional) => {
    const report = parsed(name)
    expect(report.meta).toMatchObject({ encoding, rendering, traditional, file: name })
    expect(report.meta).toMatchObject({
      unit: sample.meta.unit,
      year: sample.meta.year,
      format: sample.meta.format,
      format_claimed: sample.meta.format_claimed,
      sections_found: sample.meta.sections_found,
    })
    expect(Object.keys(report.cells)).toHaveLength(200)
    expect(report.cells).toEqual(sample.cells)
    expect(report.findings.map((f) => f.rule)).toEqual(sample.findings.map((f) => f.rule))
  })
})

describe('html-2019-blank-totals.html', () => {
  const report = parsed('html-2019-blank-totals.html')

  it('is a gov2019 report with every cell located', () => {
    expect(report.meta).toMatchObject({ unit: '示范区河东街道办事处', year: 2019, format: 'gov2019', format_claimed: 'gov2019', rendering: 'html' })
    expect(Object.keys(report.cells)).toHaveLength(22 + 161 + 15)
  })

  it('reads merged-header values, signed deltas and &nbsp; blanks as null', () => {
    expect(report.cells).toMatchObject({
      'apply.new.natural_person': 821,
      'apply.new.legal.commercial': 35,
      'apply.new.legal.research': null,
      'apply.new.total': 859,
      'apply.result.granted.natural_person': 258,
      'apply.result.granted.total': null,
      'apply.result.unable.not_held.legal.other': 1,
      'apply.result.other.subtotal.total': null,
      'apply.result.total.total': 805,
      'apply.carry_forward.total': 72,
      'active.regulation.new_made': null,
      'active.normative.total_published': 45,
      'active.license.delta': -1,
      'active.other_service.delta': 2,
      'active.procurement.amount': 251000,
      'review.total': 7,
      'litigation.direct.total': 9,
      'litigation.after_review.total': null,
    })
  })

  // The colspan=2 本年增/减 and 采购总金额 slots are repeated (documented grid convention): values
  // must be mapped by header slot, not counted from the right of the row.
  it('maps (八)/(九) values by header slot, not by counting from the right', () => {
    expect(report.cells['active.fee.prev_items']).toBe(3)
    expect(report.cells['active.procurement.projects']).toBe(4)
  })

  it('flags the blank 总计 column instead of inventing values', () => {
    const rules = report.findings.map((f) => f.rule)
    expect(rules).not.toContain('A1')
    expect(rules).not.toContain('A3')
  })
})

describe('html-tables-missing.html (tables missing)', () => {
  it('is read as a report with headings, no cells and a tables_missing finding', () => {
    const report = parsed('html-tables-missing.html')
    expect(report.meta).toMatchObject({ unit: '示范区河西镇', year: 2022, format_claimed: 'gov2021', rendering: 'html' })
    expect(report.meta.sections_found).toHaveLength(6)
    expect(report.cells).toEqual({})
    expect(report.findings.map((f) => f.rule)).toContain('tables_missing')
  })
})
