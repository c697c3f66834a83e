/**
 * Issue #13, case 7: a unit name containing `|` (legal in units.csv's name column; `|` only
 * separates aliases) must survive the compare page's `pick=` URL parameter, which joins names by `|`.
 * Lives beside the build tests because the build is what lets such a name into the data.
 */
import { describe, expect, it } from 'vitest'
import { parseQuery as routerParseQuery, stringifyQuery } from 'vue-router'
import { encodePicked, parsePicked, PICK_PARAM } from '~/components/compare/metric'
import { emptyFilters, parseQuery, toQuery } from '~/stores/url-state'

/** Through the whole URL path: filters state → route query → address-bar string → back. */
function throughUrl(value: string | null): string | null {
  const extra: Record<string, string> = value === null ? {} : { [PICK_PARAM]: value }
  const state = { ...emptyFilters(), extra }
  const url = stringifyQuery(toQuery(state))
  return parseQuery(routerParseQuery(url)).extra[PICK_PARAM] ?? null
}

describe('compare page pick= parameter', () => {
  it('a unit name containing "|" (and one with a backslash) round-trips through the URL as one unit', () => {
    const units = ['城关镇|城关街道', '甲镇', 'a\\b', '末尾\\']
    expect(parsePicked(throughUrl(encodePicked(units)))).toEqual(units)
    // The old joining split the first name into two units that do not exist.
    expect(parsePicked(units.join('|'))).not.toEqual(units)
  })

  it('old links (plain `|`-joined names) still read the same', () => {
    expect(parsePicked('甲镇|乙街道')).toEqual(['甲镇', '乙街道'])
    expect(parsePicked(throughUrl('甲镇|乙街道|甲镇| '))).toEqual(['甲镇', '乙街道'])
    expect(encodePicked(['甲镇', '乙街道'])).toBe('甲镇|乙街道') // and plain names still write plain links
  })

  it('no units: no parameter', () => {
    expect(encodePicked([])).toBeNull()
    expect(parsePicked(null)).toEqual([])
  })
})
