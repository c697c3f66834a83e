import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { UnitRegistry } from '~/build/unit-registry'
import type { DistrictInfo, UnitRecord } from '../../scripts/build/types'
import { ROOT } from './helpers'

const HULAN: DistrictInfo = {
  name: '呼兰区', city: '哈尔滨市', province: '黑龙江省', publisher: '', license: '', license_note: '', contact: '',
  provenance: 'published', synthetic: false, years: null,
}

/** The real 呼兰区 registry (tests/fixtures/shared/hulan-units.csv) as UnitRecords. */
function hulanUnits(): UnitRecord[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(ROOT, 'tests/fixtures/shared/hulan-units.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data
  return rows.map((r) => ({ code: r.code || null, name: r.name!, kind: r.kind as UnitRecord['kind'], aliases: (r.aliases ?? '').split('|').filter(Boolean), valid_from: null, valid_to: null }))
}

const unitOf = (reg: UnitRegistry, printed: string | null, file = 'x.txt') => {
  const m = reg.match(printed, file)
  return m.ok ? m.unit.name : null
}

describe('unit registry matching', () => {
  const reg = new UnitRegistry(hulanUnits(), HULAN)

  it('strips province, city and district prefixes and 人民政府/办事处 suffixes', () => {
    expect(unitOf(reg, '哈尔滨市呼兰区白奎镇')).toBe('白奎镇')
    expect(unitOf(reg, '黑龙江省哈尔滨市呼兰区白奎镇人民政府')).toBe('白奎镇')
    expect(unitOf(reg, '呼兰区兰河街道办事处')).toBe('兰河街道')
    expect(unitOf(reg, ' 白 奎 镇 ')).toBe('白奎镇')
  })

  it('resolves a registry alias (an old name) to the canonical unit', () => {
    expect(unitOf(reg, '呼兰区腰卜街道')).toBe('腰堡街道')
    expect(unitOf(reg, '许卜乡人民政府')).toBe('许堡乡')
  })

  it('falls back to the file name when the report does not name itself', () => {
    expect(unitOf(reg, null, 'reports/2021/呼兰区白奎镇2021年政府信息公开工作年度报告.txt')).toBe('白奎镇')
    expect(unitOf(reg, null, 'reports/2020/2020年度石人镇政府信息公开年度报告.docx')).toBe('石人镇')
  })

  it('does not confuse 呼兰街道 with the district prefix 呼兰区', () => {
    expect(unitOf(reg, '呼兰区呼兰街道办事处')).toBe('呼兰街道')
  })

  it('leaves an unknown unit unmatched with a reason naming what was tried', () => {
    const m = reg.match('道里区新阳路街道', 'reports/2021/a.txt')
    expect(m.ok).toBe(false)
    if (!m.ok) expect(m.reason_en).toContain('道里区新阳路街道')
  })

  it('refuses an ambiguous name instead of guessing', () => {
    const units: UnitRecord[] = [
      { code: '1', name: '东风镇', kind: '镇', aliases: ['东风'], valid_from: null, valid_to: null },
      { code: '2', name: '东风乡', kind: '乡', aliases: ['东风'], valid_from: null, valid_to: null },
    ]
    const m = new UnitRegistry(units, HULAN).match('东风', 'x.txt')
    expect(m.ok).toBe(false)
    if (!m.ok) expect(m.reason_en).toMatch(/several/)
  })
})
