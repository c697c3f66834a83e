import { keysOf, type FormatId } from '~/report/model'
import { unitKindOf } from '~/report/parse/unit-kind'
import type { ParseOutcome, ParseResult } from '~/report/types'
import { validateReport } from '~/report/validate'

/** The compact fixture description of a parse result (tests/fixtures/districts/README.md). */
interface FixtureSpec {
  unit?: string | null
  year?: number | null
  format?: FormatId
  cells?: Record<string, number | null>
  prose?: ParseResult['prose']
  error?: string
  error_en?: string
}

/**
 * A stand-in for parseReport over fixture JSON: every cell of the format is located with 0 unless
 * overridden, so the fixture states only what the test is about; findings from the real validator.
 */
export function fakeParse(bytes: Uint8Array, fileName: string): ParseOutcome {
  const spec = JSON.parse(new TextDecoder().decode(bytes)) as FixtureSpec
  if (spec.error) return { ok: false, error: spec.error, error_en: spec.error_en ?? spec.error }
  const format = spec.format ?? 'gov2021'
  const cells: Record<string, number | null> = Object.fromEntries(keysOf(format).map((k) => [k, 0]))
  Object.assign(cells, spec.cells ?? {})
  const report: ParseResult = {
    meta: {
      unit: spec.unit ?? null,
      year: spec.year ?? null,
      format,
      format_claimed: format,
      format_sections: { active: format, apply: format },
      period_year: spec.year ?? null,
      file: fileName,
      rendering: 'docx-text',
      encoding: 'utf-8',
      traditional: false,
      sections_found: ['sec.overview', 'sec.active', 'sec.apply', 'sec.appeal', 'sec.problems', 'sec.other'],
    },
    cells,
    cell_notes: {},
    prose: spec.prose ?? {},
    findings: [],
  }
  // Like parseReport: the report rules run with the unit kind guessed from the printed name.
  report.findings = validateReport(report, { unitKind: unitKindOf(report.meta.unit) })
  return { ok: true, report }
}
