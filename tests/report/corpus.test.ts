/**
 * The real corpus (tests/corpus: published reports with the cells a careful reader takes from
 * each) read end to end: no cell may come out wrong, every expected cell must be read, and unit
 * and year must be right wherever the text states them.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { scoreCorpus, type FileScore } from '../../scripts/corpus/score'

/** Units the text does not state in a form we read (the ground truth names them from elsewhere). */
const UNIT_GAPS: Record<string, string> = {
  c013: 'the excerpt says only 我局 / 审计信息栏目',
}

let scores: FileScore[] = []
beforeAll(async () => {
  scores = await scoreCorpus('tests/corpus')
}, 120_000)

describe('real corpus', () => {
  it('reads all 31 files', () => {
    expect(scores).toHaveLength(31)
    expect(scores.filter((s) => s.error !== null).map((s) => `${s.id}: ${s.error}`)).toEqual([])
  })

  it('gives no wrong cell in any file', () => {
    const wrong = scores.flatMap((s) => s.wrong.map((w) => `${s.id} ${w.key}: expected ${w.expected}, got ${w.actual}`))
    expect(wrong).toEqual([])
  })

  it('reads every expected cell', () => {
    expect(scores.flatMap((s) => s.missing.map((k) => `${s.id} ${k}`))).toEqual([])
  })

  it('finds unit and year wherever the text states them', () => {
    const units = scores.filter((s) => !s.unit.ok && !(s.id in UNIT_GAPS)).map((s) => `${s.id}: ${s.unit.actual} ≠ ${s.unit.expected}`)
    const years = scores.filter((s) => !s.year.ok).map((s) => `${s.id}: ${s.year.actual} ≠ ${s.year.expected}`)
    expect(units).toEqual([])
    expect(years).toEqual([])
  })

  it('keeps a report’s own arithmetic errors visible as findings', () => {
    const rules = (id: string): string[] => scores.find((s) => s.id === id)!.report!.findings.map((f) => f.rule)
    expect(rules('c001')).toContain('A1') // 1 application counted in 总计 and carried forward
    expect(rules('c030')).toContain('A2') // outcome rows add up to 26, 总计 printed 20
    expect(rules('c027')).toEqual(expect.arrayContaining(['A4', 'A6'])) // 复议 10+1 with 总计 0
  })

  it('reads source_url and published_at from a crawler header', () => {
    const meta = scores.find((s) => s.id === 'c001')!.report!.meta
    expect(meta.source_url).toBe('https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqgaj/zfxxgknb/202201/t20220114_80607.htm')
    expect(meta.published_at).toBe('2022-01-14')
  })
})
