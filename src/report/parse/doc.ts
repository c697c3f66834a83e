/**
 * The seam between input front-ends (docx-text, HTML, .docx, …) and the table extractor:
 * a document reduced to paragraphs and table rows in reading order.
 *
 * Front-ends that know the table structure (HTML, .docx, docx-text) emit `table` blocks whose rows
 * have rowspan/colspan already expanded (a spanned cell's text repeated in every grid slot it
 * covers, merged placeholders as ''). Front-ends that do not know it (a web page copied as text,
 * PDF text) emit `para` blocks, one per line, and the extractor falls back to label-anchored reading.
 */
export type Block =
  | { kind: 'para'; text: string }
  /** `continued[r][c]` marks a slot that only repeats a spanned cell (colspan/rowspan/vMerge); absent when no cell spans. */
  | { kind: 'table'; rows: string[][]; continued?: boolean[][] }

/** A table block, with its span flags only when some cell spans (see tableBlock). */
export function tableBlock(rows: string[][], continued: boolean[][]): Extract<Block, { kind: 'table' }> {
  return continued.some((row) => row.some(Boolean)) ? { kind: 'table', rows, continued } : { kind: 'table', rows }
}

/** Where the page says it lives and when it was published (HTML head, PDF metadata). */
export interface PageMeta {
  source_url?: string
  published_at?: string
}

export interface StructuredDoc {
  blocks: Block[]
  /** What the file's own metadata states, where its format has any. */
  page?: PageMeta
}
