import { describe, expect, it } from 'vitest'
import { keysOf } from '~/report/model'
import { validateReport } from '~/report/validate'
import { makeCells, makeMeta } from './make-record'

describe('makeCells (test helper)', () => {
  it.each(['gov2021', 'gov2019'] as const)('%s: every key, and no finding on many seeds', (format) => {
    for (let seed = 1; seed <= 50; seed++) {
      const cells = makeCells(format, { seed, blankShare: seed % 2 ? 0.3 : 0 })
      expect(Object.keys(cells)).toEqual(keysOf(format))
      expect(validateReport({ meta: makeMeta(format), cells })).toEqual([])
    }
  })

  it('draws non-zero values from a seed and all zeros without one', () => {
    expect(Object.values(makeCells('gov2021', { seed: 3 })).some((v) => v !== 0)).toBe(true)
    expect(Object.values(makeCells('gov2021')).every((v) => v === 0)).toBe(true)
  })
})
