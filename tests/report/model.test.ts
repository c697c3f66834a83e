import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CELLS, cellDef, keysOf, sectionKeysOf } from '~/report/model'

const keys = JSON.parse(readFileSync(new URL('../fixtures/shared/keys.json', import.meta.url), 'utf8'))

function expectedKeys(format: 'gov2021' | 'gov2019'): string[] {
  const k = keys[format]
  return [
    ...k.active,
    ...k.apply_rows.flatMap((r: string) => k.apply_cols.map((c: string) => `apply.${r}.${c}`)),
    ...k.appeal,
  ]
}

describe('format model', () => {
  it.each(['gov2021', 'gov2019'] as const)('%s lists exactly the keys of keys.json, in print order', (format) => {
    expect(keysOf(format)).toEqual(expectedKeys(format))
  })

  it('counts 10+175+15 cells for gov2021 and 22+161+15 for gov2019', () => {
    expect(sectionKeysOf('gov2021', 'active')).toHaveLength(10)
    expect(sectionKeysOf('gov2021', 'apply')).toHaveLength(175)
    expect(sectionKeysOf('gov2019', 'active')).toHaveLength(22)
    expect(sectionKeysOf('gov2019', 'apply')).toHaveLength(161)
    expect(sectionKeysOf('gov2019', 'appeal')).toHaveLength(15)
  })

  it('has one entry per key with bilingual labels', () => {
    expect(new Set(CELLS.map((c) => c.key)).size).toBe(CELLS.length)
    for (const c of CELLS) {
      expect(c.label.zh.length).toBeGreaterThan(0)
      expect(c.label.en).toMatch(/^[\x20-\x7e]+$/)
    }
  })

  it('keeps the printed labels and shared keys of both formats', () => {
    expect(cellDef('active.license.decisions')!.formats).toEqual(['gov2021', 'gov2019'])
    expect(cellDef('active.normative.issued')!.rowLabel.zh).toBe('行政规范性文件')
    expect(cellDef('active.normative.new_made')!.rowLabel.zh).toBe('规范性文件')
    expect(cellDef('apply.result.withheld.state_secret.total')!.rowLabel.zh).toBe('（三）不予公开 · 1.属于国家秘密')
    expect(cellDef('active.license.delta')!.type).toBe('signed')
    expect(cellDef('active.fee.amount_wan')!.type).toBe('decimal')
    expect(cellDef('nope')).toBeUndefined()
  })
})
