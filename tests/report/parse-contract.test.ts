import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport } from '~/report/read'
import type { ParseOutcome } from '~/report/types'
import { contractProblems } from './parse-contract'

const sample = new Uint8Array(readFileSync(new URL('../fixtures/shared/hulan-baikui-2021.txt', import.meta.url)))

function sampleOutcome(): Extract<ParseOutcome, { ok: true }> {
  const outcome = parseReport(sample, 'hulan.txt')
  if (!outcome.ok) throw new Error(outcome.error_en)
  return outcome
}

describe('contractProblems', () => {
  it('accepts the parsed sample', () => {
    expect(contractProblems(sampleOutcome(), 'hulan.txt')).toEqual([])
  })

  it('rejects values that JSON cannot carry, unknown keys and keys of the other format', () => {
    const o = sampleOutcome()
    o.report.cells['apply.new.total'] = Number.NaN
    expect(contractProblems(o, 'hulan.txt').join()).toMatch(/apply\.new\.total/)

    const o2 = sampleOutcome()
    o2.report.cells['apply.bogus.total'] = 1
    expect(contractProblems(o2, 'hulan.txt')).toContain('unknown cell key apply.bogus.total')

    const o3 = sampleOutcome()
    o3.report.cells['active.procurement.amount'] = 5
    expect(contractProblems(o3, 'hulan.txt')).toContain('active.procurement.amount is not a gov2021 key')
  })

  it('rejects malformed findings and meta', () => {
    const o = sampleOutcome()
    o.report.findings.push({ rule: 'A1', level: 'fatal' as never, cells: [], message: '', message_en: 'x' })
    expect(contractProblems(o, 'hulan.txt').length).toBeGreaterThan(0)

    const o2 = sampleOutcome()
    o2.report.meta.year = 2021.5
    expect(contractProblems(o2, 'hulan.txt').join()).toMatch(/year/)
    expect(contractProblems(sampleOutcome(), 'other.txt')).toEqual(['meta.file hulan.txt ≠ other.txt'])
  })

  it('rejects failures that do not name the file or that came from the internal-error net', () => {
    expect(contractProblems({ ok: false, error: 'x.txt：文件为空', error_en: 'x.txt: the file is empty' }, 'x.txt')).toEqual([])
    expect(contractProblems({ ok: false, error: '文件为空', error_en: 'empty' }, 'x.txt')).toHaveLength(1)
    expect(contractProblems({ ok: false, error: 'x.txt：解析失败（boom）', error_en: 'x.txt: parse failed (boom)' }, 'x.txt')).toHaveLength(1)
  })
})
