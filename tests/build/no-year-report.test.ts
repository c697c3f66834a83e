/**
 * A real report that prints no year (the official .docx template, corpus c029), placed where no
 * folder gives one either: the build must publish it with an empty year and a year_unknown
 * finding — never stop on it (the by-name row writer once refused its cells' empty year).
 */
import { cpSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultEngines } from '../../scripts/build/engines'
import { buildInto, queryDb, removeTemps, ROOT, tempDir } from './helpers'

afterAll(removeTemps)

describe('a report with no year from its text or its folder', () => {
  it('is built: report and cells with an empty year, and a year_unknown finding', async () => {
    const data = tempDir('gov-noyear-')
    const district = join(data, 'districts', 'hulan')
    cpSync(join(ROOT, 'data/districts/hulan'), district, { recursive: true })
    mkdirSync(join(district, 'reports'), { recursive: true })
    cpSync(join(ROOT, 'tests/corpus/raw/c029.docx'), join(district, 'reports', 'c029.docx'))

    const { out, result } = await buildInto(data, defaultEngines)
    expect(result.districts.map((d) => d.id)).toContain('hulan')
    const db = join(out, 'gov.duckdb')
    const reports = await queryDb(db, "SELECT report_id, year FROM reports WHERE file LIKE '%c029.docx'")
    expect(reports).toHaveLength(1)
    expect(reports[0]!.year).toBeNull()
    const cells = await queryDb(db, `SELECT count(*)::INT AS n, count(year)::INT AS with_year FROM cells WHERE report_id = ${Number(reports[0]!.report_id)}`)
    expect(cells[0]!.n).toBeGreaterThan(0)
    expect(cells[0]!.with_year).toBe(0)
    const findings = await queryDb(db, `SELECT rule FROM findings WHERE report_id = ${Number(reports[0]!.report_id)}`)
    expect(findings.map((f) => f.rule)).toContain('year_unknown')
  }, 120_000)
})
