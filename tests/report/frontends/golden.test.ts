/**
 * Golden files for the front-end fixtures (enc-*, html-*, docx-* in tests/fixtures/reports/):
 * parseReport's output must equal tests/fixtures/expected/<name without extension>.json.
 * After an intended change, review the diff and regenerate: UPDATE_GOLDEN=1 npx vitest run tests/report/frontends/golden.test.ts
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport } from '~/report/parse'

const reportsDir = new URL('../../fixtures/reports/', import.meta.url)
const expectedDir = new URL('../../fixtures/expected/', import.meta.url)
const update = process.env['UPDATE_GOLDEN'] === '1'
const mine = readdirSync(reportsDir)
  .filter((name) => /^(enc|html|docx)-/.test(name))
  .sort()

/** The full ParseResult as JSON text: the same golden format as tests/report/parse/golden.test.ts. */
function goldenOf(name: string): string {
  const outcome = parseReport(new Uint8Array(readFileSync(new URL(name, reportsDir))), name)
  const value = outcome.ok ? outcome.report : { error: outcome.error, error_en: outcome.error_en }
  return JSON.stringify(value, null, 2) + '\n'
}

describe('front-end fixtures match their golden JSON', () => {
  it('has fixtures to check', () => {
    expect(mine.length).toBeGreaterThanOrEqual(9)
  })

  it.each(mine)('%s', (name) => {
    const file = new URL(`${name.replace(/\.[^.]+$/, '')}.json`, expectedDir)
    const actual = goldenOf(name)
    if (update) {
      mkdirSync(expectedDir, { recursive: true })
      writeFileSync(file, actual)
    }
    expect(existsSync(file), `missing golden ${file.pathname}; run with UPDATE_GOLDEN=1`).toBe(true)
    expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(file, 'utf8')))
  })
})
