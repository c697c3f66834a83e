import { describe, expect, it } from 'vitest'
import { DistrictQueue, districtFromPage, namedDistricts } from '~/db/district-route'
import { scopeWhere } from '~/db/sql/scope'
import { officialUnitCellsSql } from '~/db/sql/data'

describe('which district a query needs (the browser attaches that district database)', () => {
  it('reads the district from the scope every SQL builder uses, with or without a table alias', () => {
    expect(namedDistricts(`SELECT * FROM cells WHERE ${scopeWhere({ district: 'pingtan', years: [2020, 2021] })}`)).toEqual(['pingtan'])
    expect(namedDistricts(officialUnitCellsSql('hulan', '白奎镇', 2021))).toEqual(['hulan'])
    expect(namedDistricts(`SELECT 1 FROM reports r WHERE ${scopeWhere({ district: "o'brien" }, 'r')}`)).toEqual(["o'brien"])
  })

  it('names each district once, in order; a query naming none reads the attached district', () => {
    expect(namedDistricts("SELECT * FROM a WHERE district = 'x' UNION ALL SELECT * FROM b WHERE b.district='x' OR district = 'y'")).toEqual(['x', 'y'])
    expect(namedDistricts('SELECT key, value FROM cells WHERE report_id = 5')).toEqual([])
    // A join on the column, or a name that only contains "district", is not a district literal.
    expect(namedDistricts("SELECT * FROM cells c JOIN reports r ON r.district = c.district WHERE subdistrict = 'z'")).toEqual([])
  })

  it('takes the district of the page address, in the hash route or before it', () => {
    expect(districtFromPage({ search: '', hash: '#/compare?year=2021&district=demo' })).toBe('demo')
    expect(districtFromPage({ search: '?dbread=url&district=hulan', hash: '#/' })).toBe('hulan')
    expect(districtFromPage({ search: '?district=hulan', hash: '#/?district=demo' })).toBe('demo')
    expect(districtFromPage({ search: '', hash: '' })).toBeNull()
  })
})

describe('DistrictQueue: one attached district, never swapped under a running statement', () => {
  /** A fake engine: which district is attached, a log of what each statement read. */
  function fakeEngine(start: string) {
    const state = { attached: start as string | null, swaps: [] as string[], log: [] as string[] }
    const queue = new DistrictQueue(async (id) => {
      state.swaps.push(id)
      state.attached = null // DETACHed while the new file loads
      await new Promise((r) => setTimeout(r, 5))
      state.attached = id
    }, start)
    /** A statement that reads the attached district when it starts and again when it ends. */
    const read = (id: string | null, ms: number) =>
      queue.run(id, async () => {
        const before = state.attached
        await new Promise((r) => setTimeout(r, ms))
        state.log.push(`${id ?? '-'}:${before}/${state.attached}`)
        return before === state.attached ? before : `changed ${before}→${state.attached}`
      })
    return { state, queue, read }
  }

  it('waits for a running statement before swapping to the next district, and every statement reads its own', async () => {
    const { state, read } = fakeEngine('a')
    const results = await Promise.all([read('a', 30), read('b', 1), read('a', 1), read(null, 1)])
    expect(results).toEqual(['a', 'b', 'a', 'a'])
    expect(state.swaps).toEqual(['b', 'a'])
  })

  it('runs a district’s statements together and serves districts in the order asked', async () => {
    const { state, read } = fakeEngine('a')
    const order: string[] = []
    const ask = (id: string) => read(id, 2).then((r) => order.push(r!))
    await Promise.all([ask('b'), ask('b'), ask('c'), ask('b')])
    expect(order).toEqual(['b', 'b', 'c', 'b'])
    expect(state.swaps).toEqual(['b', 'c', 'b'])
  })

  it('a failed swap fails its statements and the next district is attached afresh', async () => {
    let fail = true
    let attached = 'a'
    const queue = new DistrictQueue(async (id) => {
      if (fail && id === 'bad') throw new Error('no file')
      attached = id
    }, 'a')
    const bad = queue.run('bad', async () => attached)
    const again = queue.run('a', async () => attached)
    await expect(bad).rejects.toThrow('no file')
    await expect(again).resolves.toBe('a')
    fail = false
    await expect(queue.run('bad', async () => attached)).resolves.toBe('bad')
  })
})
