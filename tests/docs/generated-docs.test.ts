/**
 * The generated docs (docs/keys.md, docs/data-dictionary.md, the id table of docs/rules.md) match
 * what `npm run docs` makes from the code now: a cell key, column, metric or finding id added or
 * changed without regenerating the docs fails here.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectedText, fillBlock, GENERATED } from '../../scripts/docs/generated'
import { keysOf } from '~/report/model'
import { RULES } from '~/report/validate/rules'
import { TABLES } from '~/db/schema'
import { METRICS } from '~/report/metrics'

const ROOT = join(import.meta.dirname, '../..')
const read = (file: string) => (existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : null)

describe('generated docs are current', () => {
  for (const entry of GENERATED) {
    it(`${entry.file}${entry.block ? ` (block ${entry.block})` : ''} — run \`npm run docs\` if this fails`, () => {
      const current = read(entry.file)
      expect(current, `${entry.file} is missing`).not.toBeNull()
      expect(current).toBe(expectedText(entry, current))
    })
  }

  it('name every cell key, column, metric and finding id', () => {
    const keys = read('docs/keys.md')!
    for (const k of new Set([...keysOf('gov2021'), ...keysOf('gov2019')].filter((k) => k.startsWith('active.')))) expect(keys).toContain(`\`${k}\``)
    const dict = read('docs/data-dictionary.md')!
    for (const t of TABLES) for (const f of t.fields) expect(dict).toContain(`\`${f.name}\``)
    for (const m of METRICS) expect(dict).toContain(`\`${m.key}\``)
    const rules = read('docs/rules.md')!
    for (const r of RULES) expect(rules).toContain(`\`${r.id}\``)
  })

  it('refuses a file without its block markers instead of losing the hand-written part', () => {
    expect(() => fillBlock('# no markers', 'rules', 'x', 'docs/rules.md')).toThrow(/markers <!-- generated:rules -->/)
  })
})
