import { describe, expect, it } from 'vitest'
import { PARSE_RULES } from '~/report/types'
import { RULES, ruleDef } from '~/report/validate'

describe('RULES dictionary', () => {
  it('lists every rule id once with bilingual titles', () => {
    const ids = RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    const spec = [...Array.from({ length: 11 }, (_, i) => `A${i + 1}`), 'C1', 'C2', 'C3', 'C4', 'C5', 'F1', 'F2', 'F3', 'X1', 'X2', 'total_blank']
    expect(ids).toEqual(expect.arrayContaining([...spec, ...Object.keys(PARSE_RULES)]))
    for (const r of RULES) {
      expect(r.title.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(r.title.en.length).toBeGreaterThan(3)
    }
  })

  it('looks rules up by id', () => {
    expect(ruleDef('A1')).toMatchObject({ scope: 'report', level: 'error' })
    expect(ruleDef('short_row')!.title.en).toBe(PARSE_RULES.short_row)
    expect(ruleDef('nope')).toBeUndefined()
  })
})
