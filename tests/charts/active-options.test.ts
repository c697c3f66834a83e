import { describe, expect, it } from 'vitest'
import type { ActiveCellRow } from '~/db/sql/active'
import { ACTIVE_KEYS } from '~/db/sql/active'
import { ACTIVE_PANELS, activePanelOption, panelHasData } from '~/charts/options/active-panels'
import { cellDef } from '~/report/model'

type Any = any
const panel = (id: string) => ACTIVE_PANELS.find((p) => p.id === id)!

describe('active panels', () => {
  it('never mixes formats: every panel key is printed by exactly the panel formats', () => {
    for (const p of ACTIVE_PANELS) {
      for (const k of p.keys) expect([...cellDef(k)!.formats].sort(), `${p.id}: ${k}`).toEqual([...p.formats].sort())
    }
  })

  it('puts each section 二 key in at most one panel, leaving out only the unit-less 2019 procurement amount', () => {
    const keys = ACTIVE_PANELS.flatMap((p) => p.keys)
    expect(new Set(keys).size).toBe(keys.length)
    expect(ACTIVE_KEYS.filter((k) => !keys.includes(k))).toEqual(['active.procurement.amount'])
  })

  it('shares only the licence, penalty and coercion decisions across formats', () => {
    expect([...panel('decisions').keys].sort()).toEqual(['active.coercion.decisions', 'active.license.decisions', 'active.penalty.decisions'])
    expect(panel('fees2019').keys).toEqual(['active.fee.prev_items', 'active.fee.delta'])
    expect(panel('fees2021').keys).toEqual(['active.fee.amount_wan'])
    expect(panel('fees2021').unit).toBe('wan')
    expect(panel('documents2021').keys).toContain('active.normative.in_force')
    expect(panel('documents2019').keys).toContain('active.normative.total_published')
  })
})

describe('active panel option', () => {
  const rows: ActiveCellRow[] = [
    { dim: '2020', key: 'active.license.decisions', value: 10, reports: 1 },
    { dim: '2021', key: 'active.license.decisions', value: 12, reports: 2 },
    { dim: '2021', key: 'active.penalty.decisions', value: 3, reports: 2 },
    { dim: '2021', key: 'active.fee.amount_wan', value: 1.5, reports: 2 },
  ]

  it('draws a series per key with data, and a gap where no report printed the key', () => {
    const o: Any = activePanelOption(rows, panel('decisions'), { by: 'year', lang: 'zh', valueName: '件' })
    expect(o.series.map((s: Any) => s.name)).toEqual(['行政许可 · 本年处理决定数量', '行政处罚 · 本年处理决定数量'])
    expect(o.xAxis.data).toEqual(['2020', '2021'])
    expect(o.series[0].data).toEqual([10, 12])
    expect(o.series[1].data).toEqual(['-', 3])
  })

  it('keeps fee amounts out of other panels and reports empty panels', () => {
    const fees: Any = activePanelOption(rows, panel('fees2021'), { by: 'year', lang: 'en', valueName: '10,000 yuan' })
    expect(fees.series).toHaveLength(1)
    expect(fees.xAxis.data).toEqual(['2021'])
    expect(panelHasData(rows, panel('fees2019'))).toBe(false)
    expect(panelHasData(rows, panel('fees2021'))).toBe(true)
  })
})

describe('active panel by unit', () => {
  it('orders units by their panel total, largest first', () => {
    const rows: ActiveCellRow[] = [
      { dim: '甲镇', key: 'active.license.decisions', value: 1, reports: 1 },
      { dim: '乙镇', key: 'active.license.decisions', value: 4, reports: 1 },
      { dim: '甲镇', key: 'active.penalty.decisions', value: 1, reports: 1 },
      { dim: '丙镇', key: 'active.fee.amount_wan', value: 99, reports: 1 },
    ]
    const o: any = activePanelOption(rows, ACTIVE_PANELS.find((p) => p.id === 'decisions')!, { by: 'unit', lang: 'zh', valueName: '件' })
    expect(o.yAxis.data).toEqual(['乙镇', '甲镇'])
    expect(o.legend.type).toBe('plain') // wraps, never scrolls: every name stays visible (legend-fit.ts)
  })
})
