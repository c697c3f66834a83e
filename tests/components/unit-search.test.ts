import { describe, expect, it } from 'vitest'
import { loadInitials, searchEntries, searchUnits } from '~/components/common/unit-search'

describe('unit search: name, alias, pinyin initials', () => {
  it('finds a unit by part of its name, an alias, or the pinyin initials of either; best match first', async () => {
    const initials = await loadInitials()
    const entries = searchEntries([
      { unit: '白奎镇', aliases: '白奎镇人民政府' },
      { unit: '长岭街道', aliases: '长岭街道办事处' },
      { unit: '区教育局', aliases: null },
    ], initials)
    const names = (q: string) => searchUnits(entries, q).map((e) => e.unit)
    expect(names('白奎')).toEqual(['白奎镇'])
    expect(names('人民政府')).toEqual(['白奎镇'])
    expect(names('bkz')).toEqual(['白奎镇'])
    expect(names('BK')).toEqual(['白奎镇'])
    expect(names('cljd')).toEqual(['长岭街道'])
    expect(names('jyj')).toEqual(['区教育局']) // initials contain the query
    expect(names('街道')).toEqual(['长岭街道'])
    expect(names('')).toHaveLength(3)
    expect(names('zzz')).toEqual([])
  })

  it('works on names alone before the initials are loaded', () => {
    const entries = searchEntries([{ unit: '白奎镇' }])
    expect(searchUnits(entries, '奎').map((e) => e.unit)).toEqual(['白奎镇'])
    expect(searchUnits(entries, 'bkz')).toEqual([])
  })
})
