import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { unitsFromCsv } from '~/build/units-csv'
import { findingsChecklistCsv } from '~/components/check/checklist'
import { carryOverPair, crossYearFindings } from '~/components/check/cross-year'
import { matchDraftUnit, type DistrictUnits } from '~/components/check/draft-unit'
import { localInfo } from '~/local/registry'
import { parseReport } from '~/report/read'

const DATA = resolve(import.meta.dirname, '../../data/districts')

/** A district's real registry (units.csv) and place names (district.json), as the engine holds them. */
function district(id: string): DistrictUnits {
  const info = JSON.parse(readFileSync(resolve(DATA, id, 'district.json'), 'utf8')) as { name: string; city: string; province: string }
  const units = unitsFromCsv(readFileSync(resolve(DATA, id, 'units.csv'), 'utf8'), `${id}/units.csv`, [])
  return { district: id, name: info.name, info: { ...localInfo(info.name), city: info.city, province: info.province }, units }
}
const ALL = ['demo', 'hulan', 'pingtan'].map(district)

function cellsOf(path: string) {
  const o = parseReport(new Uint8Array(readFileSync(path)), path)
  if (!o.ok) throw new Error(path)
  return { year: o.report.meta.year!, format: o.report.meta.format, cells: o.report.cells }
}

describe('matchDraftUnit (the build’s UnitRegistry over every district)', () => {
  it('finds the district and unit a report names itself by, whichever district is being viewed', () => {
    for (const preferred of [null, 'demo', 'pingtan', 'hulan']) {
      expect(matchDraftUnit(ALL, '平潭综合实验区财政金融局', 'c025.txt', preferred)).toMatchObject({ kind: 'matched', choice: { district: 'pingtan', unit: '平潭综合实验区财政金融局' } })
    }
  })

  it('matches an alias (区公安局) in the district the user is looking at', () => {
    expect(matchDraftUnit(ALL, '区公安局', 'draft.docx', 'pingtan')).toMatchObject({ kind: 'matched', choice: { district: 'pingtan', unit: '平潭综合实验区公安局' } })
  })

  it('says nothing matches, per district with the matcher’s reason, for a unit no registry has', () => {
    const m = matchDraftUnit(ALL, '某某县水利局', 'draft.txt', 'pingtan')
    expect(m.kind).toBe('missing')
    if (m.kind !== 'missing') return
    expect(m.reasons.map((r) => r.district).sort()).toEqual(['demo', 'hulan', 'pingtan'])
    expect(m.reasons[0]!.reason).toContain('某某县水利局')
  })

  it('asks the user when a name fits units of several districts and none is being viewed or printed', () => {
    const twin = (id: string, name: string): DistrictUnits => ({
      district: id, name, info: localInfo(name),
      units: [{ code: null, name: '教育局', kind: '部门', aliases: [], valid_from: null, valid_to: null }],
    })
    const m = matchDraftUnit([twin('a', '甲区'), twin('b', '乙区')], '教育局', 'x.txt', null)
    expect(m).toEqual({ kind: 'ambiguous', options: [{ district: 'a', unit: '教育局' }, { district: 'b', unit: '教育局' }] })
    expect(matchDraftUnit([twin('a', '甲区'), twin('b', '乙区')], '乙区教育局', 'x.txt', null)).toMatchObject({ kind: 'matched', choice: { district: 'b' } })
    expect(matchDraftUnit([twin('a', '甲区'), twin('b', '乙区')], '教育局', 'x.txt', 'a')).toMatchObject({ kind: 'matched', choice: { district: 'a' } })
  })
})

describe('crossYearFindings: the validator’s C-rules between last year and the draft', () => {
  const prev = cellsOf(resolve(DATA, 'pingtan/reports/2022/财政金融局2022.txt'))
  const text = readFileSync(resolve(import.meta.dirname, '../corpus/raw/c025.txt'), 'utf8')

  it('a real 2023 report agrees with the unit’s published 2022 report: no finding', () => {
    expect(prev.year).toBe(2022)
    expect(crossYearFindings(cellsOf(resolve(import.meta.dirname, '../corpus/raw/c025.txt')), prev)).toEqual([])
  })

  it('a planted 上年结转 总计 gives C1 with both cells and both values, as the published series would', () => {
    const o = parseReport(new TextEncoder().encode(text.replace('上年结转政府信息公开申请数量0 0 0 0 0 00', '上年结转政府信息公开申请数量0 0 0 0 0 02')), 'c025.txt')
    if (!o.ok) throw new Error('c025')
    const found = crossYearFindings({ year: 2023, format: o.report.meta.format, cells: o.report.cells }, prev)
    expect(found.map((f) => f.rule)).toEqual(['C1'])
    expect(found[0]!.message).toContain('2023年“二、上年结转”总计=2，但2022年“四、结转下年度继续办理”总计=0')
    expect(carryOverPair(found[0]!)).toEqual({ draftKey: 'apply.carried_over.total', draftValue: 2, previousKey: 'apply.carry_forward.total', previousValue: 0 })
  })

  it('compares only consecutive years', () => {
    const o = parseReport(new TextEncoder().encode(text.replace('上年结转政府信息公开申请数量0 0 0 0 0 00', '上年结转政府信息公开申请数量0 0 0 0 0 02')), 'c025.txt')
    if (!o.ok) throw new Error('c025')
    expect(crossYearFindings({ year: 2024, format: 'gov2021', cells: o.report.cells }, prev)).toEqual([])
  })
})

describe('findingsChecklistCsv with the draft check’s conclusions', () => {
  it('puts the suspect-cell row first, then every finding (cross-year ones included)', () => {
    const c1 = { rule: 'C1', level: 'warn' as const, cells: ['apply.carried_over.total', 'apply.carry_forward.total'], message: '2023年“二、上年结转”总计=2，但2022年…=0', message_en: '' }
    const csv = findingsChecklistCsv([c1], { rule: '规则', level: '级别', cells: '涉及单元格', message: '说明', done: '已改' }, () => '警告', [
      { rule: '最可能出错', level: '', cells: ['apply.carried_over.total'], message: '现为 2，使各项相符应为 0' },
    ])
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toBe('最可能出错,,二、上年结转政府信息公开申请数量 · 总计 [apply.carried_over.total],现为 2，使各项相符应为 0,')
    expect(lines[2]).toMatch(/^C1,警告,二、上年结转政府信息公开申请数量 · 总计 \[apply\.carried_over\.total\]；四、结转下年度继续办理 · 总计 \[apply\.carry_forward\.total\],/)
  })
})
