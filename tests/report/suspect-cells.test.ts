import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { crossYearFindings } from '~/components/check/cross-year'
import { keysOf } from '~/report/model'
import { parseReport, parseText, reportRuleFindings } from '~/report/read'
import { MAX_FAILING, rankSuspectCells, type CellValues } from '~/report/suspect-cells'
import type { ParseResult } from '~/report/types'
import { validateReport } from '~/report/validate'

const META = { year: 2023, format: 'gov2021' as const, format_claimed: null, period_year: null }
const recheck = (cells: CellValues) => validateReport({ meta: META, cells })

/** A consistent gov2021 report: every cell 0 except 5 natural-person applications, all granted. */
function consistent(): Record<string, number | null> {
  const cells: Record<string, number | null> = Object.fromEntries(keysOf('gov2021').map((k) => [k, 0]))
  for (const k of ['apply.new', 'apply.result.granted', 'apply.result.total']) {
    cells[`${k}.natural_person`] = 5
    cells[`${k}.total`] = 5
  }
  return cells
}

describe('rankSuspectCells on constructed reports', () => {
  it('finds nothing to point at when every equation holds', () => {
    expect(recheck(consistent()).filter((f) => f.level === 'error')).toEqual([])
    expect(rankSuspectCells(consistent(), recheck)).toEqual({ likely: null, candidates: [], failing: 0, tooMany: false })
  })

  it('points at the one cell in both failing equations (its row total and its column total) with the value that fixes both', () => {
    const cells = { ...consistent(), 'apply.result.granted.natural_person': 7 }
    const r = rankSuspectCells(cells, recheck)
    expect(r.failing).toBe(2) // A2 自然人 column, A3 （一）予以公开 row
    expect(r.likely?.key).toBe('apply.result.granted.natural_person')
    expect(r.likely?.value).toBe(7)
    expect(r.likely?.fix).toBe(5)
    expect(r.likely?.findings.map((f) => f.rule).sort()).toEqual(['A2', 'A3'])
    // It explains every failing equation: no other cell is left to suspect.
    expect(r.candidates).toEqual([])
  })

  it('with two independent typos, names the one pinned down and lists the cells of the equation it does not explain', () => {
    const cells = { ...consistent(), 'apply.result.granted.natural_person': 7, 'review.maintained': 1 }
    const r = rankSuspectCells(cells, recheck)
    expect(r.failing).toBe(3)
    expect(r.likely).toMatchObject({ key: 'apply.result.granted.natural_person', fix: 5 })
    expect(r.candidates.map((c) => c.key).sort()).toEqual(['review.corrected', 'review.maintained', 'review.other', 'review.pending', 'review.total'].sort())
  })

  it('finds a wrong 总计 cell: the row sum and the column balance both move with it', () => {
    const cells = { ...consistent(), 'apply.new.total': 9 }
    const r = rankSuspectCells(cells, recheck)
    expect(r.likely).toMatchObject({ key: 'apply.new.total', value: 9, fix: 5 })
  })

  it('treats a blank cell counted as 0 as a suspect like any other, value shown as blank', () => {
    const cells = { ...consistent(), 'apply.new.natural_person': null }
    const r = rankSuspectCells(cells, recheck)
    expect(r.likely).toMatchObject({ key: 'apply.new.natural_person', value: null, fix: 5 })
  })

  it('suggests no value when one failing 总计 = parts equation is all the evidence (any of its cells could be wrong)', () => {
    const cells = { ...consistent(), 'review.maintained': 2 }
    const r = rankSuspectCells(cells, recheck)
    expect(r.failing).toBe(1)
    expect(r.likely).toBeNull()
    expect(r.candidates.map((c) => c.key).sort()).toEqual(['review.corrected', 'review.maintained', 'review.other', 'review.pending', 'review.total'].sort())
  })

  it('never suggests a value that breaks another rule (a negative count, A7)', () => {
    // 总计 0 with one part 2: lowering the part to 0 works; lowering another part to −2 would break A7.
    const cells = { ...consistent(), 'review.maintained': 2 }
    const r = rankSuspectCells(cells, recheck)
    const correct = r.candidates.find((c) => c.key === 'review.corrected')!
    expect(correct.fix).toBeNull()
    const maintained = r.candidates.find((c) => c.key === 'review.maintained')!
    expect(maintained.fix).toBe(0)
  })

  it('points at the draft’s carried-over cell when its row, its column and last year’s carry-forward all disagree with it', () => {
    const previous = { year: 2022, format: 'gov2021' as const, cells: { ...consistent(), 'apply.carry_forward.natural_person': 2, 'apply.carry_forward.total': 2 } }
    // Last year's own balance is not this draft's business: only the cross-year rules are asked of it.
    const draft = consistent()
    for (const k of ['apply.carried_over', 'apply.result.granted', 'apply.result.total']) {
      draft[`${k}.natural_person`] = (draft[`${k}.natural_person`] ?? 0) + 2
      draft[`${k}.total`] = (draft[`${k}.total`] ?? 0) + 2
    }
    expect(recheck(draft).filter((f) => f.level === 'error')).toEqual([])
    const planted = { ...draft, 'apply.carried_over.total': 12 }
    const both = (cells: CellValues) => [...recheck(cells), ...crossYearFindings({ year: 2023, format: 'gov2021', cells }, previous)]
    const r = rankSuspectCells(planted, both)
    expect(r.likely).toMatchObject({ key: 'apply.carried_over.total', value: 12, fix: 2 })
    expect(r.likely!.findings.map((f) => f.rule).sort()).toEqual(['A1', 'A3', 'C1'])
    // Last year's carry-forward has the same key as the draft's own: the draft's is not blamed for C1.
    expect(r.candidates).toEqual([])
    const unexplained = rankSuspectCells({ ...planted, 'review.maintained': 1 }, both)
    expect(unexplained.likely?.key).toBe('apply.carried_over.total')
    expect(unexplained.candidates.map((c) => c.key)).not.toContain('apply.carry_forward.total')
  })

  it('blames no single draft cell when the draft is consistent in itself and only differs from last year', () => {
    const previous = { year: 2022, format: 'gov2021' as const, cells: { ...consistent(), 'apply.carry_forward.natural_person': 2, 'apply.carry_forward.total': 2 } }
    const both = (cells: CellValues) => [...recheck(cells), ...crossYearFindings({ year: 2023, format: 'gov2021', cells }, previous)]
    const r = rankSuspectCells(consistent(), both)
    expect(r.failing).toBe(2) // C1 total, C2 自然人
    expect(r.likely).toBeNull()
  })

  it('gives up on a table with more failing equations than one wrong cell can explain', () => {
    const cells = consistent()
    for (const k of keysOf('gov2021').filter((key) => key.startsWith('apply.') && key.endsWith('.natural_person')).slice(0, 30)) cells[k] = 1
    const r = rankSuspectCells(cells, recheck)
    expect(r.failing).toBeGreaterThan(MAX_FAILING)
    expect(r).toMatchObject({ likely: null, candidates: [], tooMany: true })
  })
})

