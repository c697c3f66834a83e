import { describe, expect, it } from 'vitest'
import { median } from '~/util/median'

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the two middle ones of an even count, whatever the input order', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([7])).toBe(7)
  })

  it('is null for no values and leaves its input unsorted', () => {
    expect(median([])).toBeNull()
    const xs = [3, 1, 2]
    median(xs)
    expect(xs).toEqual([3, 1, 2])
  })
})
