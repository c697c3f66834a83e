import { describe, expect, it } from 'vitest'
import { validateReport } from '~/report/validate'
import { makeCells, makeMeta } from './make-record'

const run = (cells: Record<string, number | null>) => validateReport({ meta: makeMeta('gov2021'), cells })

/** The shared cases of A4–A6: each rule checks one section 四 group. */
export function appealRuleCases(rule: string, group: string, name: string) {
  describe(`${rule} ${group} total = four results`, () => {
    it('passes on a consistent record', () => {
      expect(run(makeCells('gov2021', { seed: 9 })).filter((f) => f.rule === rule)).toEqual([])
    })

    it('flags a wrong total in its own group only', () => {
      const cells = makeCells('gov2021')
      cells[`${group}.pending`] = 1
      const found = run(cells).filter((f) => /^A[4-6]$/.test(f.rule))
      expect(found).toHaveLength(1)
      expect(found[0]).toMatchObject({ rule, level: 'error', section: 'appeal', expected: 1, actual: 0 })
      expect(found[0]!.message).toContain(`四、政府信息公开行政复议、行政诉讼情况 · ${name}总计=0`)
    })

    it('counts a blank total as 0', () => {
      const cells = makeCells('gov2021')
      cells[`${group}.total`] = null
      cells[`${group}.maintained`] = 2
      expect(run(cells).find((f) => f.rule === rule)).toMatchObject({ assumed_zero: true, expected: 2, actual: 0 })
    })
  })
}