const RAW = resolve(import.meta.dirname, '../corpus/raw')

function read(file: string, text?: string): ParseResult {
  const o = text === undefined ? parseReport(new Uint8Array(readFileSync(resolve(RAW, file))), file) : { ok: true as const, report: parseText(text, file) }
  if (!o.ok) throw new Error(`${file} unreadable`)
  return o.report
}

describe('rankSuspectCells on real corpus reports with a planted change', () => {
  it('c025 (平潭 财政金融局 2023): a planted 上年结转 总计 in the page text is pointed out with the printed value', () => {
    const text = readFileSync(resolve(RAW, 'c025.txt'), 'utf8')
    const row = '上年结转政府信息公开申请数量0 0 0 0 0 00'
    expect(text).toContain(row)
    const r = read('c025.txt', text.replace(row, '上年结转政府信息公开申请数量0 0 0 0 0 02'))
    expect(r.cells['apply.carried_over.total']).toBe(2)
    const result = rankSuspectCells(r.cells, (cells) => reportRuleFindings({ ...r, cells }))
    expect(result.likely).toMatchObject({ key: 'apply.carried_over.total', value: 2, fix: 0 })
  })

  it('section 三 cells of real .txt corpus reports (every 20th cell of the first five files), raised by 3, is pointed out or left ambiguous — never a wrong cell', () => {
    let planted = 0
    let pointed = 0
    for (const file of readdirSync(RAW).filter((f) => f.endsWith('.txt')).slice(0, 5)) {
      const r = read(file)
      const check = (cells: CellValues) => reportRuleFindings({ ...r, cells })
      if (rankSuspectCells(r.cells, check).failing) continue // the report breaks its own sums
      for (const key of Object.keys(r.cells).filter((k) => k.startsWith('apply.')).filter((_, i) => i % 20 === 0)) {
        const was = r.cells[key] ?? 0
        const { likely } = rankSuspectCells({ ...r.cells, [key]: was + 3 }, check)
        planted++
        if (likely) {
          expect(likely.key, `${file} ${key}`).toBe(key)
          expect(likely.fix, `${file} ${key}`).toBe(was)
          pointed++
        }
      }
    }
    expect(planted).toBeGreaterThan(20)
    // Measured on every cell of the 27 clean corpus reports: 1526 of 1860 section 三 cells pointed out exactly, none wrongly.
    expect(pointed / planted).toBeGreaterThan(0.6)
  }, 120_000)
})
