/**
 * Golden files for the text layouts: tests/fixtures/reports/text-*.txt → tests/fixtures/expected/
 * <name>.json (the full ParseResult). A missing expectation is generated locally but fails in CI;
 * a mismatch writes <name>-changed.json (git-ignored) for review and fails.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport } from '~/report/parse'

const reportsDir = new URL('../../fixtures/reports/', import.meta.url)
const expectedDir = new URL('../../fixtures/expected/', import.meta.url)
const names = readdirSync(reportsDir).filter((f) => /^text-.*\.txt$/.test(f)).sort()

describe('golden parse results of the text layouts', () => {
  it('has fixtures for every text layout', () => {
    expect(names.length).toBeGreaterThanOrEqual(10)
  })

  for (const file of names) {
    it(file, () => {
      const outcome = parseReport(new Uint8Array(readFileSync(new URL(file, reportsDir))), file)
      if (!outcome.ok) throw new Error(outcome.error)
      const actual = JSON.stringify(outcome.report, null, 2) + '\n'
      const base = file.replace(/\.[^.]+$/, '')
      const expectedFile = new URL(`${base}.json`, expectedDir)
      const changedFile = new URL(`${base}-changed.json`, expectedDir)
      if (!existsSync(expectedFile)) {
        if (process.env.CI) throw new Error(`missing golden file tests/fixtures/expected/${base}.json (generate it locally)`)
        mkdirSync(expectedDir, { recursive: true })
        writeFileSync(expectedFile, actual)
        console.warn(`! generated tests/fixtures/expected/${base}.json`)
        return
      }
      const expected = readFileSync(expectedFile, 'utf8')
      if (actual !== expected) {
        writeFileSync(changedFile, actual)
        expect.fail(`${file}: output differs from tests/fixtures/expected/${base}.json; see ${base}-changed.json`)
      }
    })
  }
})
