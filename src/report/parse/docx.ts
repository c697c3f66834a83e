import { unzipSync } from 'fflate'
import { decodeBytes } from './decode'
import { tableBlock, type Block, type StructuredDoc } from './doc'
import { type MarkupElement, type MarkupNode, textContent } from './markup-tree'
import { parseXml } from './xml-tree'

/** Result of {@link docxToDoc}. */
export type DocxResult = { ok: true; doc: StructuredDoc } | { ok: false; reason: string; reason_en: string }

/** A document.xml larger than this (uncompressed) is refused: a report is a few hundred KB. */
const MAX_PART_BYTES = 64 * 1024 * 1024

/** Subtrees that hold no visible text of the current revision (deleted text, field codes, VML duplicates). */
const SKIPPED = new Set(['w:del', 'w:delText', 'w:moveFrom', 'w:instrText', 'mc:Fallback', 'w:pPr', 'w:rPr', 'w:sectPr'])

/**
 * Read a .docx (Office Open XML) into paragraphs and tables.
 *
 * - Each `w:p` is a `para` block (text of `w:t`; `w:tab` as a space; `w:br`/`w:cr` split it into
 *   several paragraphs, like `<br>` in HTML). Deleted revisions and field codes are skipped.
 * - Each `w:tbl` is a `table` block laid out on the table grid, same convention as `htmlToDoc`:
 *   a `w:gridSpan` cell's text is repeated in every column it covers, and a `w:vMerge` continue
 *   cell repeats the text of the cell above it (so vertical merges read like rowspan). Columns
 *   skipped by `w:gridBefore` are ''. Rows are not padded. Cell text = its paragraphs joined
 *   with '\n', lines trimmed.
 * - A table that contains tables is read as flow (its inner tables become blocks of their own).
 *
 * Bad zip, missing main document or unreadable XML → `ok: false` with a reason; never throws.
 */
export function docxToDoc(bytes: Uint8Array): DocxResult {
  let xmlBytes: Uint8Array
  try {
    const part = readMainPart(bytes)
    if (!part.ok) return part
    xmlBytes = part.bytes
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    return {
      ok: false,
      reason: `不是有效的 .docx 文件（zip 无法解压：${why}）`,
      reason_en: `Not a valid .docx file (the zip cannot be read: ${why})`,
    }
  }
  const decoded = decodeBytes(xmlBytes)
  if (!decoded.ok) {
    return { ok: false, reason: `.docx 正文 XML 无法解码：${decoded.reason}`, reason_en: `.docx body XML: ${decoded.reason_en}` }
  }
  const dom = parseXml(decoded.text)
  const body = findNamed(dom.children, 'w:body')
  if (!body) {
    return {
      ok: false,
      reason: '.docx 正文 XML 中没有 w:body（文件损坏或不是 Word 文档）',
      reason_en: 'The .docx body XML has no w:body (damaged file or not a Word document)',
    }
  }
  const blocks: Block[] = []
  readFlow(body.children, blocks)
  return { ok: true, doc: { blocks } }
}

type PartResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string; reason_en: string }

/** Unzip only the main document part: word/document.xml, or the target named in _rels/.rels. */
function readMainPart(zip: Uint8Array): PartResult {
  const tooBig: string[] = []
  const pick = (wanted: Set<string>) =>
    unzipSync(zip, {
      filter: (file) => {
        if (!wanted.has(file.name)) return false
        if (file.originalSize > MAX_PART_BYTES) tooBig.push(file.name)
        return file.originalSize <= MAX_PART_BYTES
      },
    })
  const files = pick(new Set(['word/document.xml', '_rels/.rels']))
  let main = files['word/document.xml']
  if (!main && files['_rels/.rels']) {
    const target = officeDocumentTarget(new TextDecoder().decode(files['_rels/.rels']))
    if (target) main = pick(new Set([target]))[target]
  }
  if (tooBig.length > 0) {
    return {
      ok: false,
      reason: `.docx 正文过大（${tooBig[0]} 解压后超过 64 MB）`,
      reason_en: `The .docx body is too large (${tooBig[0]} exceeds 64 MB uncompressed)`,
    }
  }
  if (!main) {
    return {
      ok: false,
      reason: '.docx 中没有 word/document.xml（不是 Word 文档，或文件损坏）',
      reason_en: 'The .docx has no word/document.xml (not a Word document, or damaged)',
    }
  }
  return { ok: true, bytes: main }
}

