import { describe, expect, it } from 'vitest'
import { suspectLead, suspectRules } from '~/components/check/checklist'
import type { SuspectCell, SuspectResult } from '~/report/suspect-cells'
import type { Finding } from '~/report/types'

const finding = (rule: string): Finding => ({ rule, level: 'error', section: 'apply', cells: ['apply.carried_over.total'], expected: 0, actual: 2, message: '' } as Finding)
const cell = (key: string, value: number | null, fix: number | null, rules: string[]): SuspectCell => ({ key, value, fix, findings: rules.map(finding) })
const result = (p: Partial<SuspectResult>): SuspectResult => ({ likely: null, candidates: [], failing: 0, tooMany: false, ...p })

describe('suspectLead: the checklist row of the suspect-cell conclusion', () => {
  it('names the likely cell where it is printed, a blank as 空白, the value that fits and its rules once each', () => {
    const likely = cell('apply.carried_over.total', null, 0, ['A1', 'A3', 'A1', 'C1'])
    expect(suspectRules(likely)).toBe('A1、A3、C1')
    expect(suspectLead(result({ likely, failing: 3 }), '最可能出错')).toEqual([{
      rule: '最可能出错', level: '', cells: ['apply.carried_over.total'],
      message: '三、收到和处理政府信息公开申请情况 › 二、上年结转政府信息公开申请数量 › 总计：现为 空白，使各项相符应为 0（A1、A3、C1）',
    }])
  })

  it('lists every candidate when no cell is certain, and says nothing when none fails or too many do', () => {
    const candidates = [cell('review.total', 5, null, ['A5']), cell('review.corrected', 1, null, ['A5'])]
    const [row] = suspectLead(result({ candidates, failing: 1 }), 'R')
    expect(row).toMatchObject({ rule: 'R', cells: ['review.total', 'review.corrected'] })
    expect(row!.message).toContain('涉及 1 条勾稽关系')
    expect(suspectLead(null, 'R')).toEqual([])
    expect(suspectLead(result({ failing: 30, tooMany: true, candidates }), 'R')).toEqual([])
    expect(suspectLead(result({ failing: 0 }), 'R')).toEqual([])
  })
})
