import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ruleDef } from '~/report/validate/rules'
import { buildInto, FIXTURE_DATA, queryDb, removeTemps } from './helpers'

afterAll(removeTemps)

let db: string
beforeAll(async () => {
  const built = await buildInto(FIXTURE_DATA)
  db = join(built.out, 'gov.duckdb')
})

/**
 * Every expected unit-year without a report is in the findings list: not_published (warn, the
 * unit's failure) or not_collected (info, we lack the file). Issue 10 item 9.
 */
describe('findings for missing unit-years', () => {
  it('emits exactly one not_published or not_collected finding per expected unit-year without a report', async () => {
    const gaps = await queryDb(db, `SELECT district, unit, year, status FROM coverage WHERE status IN ('not_collected', 'not_published') ORDER BY ALL`)
    const found = await queryDb(db, `SELECT district, unit, year, rule AS status FROM findings WHERE rule IN ('not_collected', 'not_published') ORDER BY ALL`)
    expect(gaps.length).toBeGreaterThan(1)
    expect(found).toEqual(gaps)
  })

  it('gives not_collected the info level with a message saying we lack the file, not_published warn', async () => {
    const rows = await queryDb(db, `SELECT rule, level, message, message_en, report_id FROM findings WHERE rule IN ('not_collected', 'not_published')`)
    for (const r of rows) {
      expect(r.report_id).toBeNull()
      expect(r.level).toBe(r.rule === 'not_published' ? 'warn' : 'info')
      if (r.rule === 'not_collected') {
        expect(r.message).toContain('未收录')
        expect(r.message_en).toContain('not the unit')
      }
    }
    expect(ruleDef('not_collected')?.level).toBe('info')
  })
})
