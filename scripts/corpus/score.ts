/**
 * Scores the parser against a folder of real reports with the cells a careful reader takes from
 * each (tests/corpus layout: raw/<id>.<ext> + expected/<id>.json). One scoring rule for the
 * `npm run corpus` report and the corpus test: an expected key must come out with exactly that
 * value (`null` = printed blank); an absent expected key is not scored.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseReportAsync } from '../../src/report/read'
import type { ParseResult } from '../../src/report/types'
import { stripBodySuffix } from '../../src/report/unit-name'

export interface ExpectedReport {
  file: string
  unit: string | null
  year: number | null
  format?: string
  cells: Record<string, number | null>
  ambiguous?: string[]
  report_breaks?: string[]
}

export interface WrongCell {
  key: string
  expected: number | null
  actual: number | null
}

export interface FileScore {
  id: string
  file: string
  /** null when the file could not be read at all. */
  error: string | null
  expected: number
  right: number
  wrong: WrongCell[]
  missing: string[]
  /** Cells the parser gave that the ground truth does not score (absent or ambiguous there). */
  unscored: number
  unit: { expected: string | null; actual: string | null; ok: boolean }
  year: { expected: number | null; actual: number | null; ok: boolean }
  format: { expected: string | null; actual: string | null }
  report: ParseResult | null
}

/** The unit as the ground truth names it, without the annotator's parenthetical remarks. */
export function expectedUnitName(unit: string | null): string | null {
  if (unit === null) return null
  const head = unit.replace(/\s*[(（][^)）]*[)）]\s*$/, '').trim()
  return head === '' ? null : head
}

/**
 * The expected unit names a unit the way the report names itself; an extra 人民政府/办事处 ending
 * on either side is the same unit. Where the ground truth has a remark (`审计局 (… 我局 …)`) the
 * head name is what is compared.
 */
export function sameUnit(expected: string | null, actual: string | null): boolean {
  const e = expectedUnitName(expected)
  if (e === null) return true // not scored: the text does not say
  if (actual === null) return false
  return stripBodySuffix(e) === stripBodySuffix(actual)
}

export function scoreReport(id: string, exp: ExpectedReport, report: ParseResult | null, error: string | null): FileScore {
  const cells = report?.cells ?? {}
  const wrong: WrongCell[] = []
  const missing: string[] = []
  let right = 0
  for (const [key, value] of Object.entries(exp.cells)) {
    if (!(key in cells)) missing.push(key)
    else if (cells[key] === value) right++
    else wrong.push({ key, expected: value, actual: cells[key] ?? null })
  }
  const unscored = Object.keys(cells).filter((k) => !(k in exp.cells)).length
  const actualUnit = report?.meta.unit ?? null
  const actualYear = report?.meta.year ?? null
  return {
    id,
    file: exp.file,
    error,
    expected: Object.keys(exp.cells).length,
    right,
    wrong,
    missing,
    unscored,
    unit: { expected: expectedUnitName(exp.unit), actual: actualUnit, ok: sameUnit(exp.unit, actualUnit) },
    year: { expected: exp.year, actual: actualYear, ok: exp.year === null || exp.year === actualYear },
    format: { expected: exp.format ?? null, actual: report?.meta.format ?? null },
    report,
  }
}

/**
 * Parses and scores every `expected/*.json` of a corpus folder against its `raw/` file, one file
 * after the other (async: PDFs are read with pdf.js).
 */
export async function scoreCorpus(dir: string): Promise<FileScore[]> {
  const ids = readdirSync(join(dir, 'expected'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort()
  const scores: FileScore[] = []
  for (const id of ids) {
    const exp = JSON.parse(readFileSync(join(dir, 'expected', `${id}.json`), 'utf8')) as ExpectedReport
    const bytes = new Uint8Array(readFileSync(join(dir, 'raw', exp.file)))
    const outcome = await parseReportAsync(bytes, exp.file)
    scores.push(outcome.ok ? scoreReport(id, exp, outcome.report, null) : scoreReport(id, exp, null, outcome.error_en))
  }
  return scores
}

export interface CorpusTotals {
  files: number
  expected: number
  right: number
  wrong: number
  missing: number
  unitOk: number
  yearOk: number
  unreadable: number
}

export function totalsOf(scores: FileScore[]): CorpusTotals {
  const sum = (f: (s: FileScore) => number): number => scores.reduce((n, s) => n + f(s), 0)
  return {
    files: scores.length,
    expected: sum((s) => s.expected),
    right: sum((s) => s.right),
    wrong: sum((s) => s.wrong.length),
    missing: sum((s) => s.missing.length),
    unitOk: sum((s) => (s.unit.ok ? 1 : 0)),
    yearOk: sum((s) => (s.year.ok ? 1 : 0)),
    unreadable: sum((s) => (s.error === null ? 0 : 1)),
  }
}
