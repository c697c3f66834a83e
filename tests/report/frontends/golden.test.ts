/**
 * Golden files for the front-end fixtures (enc-*, html-*, docx-* in tests/fixtures/reports/);
 * workflow in tests/util/golden.ts.
 */
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { expectGolden, reportsDir } from '../../util/golden'

const mine = readdirSync(reportsDir)
  .filter((name) => /^(enc|html|docx)-/.test(name))
  .sort()

describe('front-end fixtures match their golden JSON', () => {
  it('has fixtures to check', () => {
    expect(mine.length).toBeGreaterThanOrEqual(9)
  })

  it.each(mine)('%s', (name) => expectGolden(name))
})
