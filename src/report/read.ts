/**
 * Reading a report = parsing it (src/report/parse) and checking it (src/report/validate). The two
 * are joined here, one level above both, so the parser never depends on the validator (a layer
 * rule in .dependency-cruiser.cjs). Every caller that wants a report as the project publishes it —
 * the parse CLI, the data build, the draft check, the golden files — reads it through this file.
 *
 * The functions keep the parser's names and signatures; only the findings differ: the parser's
 * own, then the within-report rules (A1–A11, F1–F3, total_blank).
 */
import { parseReport as parseReportOnly, parseReportAsync as parseReportAsyncOnly, parseText as parseTextOnly } from './parse/index'
import { unitKindOf } from './parse/unit-kind'
import type { Finding, ParseOutcome, ParseResult } from './types'
import { validateReport } from './validate/index'

export type { DocInfo } from './parse/index'

/**
 * The within-report rules' findings for a report's cells, as {@link checkReport} adds them. The draft
 * check calls it again with one cell changed, to see which change makes the rules hold.
 */
export function reportRuleFindings(report: Pick<ParseResult, 'meta' | 'cells' | 'prose'>): Finding[] {
  const { meta, cells, prose } = report
  return validateReport({ meta, cells, prose }, { unitKind: unitKindOf(meta.unit) })
}

/** Appends the within-report rules' findings to a parsed report (in place) and returns it. */
export function checkReport(report: ParseResult): ParseResult {
  report.findings.push(...reportRuleFindings(report))
  return report
}

function checkOutcome(outcome: ParseOutcome): ParseOutcome {
  if (outcome.ok) checkReport(outcome.report)
  return outcome
}

/** {@link parseTextOnly} plus the validator's findings. */
export function parseText(text: string, fileName: string, info: { encoding?: string; traditional?: boolean } = {}): ParseResult {
  return checkReport(parseTextOnly(text, fileName, info))
}

/** {@link parseReportOnly} plus the validator's findings. Never throws. */
export function parseReport(bytes: Uint8Array, fileName: string): ParseOutcome {
  return checkOutcome(parseReportOnly(bytes, fileName))
}

/** {@link parseReportAsyncOnly} (PDF and .doc too) plus the validator's findings. Never throws. */
export async function parseReportAsync(bytes: Uint8Array, fileName: string): Promise<ParseOutcome> {
  return checkOutcome(await parseReportAsyncOnly(bytes, fileName))
}
