import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PARSE_RULES } from '~/report/types'
import { isValueLike, readCell } from '~/report/parse/cell-value'
import { parseText } from '~/report/read'

/** Issue 7 item 6.1: number cells that must never become a wrong number. */
describe('readCell: bad numbers are left out, never guessed', () => {
  it('never produces a non-finite number: an over-long number keeps its text (too_large)', () => {
    const long = '9'.repeat(400)
    const r = readCell(long)
    expect(r).toMatchObject({ value: null, flag: 'non_numeric', problem: 'too_large' })
    expect(readCell(`${long}.5`, 'decimal')).toMatchObject({ value: null, problem: 'too_large' })
    expect(readCell(`-${long}`, 'signed')).toMatchObject({ value: null, problem: 'too_large' })
    expect(readCell(`+${long}`, 'signed')).toMatchObject({ value: null, problem: 'too_large' })
  })

  it('refuses integers above 2^53 − 1 instead of rounding them', () => {
    expect(readCell('9007199254740991')).toMatchObject({ value: 9007199254740991, flag: 'ok' })
    expect(readCell('9007199254740993')).toMatchObject({ value: null, flag: 'non_numeric', problem: 'too_large' })
    expect(readCell('12345678901234567890')).toMatchObject({ value: null, problem: 'too_large' })
    expect(readCell('1,234,567,890,123,456,789')).toMatchObject({ value: null, problem: 'too_large' })
    // A decimal with more significant digits than a double holds.
    expect(readCell('1.2345678901234567', 'decimal')).toMatchObject({ value: null, problem: 'too_large' })
    expect(readCell('123.450000', 'decimal')).toMatchObject({ value: 123.45, flag: 'ok' })
    expect(readCell('0.000015', 'decimal')).toMatchObject({ value: 0.000015, flag: 'ok' })
  })

  it.each(['1 2', '1<br>2', '1<br/>2', '1&nbsp;2', '1\u00a02', '1\n2', '1\u30002', '1. 5', '12 345'])('%j: digits split by a space or break are not one number', (raw) => {
    expect(readCell(raw, 'decimal')).toMatchObject({ value: null, flag: 'non_numeric', problem: 'split_digits' })
    expect(readCell(raw)).not.toMatchObject({ value: 12 })
  })

  it('still reads spaces and breaks around a number or before its unit', () => {
    expect(readCell(' 12 ')).toMatchObject({ value: 12, flag: 'ok' })
    expect(readCell('<br>12&nbsp;')).toMatchObject({ value: 12, flag: 'ok' })
    expect(readCell('12 件')).toMatchObject({ value: 12, flag: 'ok', unit: '件' })
    expect(readCell('1,234')).toMatchObject({ value: 1234, flag: 'ok' })
  })

  it.each(['⑫', '¹²', '1²', '⒓', '𝟏𝟐', '⑴'])('%j: circled / superscript / math digits are not read as 12', (raw) => {
    const r = readCell(raw)
    expect(r.value).toBeNull()
    expect(r.flag).toBe('non_numeric')
  })

  it('full-width digits still read (they are ordinary printed digits)', () => {
    expect(readCell('１２')).toMatchObject({ value: 12, flag: 'ok' })
    expect(readCell('１２件')).toMatchObject({ value: 12, flag: 'ok', unit: '件' })
  })

  it('a unit that contradicts the column unit is not read as the column unit', () => {
    expect(readCell('1500元', 'decimal', '万元')).toEqual({ value: null, flag: 'non_numeric', unit: '元', problem: 'unit_mismatch' })
    expect(readCell('1.5万元', 'decimal', '万元')).toEqual({ value: 1.5, flag: 'ok', unit: '万元' })
    expect(readCell('1.5', 'decimal', '万元')).toEqual({ value: 1.5, flag: 'ok' })
    expect(readCell('5万元', 'count', '件')).toMatchObject({ value: null, problem: 'unit_mismatch' })
    expect(readCell('5个', 'count', '件')).toMatchObject({ value: 5, flag: 'ok' })
    // Without an expected unit (2019 procurement amount as printed) any unit is kept beside the number.
    expect(readCell('251000元', 'decimal')).toEqual({ value: 251000, flag: 'ok', unit: '元' })
  })

  it('number-like texts left out still sit where values sit (row structure unchanged)', () => {
    for (const raw of ['1 2', '⑫', '9'.repeat(30)]) expect(isValueLike(raw)).toBe(true)
    expect(isValueLike('规章')).toBe(false)
  })

  it('each new finding id is documented in PARSE_RULES', () => {
    expect(PARSE_RULES).toHaveProperty('number_too_large')
    expect(PARSE_RULES).toHaveProperty('unit_mismatch')
  })
})

