/**
 * Publication timeliness: a report's published_at against the deadline of the Regulations
 * (31 January of the year after the report year) → reports.days_late and a `late` finding (info).
 * Built from two real 平潭 pages: the district's 2020 report (published 2021-03-05, late) and
 * 公安局 2019 (published 2020-01-17, on time).
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultEngines } from '../../scripts/build/engines'
import { daysLate, deadlineOf } from '~/build/timeliness'
import { buildInto, queryDb, removeTemps, ROOT, tempDir } from './helpers'

const SRC = join(ROOT, 'data/districts/pingtan')
let db: string

beforeAll(async () => {
  const data = tempDir('gov-late-')
  const dir = join(data, 'districts/pt')
  for (const f of ['reports/2020/平潭综合实验区2020.txt', 'reports/2019/公安局2019.txt']) {
    mkdirSync(join(dir, f, '..'), { recursive: true })
    cpSync(join(SRC, f), join(dir, f))
  }
  cpSync(join(SRC, 'units.csv'), join(dir, 'units.csv'))
  writeFileSync(join(dir, 'district.json'), JSON.stringify({ name: '平潭综合实验区', years: [2019, 2020] }))
  const { out } = await buildInto(data, defaultEngines)
  db = join(out, 'gov.duckdb')
}, 120_000)
afterAll(removeTemps)

describe('publication timeliness', () => {
  it('counts days after 31 January of the next year; 0 on time; null when the date is unknown', () => {
    expect(deadlineOf(2020)).toBe('2021-01-31')
    expect(daysLate(2020, '2021-01-31')).toBe(0)
    expect(daysLate(2020, '2021-01-05 09:00')).toBe(0)
    expect(daysLate(2020, '2021-02-01')).toBe(1)
    expect(daysLate(2023, '2024-03-01')).toBe(30) // 2024 is a leap year
    expect(daysLate(2020, null)).toBeNull()
    expect(daysLate(null, '2021-03-05')).toBeNull()
    expect(daysLate(2020, '2021年3月5日')).toBeNull()
  })

  it('writes reports.days_late and a late finding naming unit, year, date and deadline', async () => {
    const reports = await queryDb(db, `SELECT unit, "year", published_at, days_late FROM reports ORDER BY "year"`)
    expect(reports).toEqual([
      { unit: '平潭综合实验区公安局', year: 2019, published_at: '2020-01-17', days_late: 0 },
      { unit: '平潭综合实验区', year: 2020, published_at: '2021-03-05', days_late: 33 },
    ])
    const late = await queryDb(db, `SELECT unit, "year", level, expected, actual, message, message_en FROM findings WHERE rule = 'late'`)
    expect(late).toEqual([{
      unit: '平潭综合实验区', year: 2020, level: 'info', expected: '2021-01-31', actual: '2021-03-05',
      message: '平潭综合实验区 2020 年度报告发布于 2021-03-05，晚于法定期限 2021-01-31（逾期 33 天）',
      message_en: "平潭综合实验区's 2020 report was published on 2021-03-05, after the deadline 2021-01-31 (33 days late)",
    }])
  })
})
