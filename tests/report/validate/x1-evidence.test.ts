import { describe, expect, it } from 'vitest'
import { validateDistrict } from '~/report/validate'
import { makeCells } from './make-record'

/**
 * X1 must need real evidence of copying: small townships legitimately print identical tiny tables
 * (one application, granted), which the demo district showed 8 times in clean reports.
 */
const x1 = (reports: Parameters<typeof validateDistrict>[0]) => validateDistrict(reports).filter((f) => f.finding.rule === 'X1')

/** A gov2021 record whose section 三 holds `apps` applications from natural persons, all granted. */
function granted(apps: number): Record<string, number | null> {
  const cells = makeCells('gov2021')
  for (const row of ['new', 'result.granted', 'result.total']) {
    cells[`apply.${row}.natural_person`] = apps
    cells[`apply.${row}.total`] = apps
  }
  return cells
}

/**
 * Spreads `apps` applications over two applicant columns and two outcomes (10 non-zero section 三
 * cells), plus one review upheld (2 non-zero section 四 cells) unless `review` is false.
 */
function spread(apps: number, review = true): Record<string, number | null> {
  const cells = makeCells('gov2021')
  const a = Math.ceil(apps / 2)
  const b = apps - a
  const set = (row: string, nat: number, com: number) => {
    cells[`apply.${row}.natural_person`] = nat
    cells[`apply.${row}.legal.commercial`] = com
    cells[`apply.${row}.total`] = nat + com
  }
  set('new', a, b)
  set('result.granted', a, 0)
  set('result.unable.not_held', 0, b)
  set('result.total', a, b)
  if (review) cells['review.maintained'] = cells['review.total'] = 1
  return cells
}

const withActive = (cells: Record<string, number | null>, values: Record<string, number>) => ({ ...cells, ...values })
const FOUR_ACTIVE = { 'active.normative.in_force': 12, 'active.license.decisions': 37, 'active.penalty.decisions': 5, 'active.fee.amount_wan': 1.5 }
const TWO_ACTIVE = { 'active.normative.in_force': 12, 'active.license.decisions': 37 }

describe('X1 needs real evidence', () => {
  it('is silent on identical tiny tables (one or two applications granted)', () => {
    expect(x1([
      { unit: '甲镇', year: 2023, cells: granted(1) },
      { unit: '乙镇', year: 2023, cells: granted(1) },
      { unit: '丙镇', year: 2023, cells: granted(1) },
      { unit: '丁镇', year: 2024, cells: granted(2) },
      { unit: '戊镇', year: 2024, cells: granted(2) },
    ])).toEqual([])
  })

  it('is silent on identical tiny tables with the same one or two section 二 values', () => {
    expect(x1([
      { unit: '甲镇', year: 2025, cells: withActive(granted(1), TWO_ACTIVE) },
      { unit: '乙镇', year: 2025, cells: withActive(granted(1), TWO_ACTIVE) },
    ])).toEqual([])
  })

  it('is silent below the table thresholds: many cells but few applications, or many applications in few cells', () => {
    expect(x1([
      { unit: '甲镇', year: 2023, cells: spread(7) },
      { unit: '乙镇', year: 2023, cells: spread(7) },
      { unit: '丙镇', year: 2024, cells: granted(40) },
      { unit: '丁镇', year: 2024, cells: granted(40) },
      { unit: '戊镇', year: 2025, cells: spread(30, false) },
      { unit: '己镇', year: 2025, cells: spread(30, false) },
    ])).toEqual([])
  })

  it('warns on identical sections 三+四 with enough non-zero cells and applications', () => {
    const found = x1([
      { unit: '甲镇', year: 2023, cells: spread(8) },
      { unit: '乙镇', year: 2023, cells: spread(8) },
    ])
    expect(found.map((f) => f.unit)).toEqual(['甲镇', '乙镇'])
    expect(found[0]!.finding.message).toContain('表格三、四')
    expect(found[0]!.finding.message).toContain('12个非零')
    expect(found[0]!.finding.message).toContain('8件申请')
  })

  it('warns on identical sections 二+三+四 when section 二 carries enough non-zero values, even for a tiny 三', () => {
    const found = x1([
      { unit: '甲镇', year: 2025, cells: withActive(granted(1), FOUR_ACTIVE) },
      { unit: '乙镇', year: 2025, cells: withActive(granted(1), FOUR_ACTIVE) },
      { unit: '丙镇', year: 2025, cells: withActive(granted(1), { ...FOUR_ACTIVE, 'active.penalty.decisions': 6 }) },
    ])
    expect(found.map((f) => f.unit)).toEqual(['甲镇', '乙镇'])
    expect(found[0]!.finding.message).toContain('表格二、三、四')
    expect(found[0]!.finding.message).toContain('乙镇')
    expect(found[0]!.finding.message).not.toContain('丙镇')
  })

  it('gives one finding per report when both table criteria hold for the same pair', () => {
    const cells = withActive(spread(9), FOUR_ACTIVE)
    const found = x1([
      { unit: '甲镇', year: 2023, cells },
      { unit: '乙镇', year: 2023, cells },
    ])
    expect(found).toHaveLength(2)
    expect(found[0]!.finding.message).toContain('表格二、三、四')
  })

  it('does not call identical boilerplate problems text a copy when the overview is missing', () => {
    const problems = '2023年，我镇政府信息公开工作取得一定成效，但仍存在基层公开工作力量薄弱、信息发布审核流程不够精细等问题。2024年，我镇将进一步加强队伍建设，完善信息发布审核机制，提升公开质量。'
    expect(x1([
      { unit: '甲镇', year: 2023, cells: makeCells('gov2021', { seed: 1 }), prose: { problems } },
      { unit: '乙镇', year: 2023, cells: makeCells('gov2021', { seed: 2 }), prose: { problems } },
    ])).toEqual([])
  })
})

describe('X1 with overlapping table matches', () => {
  it('still names a unit that matches sections 三+四 only, next to a pair that matches 二+三+四', () => {
    const cells = withActive(spread(9), FOUR_ACTIVE)
    const found = x1([
      { unit: '甲镇', year: 2023, cells },
      { unit: '乙镇', year: 2023, cells },
      { unit: '丙镇', year: 2023, cells: { ...cells, 'active.penalty.decisions': 6 } },
    ])
    const of = (unit: string) => found.filter((f) => f.unit === unit).map((f) => f.finding.message)
    expect(of('甲镇')).toHaveLength(2)
    expect(of('甲镇').some((m) => m.includes('表格三、四') && m.includes('丙镇'))).toBe(true)
    expect(of('丙镇')).toHaveLength(1)
    expect(of('丙镇')[0]).toContain('甲镇、乙镇')
  })
})