const sample = readFileSync(new URL('../../fixtures/shared/hulan-baikui-2021.txt', import.meta.url), 'utf8')
/** The 白奎镇 report with the fee amount (万元) cell and the 本年新收 natural-person cell replaced. */
function withCells(fee: string, newNatural = '0\u00a0'): string {
  const out = sample.replace(/(\t行政事业性收费\n\t)0\n/, `$1${fee}\n`).replace(/(\t一、本年新收政府信息公开申请数量\n\t)[^\n]*\n/, `$1${newNatural}\n`)
  expect(out).not.toBe(sample)
  return out
}

/** Left out: null or absent (the table reader leaves a cell it cannot read out), never a number. */
const leftOut = (v: number | null | undefined) => expect(v ?? null).toBeNull()

describe('parse: bad number cells become findings naming section and cell', () => {
  it('1500元 in the 万元 fee cell: left out (null) with a unit_mismatch finding', () => {
    const r = parseText(withCells('1500元'), 'fee.txt')
    leftOut(r.cells['active.fee.amount_wan'])
    expect(r.cell_notes['active.fee.amount_wan']).toMatchObject({ raw: '1500元', unit: '元', problem: 'unit_mismatch' })
    const f = r.findings.find((x) => x.rule === 'unit_mismatch')
    expect(f).toMatchObject({ level: 'warn', section: 'active', cells: ['active.fee.amount_wan'], detail: '1500元' })
    expect(f!.message).toContain('1500元')
    expect(r.findings.some((x) => x.rule === 'unit_in_cell')).toBe(false)
  })

  it('1.5万元 in the 万元 fee cell still reads 1.5', () => {
    const r = parseText(withCells('1.5万元'), 'fee.txt')
    expect(r.cells['active.fee.amount_wan']).toBe(1.5)
  })

  it('an over-long number: null (valid JSON), finding number_too_large names the cell', () => {
    const long = '9'.repeat(400)
    const r = parseText(withCells(long), 'long.txt')
    leftOut(r.cells['active.fee.amount_wan'])
    leftOut(JSON.parse(JSON.stringify(r.cells))['active.fee.amount_wan'])
    for (const v of Object.values(r.cells)) if (v !== null) expect(Number.isFinite(v)).toBe(true)
    expect(r.findings.find((x) => x.rule === 'number_too_large')).toMatchObject({ level: 'warn', section: 'active', cells: ['active.fee.amount_wan'] })
  })

  it('"1 2" and ⑫ in section 三: null with a non_numeric finding, never 12', () => {
    for (const raw of ['1 2', '⑫', '¹²']) {
      const r = parseText(withCells('0', raw), 'split.txt')
      leftOut(r.cells['apply.new.natural_person'])
      const f = r.findings.find((x) => x.rule === 'non_numeric' && x.cells.includes('apply.new.natural_person'))
      expect(f).toMatchObject({ level: 'warn', section: 'apply', detail: raw })
    }
    // A literal "&nbsp;" in plain text is text between two values: the row cannot be read (short_row), still never 12.
    const r = parseText(withCells('0', '1&nbsp;2'), 'nbsp.txt')
    leftOut(r.cells['apply.new.natural_person'])
    expect(r.findings.some((x) => x.level === 'warn' && x.section === 'apply' && x.cells.includes('apply.new.natural_person'))).toBe(true)
  })
})
