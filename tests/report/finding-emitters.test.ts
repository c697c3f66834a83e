/**
 * Every place in the code that raises a finding names an id of the findings dictionary (RULES) at a
 * level the dictionary lists for it — read from the source, so a finding raised only on a rare
 * path (a build error, a strict-mode level) is checked as well as the ones the fixtures trigger
 * (tests/report/parse/finding-dictionary.test.ts). A call whose rule id is not a literal must be a
 * known wrapper or indirection below; any new one fails until it is listed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RULES, ruleDef } from '~/report/validate/rules'

const ROOT = join(import.meta.dirname, '../..')

/** Calls whose rule id is a variable: the file, and the ids that variable can hold (empty = a pass-through wrapper). */
const INDIRECT: Record<string, readonly string[]> = {
  'src/report/validate/rules/appeal-sum.ts': ['A4', 'A5', 'A6'],
  'src/report/parse/findings.ts': [],
}

function sources(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...sources(p))
    else if (/\.(ts|vue)$/.test(name)) out.push(p)
  }
  return out
}

interface Emit { file: string; line: number; rule: string; levels: string[] }

/** `finding(`, `parseFinding(` and `buildFinding(` calls with their first two arguments. */
function emits(): Emit[] {
  const out: Emit[] = []
  const call = /\b(?:finding|parseFinding|buildFinding)\(\s*([^,()]+?)\s*,\s*([^,()]+?)\s*,/g
  for (const path of [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'scripts'))]) {
    const text = readFileSync(path, 'utf8')
    const file = relative(ROOT, path)
    for (const m of text.matchAll(call)) {
      const line = text.slice(0, m.index).split('\n').length
      if (/^\s*(\*|\/\/)/.test(text.slice(text.lastIndexOf('\n', m.index) + 1, m.index))) continue // a comment
      if (/\b(?:function|export)\b[^\n]*$/.test(text.slice(text.lastIndexOf('\n', m.index) + 1, m.index))) continue // a declaration
      const literal = /^'([^']+)'$/.exec(m[1]!)
      const levels = [...m[2]!.matchAll(/'(error|warn|info)'/g)].map((x) => x[1]!)
      if (literal) out.push({ file, line, rule: literal[1]!, levels })
      else {
        const ids = INDIRECT[file]
        if (!ids) out.push({ file, line, rule: `<${m[1]}: not a literal; list it in INDIRECT>`, levels })
        else for (const rule of ids) out.push({ file, line, rule, levels })
      }
    }
  }
  return out
}

describe('every finding the code raises is in the findings dictionary', () => {
  const all = emits()

  it('finds the emitters (the scan works)', () => {
    const files = new Set(all.map((e) => e.file))
    expect(all.length).toBeGreaterThan(50)
    expect([...files].some((f) => f.startsWith('src/build/'))).toBe(true)
    expect([...files].some((f) => f.startsWith('src/report/parse/'))).toBe(true)
    expect([...files].some((f) => f.startsWith('src/report/validate/rules/'))).toBe(true)
  })

  it('names a known id at a listed level at every call', () => {
    const problems: string[] = []
    for (const e of all) {
      const def = ruleDef(e.rule)
      if (!def) problems.push(`${e.file}:${e.line}: ${e.rule} is not in RULES`)
      else if (e.levels.length === 0 && !(e.file in INDIRECT)) problems.push(`${e.file}:${e.line}: ${e.rule} raised at a level the scan cannot read`)
      else for (const l of e.levels) if (!def.levels.includes(l as never)) problems.push(`${e.file}:${e.line}: ${e.rule} raised as ${l}, RULES lists ${def.levels.join('/')}`)
    }
    expect(problems).toEqual([])
  })

  it('lists no id nobody raises, and gives every id both titles', () => {
    const raised = new Set(all.map((e) => e.rule))
    // total_blank and the per-rule ids of the validator are raised through `finding`; parse ids through `parseFinding`.
    expect(RULES.filter((r) => !raised.has(r.id)).map((r) => r.id)).toEqual([])
    expect(RULES.filter((r) => !r.title.zh.trim() || !r.title.en.trim()).map((r) => r.id)).toEqual([])
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length)
  })
})
