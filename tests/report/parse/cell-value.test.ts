import { describe, expect, it } from 'vitest'
import { isValueLike, readCell } from '~/report/parse/cell-value'

describe('readCell (docs/formats.md, “Reading a cell”)', () => {
  it.each([
    ['0\u00a0', 0, 'ok'],
    ['\u00a00', 0, 'ok'],
    ['１２', 12, 'ok'],
    ['1,234', 1234, 'ok'],
    ['1.5', 1.5, 'ok'],
    ['-8', -8, 'ok'],
    ['', null, 'blank'],
    ['\u00a0', null, 'blank'],
    ['&nbsp;', null, 'blank'],
    ['无', 0, 'zero_text'],
    ['—', 0, 'zero_text'],
    ['——', 0, 'zero_text'],
    ['-', 0, 'zero_text'],
    ['/', 0, 'zero_text'],
    ['／', 0, 'zero_text'],
    ['閻良區公務用車10輛', null, 'non_numeric'],
    ['见附件', null, 'non_numeric'],
  ] as const)('%j → %s (%s)', (raw, value, flag) => {
    expect(readCell(raw)).toMatchObject({ value, flag })
  })

  it('strips a unit and records it', () => {
    expect(readCell('251000元', 'decimal')).toEqual({ value: 251000, flag: 'ok', unit: '元' })
    expect(readCell('1.5万元', 'decimal')).toEqual({ value: 1.5, flag: 'ok', unit: '万元' })
    expect(readCell('3件')).toEqual({ value: 3, flag: 'ok', unit: '件' })
  })

  it('accepts a leading + only in signed cells (2019 本年增/减)', () => {
    expect(readCell('+1036', 'signed')).toEqual({ value: 1036, flag: 'ok' })
    expect(readCell('+1036', 'count')).toEqual({ value: null, flag: 'non_numeric' })
  })

  it('tells value cells from labels', () => {
    expect(isValueLike('')).toBe(true)
    expect(isValueLike('—')).toBe(true)
    expect(isValueLike('+3')).toBe(true)
    expect(isValueLike('规章')).toBe(false)
    expect(isValueLike('1.属于国家秘密')).toBe(false)
  })
})
