import type { Rendering } from '../types'
import type { StructuredDoc } from './doc'
import { docxTextToDoc } from './text-docx'
import { linesToDoc, pdfTextToDoc } from './text-lines'
import { pipeTextToDoc } from './text-pipe'

/** The text layouts (docs/parse-contract.md, “Input”; renderings a, b, c, f, g). */
export type TextRendering = Extract<Rendering, 'docx-text' | 'lines' | 'pipe' | 'pdf-text' | 'glued'>

/** docx-text: one cell per line, a single leading tab. */
const TAB_CELL = /^\t[^\t]*$/
const PIPE_LINE = /\|/
/** A row copied from a browser table: cells separated by tabs after some content (not docx-text's leading tab). */
const TAB_ROW = /^[^\t]+\t|\t.*\t/
/** A line ending in three or more space-separated numeric tokens: PDF text (variation “stacked PDF headers” in docs/formats.md). */
const PDF_NUMBERS = /(?:^|[\s\u00a0])[-+]?\d+(?:\.\d+)?(?:[\s\u00a0\u3000]+(?:[-+]?\d+(?:\.\d+)?|[-—/]|无)){2,}\s*$/
/** A Chinese label with a run of 3+ digits glued to its end and no separator (layout g). */
const GLUED = /[\u4e00-\u9fff）)”"][0-9]{3,}$/

/**
 * Decides the layout of a text rendering by counting tell-tale lines. Thresholds are small
 * counts, not ratios, because body prose dominates every report.
 */
export function detectTextLayout(lines: readonly string[]): TextRendering {
  let tab = 0
  let pipe = 0
  let pdf = 0
  let glued = 0
  for (const line of lines) {
    if (TAB_CELL.test(line)) tab++
    else if (PIPE_LINE.test(line) || TAB_ROW.test(line)) {
      pipe++
      continue
    }
    if (PDF_NUMBERS.test(line)) pdf++
    else if (GLUED.test(line.trimEnd())) glued++
  }
  if (tab >= 10 && tab >= pipe) return 'docx-text'
  if (pipe >= 5) return 'pipe'
  if (pdf >= 3) return 'pdf-text'
  if (glued >= 3) return 'glued'
  return 'lines'
}

/** Converts text in a known layout into the shared block form. */
export function textToDoc(lines: readonly string[], rendering: TextRendering): StructuredDoc {
  switch (rendering) {
    case 'docx-text':
      return docxTextToDoc(lines)
    case 'pipe':
      return pipeTextToDoc(lines)
    case 'pdf-text':
      return pdfTextToDoc(lines)
    case 'glued':
    case 'lines':
      return linesToDoc(lines)
  }
}
