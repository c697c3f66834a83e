import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport, parseText } from '~/report/read'
import { PARSE_RULES } from '~/report/types'

const utf8 = (s: string) => new TextEncoder().encode(s)

/** Issue 7 item 6.2: a report where nothing was read must not pass silently. */
describe('no_table: a report with no table cell gets a finding', () => {
  it('title and headings but no table at all → warn no_table, exit-0 outcome still ok', () => {
    const text = [
      '呼兰区白奎镇2021年政府信息公开工作年度报告',
      '一、总体情况',
      '本年度我镇认真贯彻落实政务公开工作要求。',
      '二、主动公开政府信息情况',
      '详见附件。',
      '五、存在的主要问题及改进情况',
      '无。',
    ].join('\n')
    const outcome = parseReport(utf8(text), 'no-table.txt')
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.report.cells).toEqual({})
    const f = outcome.report.findings.find((x) => x.rule === 'no_table')
    expect(f).toMatchObject({ level: 'warn', section: 'meta', cells: [] })
    expect(f!.message).toContain('未找到表格')
    expect(f!.message_en).toContain('no table found')
  })

  it('title only (unit and year) → no_table', () => {
    const r = parseText('呼兰区白奎镇2021年政府信息公开工作年度报告\n本年度无数据。\n', 'title.txt')
    expect(r.findings.some((x) => x.rule === 'no_table')).toBe(true)
  })

  it('a report whose tables were read has no no_table finding; a pre-2019 (legacy) one neither', () => {
    const r = parseText(readFileSync(new URL('../../fixtures/shared/hulan-baikui-2021.txt', import.meta.url), 'utf8'), 'cells.txt')
    expect(Object.keys(r.cells).length).toBeGreaterThan(0)
    expect(r.findings.some((x) => x.rule === 'no_table')).toBe(false)
    const legacy = parseText('呼兰区白奎镇2017年政府信息公开工作年度报告\n一、概述\n本年度公开信息120条。\n', 'legacy.txt')
    expect(legacy.meta.format).toBe('legacy')
    expect(legacy.findings.some((x) => x.rule === 'no_table')).toBe(false)
  })

  it('no_table is documented in PARSE_RULES', () => {
    expect(PARSE_RULES).toHaveProperty('no_table')
  })
})
