import { describe, expect, it } from 'vitest'
import { districtFromPage, namedDistricts } from '~/db/district-route'
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
