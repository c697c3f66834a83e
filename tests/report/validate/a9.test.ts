import { describe, expect, it } from 'vitest'
import { validateReport } from '~/report/validate'
import { makeCells, makeMeta } from './make-record'

describe('A9 in force ≥ issued − repealed (gov2021)', () => {
  it('passes when in force covers the net issued documents', () => {
    const cells = { ...makeCells('gov2021'), 'active.normative.issued': 5, 'active.normative.repealed': 2, 'active.normative.in_force': 3 }
    expect(validateReport({ meta: makeMeta('gov2021'), cells }).filter((f) => f.rule === 'A9')).toEqual([])
  })

  it('gives an INFO hint when in force is below issued − repealed', () => {
    const cells = { ...makeCells('gov2021'), 'active.normative.issued': 5, 'active.normative.repealed': 1, 'active.normative.in_force': 2 }
    const found = validateReport({ meta: makeMeta('gov2021'), cells }).filter((f) => f.rule === 'A9')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ level: 'info', actual: 2, expected: '>= 4', section: 'active' })
  })
})
