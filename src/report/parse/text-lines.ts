import type { Block, StructuredDoc } from './doc'
import { stripArtefacts, trimAll } from './text-norm'

/**
 * Layouts b and g: one cell per line (a web page copied as text, or cells glued without
 * separators). Each non-empty line is a paragraph; the extractor anchors rows on labels. Empty
 * lines carry no cell (empty cells vanished when the page was flattened, variation “vanished empty cells” in docs/formats.md).
 */
export function linesToDoc(lines: readonly string[]): StructuredDoc {
  const blocks: Block[] = []
  for (const rawLine of lines) {
    const text = trimAll(stripArtefacts(rawLine))
    if (text !== '') blocks.push({ kind: 'para', text })
  }
  return { blocks }
}

/** Page furniture of PDF text: "- 3 -", "第 3 页", "第3页 共5页". Never table cells. */
const PAGE_NUMBER = /^(?:[-–—]\s*\d{1,3}\s*[-–—]|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?)$/

const NUMERIC_TOKEN = /^[-+]?\d[\d,]*(?:\.\d+)?(?:万元|元|件|个|项|次)?$|^[-—–/]$|^无$/

/**
 * Layout f: PDF-extracted text. Table structure is lost (variation “stacked PDF headers” in docs/formats.md): a line holds a label and then its
 * numbers separated by spaces. Each line becomes its label text (runs of non-numeric tokens) and
 * one paragraph per numeric token, so the label-anchored reader sees the same cell stream as in
 * layout b. Heading-like lines stay whole so section detection still sees them.
 */
export function pdfTextToDoc(lines: readonly string[]): StructuredDoc {
  const blocks: Block[] = []
  for (const rawLine of lines) {
    const text = trimAll(stripArtefacts(rawLine))
    if (text === '' || PAGE_NUMBER.test(text)) continue
    const tokens = text.split(/[\s\u00a0\u3000]+/)
    // Only lines that end in a number are table lines; prose such as "收到 5 件申请" stays whole.
    if (!NUMERIC_TOKEN.test(tokens[tokens.length - 1]!)) {
      blocks.push({ kind: 'para', text })
      continue
    }
    let label: string[] = []
    for (const token of tokens) {
      if (NUMERIC_TOKEN.test(token)) {
        if (label.length > 0) blocks.push({ kind: 'para', text: label.join(' ') })
        label = []
        blocks.push({ kind: 'para', text: token })
      } else label.push(token)
    }
    if (label.length > 0) blocks.push({ kind: 'para', text: label.join(' ') })
  }
  return { blocks }
}
