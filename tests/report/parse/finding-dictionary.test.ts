/**
 * Every finding the parser and validator emit on real and constructed reports has its id in the
 * rules dictionary (RULES: what the open data and the findings panel show), at the level emitted.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReportAsync } from '~/report/read'
import { ruleDef } from '~/report/validate'

const dirs = ['../../fixtures/reports/', '../../corpus/raw/'].map((d) => new URL(d, import.meta.url))

describe('findings dictionary', () => {
  it('knows every emitted rule id, at the level it is emitted', async () => {
    const problems = new Set<string>()
    let findings = 0
    for (const dir of dirs) {
      for (const name of readdirSync(dir)) {
        const outcome = await parseReportAsync(new Uint8Array(readFileSync(new URL(name, dir))), name)
        if (!outcome.ok) continue
        for (const f of outcome.report.findings) {
          findings++
          const def = ruleDef(f.rule)
          if (!def) problems.add(`${f.rule}: not in the dictionary (${name})`)
          else if (!def.levels.includes(f.level)) problems.add(`${f.rule}: emitted as ${f.level}, dictionary says ${def.levels.join('/')} (${name})`)
        }
      }
    }
    expect(findings).toBeGreaterThan(50)
    expect([...problems].sort()).toEqual([])
  }, 120_000)
})
