import { describe, expect, it } from 'vitest'
import { validateDistrict } from '~/report/validate'
import { makeCells } from './make-record'

const PROSE = '2021年，我镇坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实国家和省市关于全面推进政务公开的系列部署，在区政务公开办的领导下，紧紧围绕镇政府职责，坚持以公开为常态、不公开为例外。'
const x1 = (reports: Parameters<typeof validateDistrict>[0]) => validateDistrict(reports).filter((f) => f.finding.rule === 'X1')

describe('X1 copy-paste between units', () => {
  it('is silent for different tables, all-zero tables, or the same unit', () => {
    expect(x1([
      { unit: '甲镇', year: 2021, cells: makeCells('gov2021', { seed: 1 }) },
      { unit: '乙镇', year: 2021, cells: makeCells('gov2021', { seed: 2 }) },
      { unit: '丙镇', year: 2021, cells: makeCells('gov2021') },
      { unit: '丁镇', year: 2021, cells: makeCells('gov2021') },
    ])).toEqual([])
    expect(x1([
      { unit: '甲镇', year: 2021, cells: makeCells('gov2021', { seed: 1 }) },
      { unit: '甲镇', year: 2021, cells: makeCells('gov2021', { seed: 1 }) },
    ])).toEqual([])
  })

  it('warns on both units when sections 三+四 are identical and not all zero', () => {
    const cells = makeCells('gov2021', { seed: 4 })
    const found = x1([
      { unit: '甲镇', year: 2021, cells, file: 'a.txt' },
      { unit: '乙镇', year: 2021, cells: { ...cells, 'active.license.decisions': 99 }, file: 'b.txt' },
      { unit: '乙镇', year: 2022, cells },
    ])
    expect(found.map((f) => [f.unit, f.year, f.file])).toEqual([['甲镇', 2021, 'a.txt'], ['乙镇', 2021, 'b.txt']])
    expect(found[0]!.finding).toMatchObject({ level: 'warn', section: 'apply' })
    expect(found[0]!.finding.message).toContain('乙镇')
  })

  it('warns when the prose is the same once each unit name is neutralised', () => {
    const found = x1([
      { unit: '甲镇', year: 2021, cells: makeCells('gov2021', { seed: 1 }), prose: { overview: `甲镇${PROSE}` } },
      { unit: '乙镇', year: 2021, cells: makeCells('gov2021', { seed: 2 }), prose: { overview: `乙镇${PROSE}` } },
    ])
    expect(found.map((f) => [f.unit, f.finding.section])).toEqual([['甲镇', 'prose'], ['乙镇', 'prose']])
  })
})
