import type { FormatId } from '~/report/model/types'
import type { ReportProse } from '~/report/types'

/** What a renderer draws: one unit's report of one year, with its cells and optional prose. */
export interface ReportRecord {
  unit: string
  year: number
  /** The table format drawn. */
  format: FormatId
  /** The format the preamble cites (〔2021〕30号 / 〔2019〕60号); defaults to `format` (F2 tests set the other). */
  claimedFormat?: FormatId | null
  /** Cell values by key; null or a missing key draws a blank cell. */
  cells: Readonly<Record<string, number | null>>
  /** Section 一/五/六 text; paragraphs separated by "\n". Missing sections get a sentence derived from the cells. */
  prose?: ReportProse
}

/** The renderings of docs/parse-contract.md, “Input” / the parser's `Rendering` values (minus 'none'). */
export type RenderTarget = 'docx-text' | 'lines' | 'pipe' | 'markdown' | 'html' | 'docx' | 'pdf-text' | 'glued'

export const RENDER_TARGETS: readonly RenderTarget[] = ['docx-text', 'lines', 'pipe', 'markdown', 'html', 'docx', 'pdf-text', 'glued']

export interface RenderOptions {
  /** `lines` only: leave out empty cells entirely, as a web page flattened to text does (variation “vanished empty cells” in docs/formats.md). */
  dropEmpty?: boolean
}
