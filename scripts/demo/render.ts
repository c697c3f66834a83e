import { reportBlocks, renderReport, type RenderTarget, type ReportRecord } from './renderings'
import { renderHtml } from './renderings/html'
import type { Rng } from './prng'
import type { DemoReport } from './reports'

/** The renderings a demo report may take, with the file extension each is published under. */
export const EXTENSIONS: Partial<Record<RenderTarget, string>> = {
  'docx-text': 'txt',
  html: 'html',
  docx: 'docx',
  pipe: 'txt',
  markdown: 'md',
  lines: 'txt',
}

/** Default mix: mostly Word files and web pages, as government sites publish them; a few plain-text copies. */
export const DEFAULT_MIX: Partial<Record<RenderTarget, number>> = { 'docx-text': 30, html: 25, docx: 20, pipe: 10, markdown: 8, lines: 7 }

/** Pick a rendering by weight (entries in a fixed order, so the draw is deterministic). */
export function pickRendering(rng: Rng, mix: Partial<Record<RenderTarget, number>>): RenderTarget {
  const entries = (Object.keys(EXTENSIONS) as RenderTarget[]).filter((r) => (mix[r] ?? 0) > 0).map((r) => [r, mix[r]!] as const)
  if (entries.length === 0) throw new Error(`demo: no usable rendering in ${JSON.stringify(mix)}; choose from ${Object.keys(EXTENSIONS).join(', ')}`)
  let x = rng.float() * entries.reduce((a, [, w]) => a + w, 0)
  for (const [r, w] of entries) if ((x -= w) < 0) return r
  return entries[entries.length - 1]![0]
}

function recordOf(report: DemoReport): ReportRecord {
  return {
    unit: report.printedName,
    year: report.year,
    format: report.format,
    claimedFormat: report.claimed,
    cells: report.cells,
    prose: report.prose,
  }
}

/**
 * The bytes of one report file. A tables_missing report is the HTML page with its table blocks
 * left out — how a page looks when its tables were images or got stripped (variation “tables missing” in docs/formats.md).
 */
export function renderDemoReport(report: DemoReport, rendering: RenderTarget): Uint8Array {
  const record = recordOf(report)
  if (!report.tablesMissing) return renderReport(record, rendering)
  return new TextEncoder().encode(renderHtml(record, reportBlocks(record).filter((b) => b.kind !== 'table')))
}
