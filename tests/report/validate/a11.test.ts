import { describe, expect, it } from 'vitest'
import { validateReport } from '~/report/validate'
import { makeCells, makeMeta } from './make-record'

function run(overview: string, set: Record<string, number | null> = {}) {
  const cells = { ...makeCells('gov2021'), ...set }
  return validateReport({ meta: makeMeta('gov2021'), cells, prose: { overview } }).filter((f) => f.rule === 'A11')
}
const APPLIED = { 'apply.new.natural_person': 3, 'apply.new.total': 3, 'apply.result.granted.natural_person': 3, 'apply.result.granted.total': 3, 'apply.result.total.natural_person': 3, 'apply.result.total.total': 3 }
const REVIEWED = { 'review.maintained': 1, 'review.total': 1 }

describe('A11 overview prose vs tables', () => {
  it('stays silent when prose and tables agree', () => {
    expect(run('2021年，我镇未收到政府信息公开申请，未发生因政府信息公开引起的行政复议。')).toEqual([])
    expect(run('全年共收到政府信息公开申请3件，均已按时答复。', APPLIED)).toEqual([])
    expect(run('我镇深入推进政务公开。')).toEqual([])
  })

  it('warns when the prose says none but the table counts applications', () => {
    const [f, ...rest] = run('本年度我镇未收到政府信息公开申请。', APPLIED)
    expect(rest).toEqual([])
    expect(f).toMatchObject({ level: 'warn', section: 'prose', actual: 3, detail: '本年度我镇未收到政府信息公开申请。' })
  })

  it('warns on 零报告 and 未发生…行政复议 against review cases', () => {
    expect(run('本单位政府信息公开申请为零报告。', REVIEWED).map((f) => f.cells)).toEqual([['review.total']])
    expect(run('全年未发生因政府信息公开工作引起的行政复议、行政诉讼。', REVIEWED)).toHaveLength(1)
  })

  it('flags the reverse case: a positive count in the prose, zero in the table', () => {
    const found = run('全年共收到政府信息公开申请5件，发生行政复议案件2起。')
    expect(found.map((f) => [f.expected, f.actual])).toEqual([[5, 0], [2, 0]])
  })
})
