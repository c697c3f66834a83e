/**
 * Golden files for the text layouts: tests/fixtures/reports/text-*.txt → tests/fixtures/expected/
 * <name>.json (the full ParseResult); workflow in tests/util/golden.ts.
 */
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { expectGolden, reportsDir } from '../../util/golden'

const names = readdirSync(reportsDir).filter((f) => /^text-.*\.txt$/.test(f)).sort()

describe('golden parse results of the text layouts', () => {
  it('has fixtures for every text layout', () => {
    expect(names.length).toBeGreaterThanOrEqual(10)
  })

  for (const file of names) it(file, () => expectGolden(file))
})
