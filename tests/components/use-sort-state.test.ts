import { describe, expect, it } from 'vitest'
import { compareCells, useSortState } from '~/components/common/useSortState'

describe('useSortState', () => {
  it('starts a new column largest first (names and ranks smallest first), reverses on a second click, and says so in aria-sort', () => {
    const s = useSortState<'rank' | 'name' | 'new'>('rank', ['rank', 'name'])
    expect([s.key.value, s.desc.value, s.ariaSort('rank'), s.ariaSort('new')]).toEqual(['rank', false, 'ascending', undefined])
    s.sortBy('new')
    expect([s.key.value, s.desc.value, s.ariaSort('new'), s.ariaSort('rank')]).toEqual(['new', true, 'descending', undefined])
    s.sortBy('new')
    expect(s.ariaSort('new')).toBe('ascending')
    s.sortBy('name')
    expect([s.key.value, s.desc.value]).toEqual(['name', false])
  })

  it('can start unsorted', () => {
    const s = useSortState<'a'>(null)
    expect([s.key.value, s.ariaSort('a')]).toEqual([null, undefined])
  })
})

describe('compareCells', () => {
  const text = (a: string, b: string) => a.localeCompare(b, 'zh')
  const sort = (xs: (number | string | null)[], desc: boolean) => [...xs].sort((a, b) => compareCells(a, b, desc, text))

  it('orders numbers either way with empty cells last in both directions', () => {
    expect(sort([2, null, 10, 1], false)).toEqual([1, 2, 10, null])
    expect(sort([2, null, 10, 1], true)).toEqual([10, 2, 1, null])
  })

  it('orders text by the given comparison and leaves ties and two empty cells to the caller (0)', () => {
    expect(sort(['b', 'a', null, 'c'], true)).toEqual(['c', 'b', 'a', null])
    expect(compareCells(3, 3, true, text)).toBe(0)
    expect(compareCells(null, null, false, text)).toBe(0)
  })
})