/** The officeDocument relationship target from _rels/.rels, as a zip path. */
function officeDocumentTarget(rels: string): string | null {
  const dom = parseXml(rels)
  const rel = findFirst(dom.children, isOfficeDocumentRelationship)
  const target = rel?.attribs['Target']
  return target ? target.replace(/^\//, '') : null
}

function isOfficeDocumentRelationship(el: MarkupElement): boolean {
  return el.name === 'Relationship' && (el.attribs['Type'] ?? '').endsWith('/officeDocument')
}

/*
 * The walkers below are module-level recursive functions rather than closures made per call:
 * under tsx (bench:parse, the data build) every function expression created at run time is
 * also wrapped by a naming helper, which cost more than the walk itself.
 */

/** Body-level flow: paragraphs, tables, and containers (w:sdt, w:customXml, …) walked through. */
function readFlow(nodes: readonly MarkupNode[], blocks: Block[]): void {
  for (const node of nodes) {
    if (typeof node === 'string' || SKIPPED.has(node.name)) continue
    if (node.name === 'w:p') readParagraph(node, blocks)
    else if (node.name === 'w:tbl') readTable(node, blocks)
    else readFlow(node.children, blocks)
  }
}

function readParagraph(p: MarkupElement, blocks: Block[]): void {
  const text = paragraphText(p)
  if (!text.includes('\n')) pushParagraph(text, blocks)
  else for (const line of text.split('\n')) pushParagraph(line, blocks)
  // Text boxes anchored in the paragraph hold paragraphs (even tables) of their own.
  for (const box of visibleDescendants(p, 'w:txbxContent')) readFlow(box.children, blocks)
}

function pushParagraph(line: string, blocks: Block[]): void {
  const text = tidy(line)
  if (text) blocks.push({ kind: 'para', text })
}

/** Visible text of a paragraph: w:t, tabs as spaces, breaks as '\n'. */
function paragraphText(p: MarkupElement): string {
  return runText(p.children)
}

function runText(nodes: readonly MarkupNode[]): string {
  let out = ''
  for (const node of nodes) {
    if (typeof node === 'string' || SKIPPED.has(node.name)) continue
    switch (node.name) {
      case 'w:t':
        out += textContent(node)
        break
      case 'w:tab':
      case 'w:ptab':
        out += ' '
        break
      case 'w:br':
      case 'w:cr':
        out += '\n'
        break
      case 'w:noBreakHyphen':
        out += '-'
        break
      case 'w:txbxContent':
        break // read as flow by readParagraph
      default:
        out += runText(node.children)
    }
  }
  return out
}

function readTable(tbl: MarkupElement, blocks: Block[]): void {
  const rows = descendantsNamed(tbl, 'w:tr', 'w:tbl')
  const cellsOf: MarkupElement[][] = []
  let holdsTable = false
  for (const tr of rows) {
    const cells = descendantsNamed(tr, 'w:tc', 'w:tbl')
    cellsOf.push(cells)
    for (const tc of cells) if (!holdsTable && findNamed(tc.children, 'w:tbl')) holdsTable = true
  }
  if (holdsTable) {
    for (const cells of cellsOf) for (const tc of cells) readFlow(tc.children, blocks)
    return
  }
  const grid: string[][] = []
  const continued: boolean[][] = []
  for (let r = 0; r < rows.length; r++) {
    const tr = rows[r]!
    const row: string[] = []
    const cont: boolean[] = []
    const gridBefore = intVal(propOf(tr, 'w:trPr', 'w:gridBefore'), 0)
    for (let i = 0; i < gridBefore; i++) {
      row.push('')
      cont.push(true)
    }
    for (const tc of cellsOf[r]!) {
      const c = row.length
      const span = Math.min(Math.max(intVal(propOf(tc, 'w:tcPr', 'w:gridSpan'), 1), 1), 100)
      const vMerge = propOf(tc, 'w:tcPr', 'w:vMerge')
      const hMerge = propOf(tc, 'w:tcPr', 'w:hMerge')
      let text: string
      let merged = true
      if (vMerge && mergeVal(vMerge) === 'continue') text = grid[r - 1]?.[c] ?? ''
      else if (hMerge && mergeVal(hMerge) === 'continue') text = row[c - 1] ?? ''
      else {
        text = cellText(tc)
        merged = false
      }
      for (let k = 0; k < span; k++) {
        row.push(text)
        cont.push(merged || k > 0)
      }
    }
    grid.push(row)
    continued.push(cont)
  }
  const kept: string[][] = []
  const keptCont: boolean[][] = []
  for (let r = 0; r < grid.length; r++) {
    if (grid[r]!.length === 0) continue
    kept.push(grid[r]!)
    keptCont.push(continued[r]!)
  }
  if (kept.length > 0) blocks.push(tableBlock(kept, keptCont))
}

/** A cell's paragraphs' lines, tidied, blank ones dropped, joined with '\n'. */
function cellText(tc: MarkupElement): string {
  // A loop rather than flatMap/map/filter/join: this runs for every cell of every table.
  let text = ''
  for (const p of visibleDescendants(tc, 'w:p')) {
    const lines = paragraphText(p)
    if (!lines.includes('\n')) text = appendLine(text, lines)
    else for (const line of lines.split('\n')) text = appendLine(text, line)
  }
  return text
}

/** `text` with `line` tidied and appended on a line of its own, unless it is blank. */
function appendLine(text: string, line: string): string {
  const tidied = tidy(line)
  if (tidied === '') return text
  return text === '' ? tidied : `${text}\n${tidied}`
}

/** Elements named `name` below `root`, in order, not descending into `stop` elements (nested tables). */
function descendantsNamed(root: MarkupElement, name: string, stop: string): MarkupElement[] {
  const found: MarkupElement[] = []
  collectNamed(root.children, name, stop, found)
  return found
}

function collectNamed(nodes: readonly MarkupNode[], name: string, stop: string, found: MarkupElement[]): void {
  for (const node of nodes) {
    if (typeof node === 'string' || node.name === stop || SKIPPED.has(node.name)) continue
    if (node.name === name) found.push(node)
    else collectNamed(node.children, name, stop, found)
  }
}

/**
 * Every element named `name` below `root` (also those inside a match, e.g. a text box's
 * paragraphs inside a paragraph), in document order, except those under a skipped subtree.
 */
function visibleDescendants(root: MarkupElement, name: string): MarkupElement[] {
  const found: MarkupElement[] = []
  collectVisible(root.children, name, found)
  return found
}

function collectVisible(nodes: readonly MarkupNode[], name: string, found: MarkupElement[]): void {
  for (const node of nodes) {
    if (typeof node === 'string' || SKIPPED.has(node.name)) continue
    if (node.name === name) found.push(node)
    collectVisible(node.children, name, found)
  }
}

/** First element named `name` (document order, any depth, skipped subtrees included). */
function findNamed(nodes: readonly MarkupNode[], name: string): MarkupElement | undefined {
  for (const node of nodes) {
    if (typeof node === 'string') continue
    if (node.name === name) return node
    const inner = findNamed(node.children, name)
    if (inner) return inner
  }
  return undefined
}

/** First element (document order, any depth, skipped subtrees included) that satisfies `test`. */
function findFirst(nodes: readonly MarkupNode[], test: (el: MarkupElement) => boolean): MarkupElement | undefined {
  for (const node of nodes) {
    if (typeof node === 'string') continue
    if (test(node)) return node
    const inner = findFirst(node.children, test)
    if (inner) return inner
  }
  return undefined
}

/** The element `<props><prop/></props>` directly under `el`, e.g. w:tcPr/w:gridSpan. */
function propOf(el: MarkupElement, props: string, prop: string): MarkupElement | undefined {
  return childNamed(childNamed(el, props), prop)
}

function childNamed(el: MarkupElement | undefined, name: string): MarkupElement | undefined {
  if (!el) return undefined
  for (const child of el.children) if (typeof child !== 'string' && child.name === name) return child
  return undefined
}

function intVal(el: MarkupElement | undefined, fallback: number): number {
  const n = Number.parseInt(el?.attribs['w:val'] ?? '', 10)
  return Number.isFinite(n) ? n : fallback
}

/** w:vMerge / w:hMerge without w:val means "continue" (ECMA-376 §17.4.85). */
function mergeVal(el: MarkupElement): 'restart' | 'continue' {
  return el.attribs['w:val'] === 'restart' ? 'restart' : 'continue'
}

/** Whitespace runs (including NBSP and ideographic space) → one space, trimmed. */
function tidy(text: string): string {
  return text.replace(SPACE_RUN, ' ').trim()
}

const SPACE_RUN = /\s+/g
