import { describe, expect, it } from 'vitest'
import { cellView, findingsByCell, type ReportTableData } from '~/report/layout'
import type { Finding } from '~/report/types'

const finding = (rule: string, level: Finding['level'], cells: string[]): Finding => ({
  rule, level, cells, message: `${rule} 消息`, message_en: `${rule} message`,
})

describe('cell drawing state', () => {
  const data: ReportTableData = {
    cells: { 'apply.new.total': 0, 'apply.carry_forward.total': null, 'active.fee.amount_wan': 0 },
    notes: { 'active.fee.amount_wan': { raw: '无', flag: 'zero_text' }, 'apply.new.total': { raw: '0', flag: 'ok' } },
    findings: [
      finding('A3', 'info', ['apply.new.total']),
      finding('A1', 'error', ['apply.new.total', 'apply.carry_forward.total']),
    ],
  }
  const index = findingsByCell(data.findings)

  it('tells a 0 from a blank cell and from a cell not found', () => {
    expect(cellView('apply.new.total', data, index)).toMatchObject({ presence: 'number', value: 0 })
    expect(cellView('apply.carry_forward.total', data, index)).toMatchObject({ presence: 'blank', value: null })
    expect(cellView('review.total', data, index)).toMatchObject({ presence: 'absent', value: null, findings: [] })
  })

  it('keeps the printed text only when it was not a plain number', () => {
    expect(cellView('active.fee.amount_wan', data, index)).toMatchObject({ flag: 'zero_text', raw: '无' })
    expect(cellView('apply.new.total', data, index).raw).toBeUndefined()
  })

  it('marks a cell with its most severe finding first', () => {
    const view = cellView('apply.new.total', data, index)
    expect(view.findings.map((f) => f.rule)).toEqual(['A1', 'A3'])
    expect(view.level).toBe('error')
    expect(cellView('apply.carry_forward.total', data, index).level).toBe('error')
  })
})
