/**
 * The parser's entry points: a file's bytes or text → meta, cells, cell notes, prose and the
 * parse's own findings. The validator's rules are not run here (the parser does not depend on the
 * validator); src/report/read.ts offers the same functions with them — use that one unless you
 * want the reading alone.
 */
import type { ParseOutcome, ParseResult } from '../types'
import { decodeBytes } from './decode'
import { docxToDoc } from './docx'
import { htmlToDoc } from './html'
import { badBytesFindings } from './input-findings'
import { parseDoc } from './parse-doc'
import { magicKind, sniffFile } from './sniff'
import { detectTextLayout, textToDoc } from './text-layout'
import { tokensOfLines } from './tokens'
import { toSimplified } from './traditional'

export { parseDoc, type DocInfo } from './parse-doc'

/**
 * Parses report text (already decoded and, if needed, converted to simplified script) in any of
 * the text layouts: docx-text, one cell per line, `|` rows, PDF text, glued cells.
 */
export function parseText(text: string, fileName: string, info: { encoding?: string; traditional?: boolean } = {}): ParseResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const rendering = detectTextLayout(lines)
  return parseDoc(
    textToDoc(lines, rendering),
    { file: fileName, rendering, encoding: info.encoding ?? 'utf-8', traditional: info.traditional ?? false },
    // Tables are read from the lines themselves, whatever their layout.
    tokensOfLines(lines),
  )
}

/**
 * Parses one report file of any supported kind (.txt in any layout and common encoding, .html,
 * .docx). Never throws: a file that cannot be read or is not a report gives `ok: false` with a
 * one-line reason naming the file.
 */
export function parseReport(bytes: Uint8Array, fileName: string): ParseOutcome {
  try {
    return parseBytes(bytes, fileName)
  } catch (e) {
    // A bug must not take a whole batch down; the message still names the file.
    const why = e instanceof Error ? e.message : String(e)
    return { ok: false, error: `${fileName}：解析失败（${why}）`, error_en: `${fileName}: parse failed (${why})` }
  }
}

function parseBytes(bytes: Uint8Array, fileName: string): ParseOutcome {
  const sniffed = sniffFile(bytes, fileName)
  const kind = sniffed.kind
  const fail = (zh: string, en: string): ParseOutcome => ({ ok: false, error: `${fileName}：${zh}`, error_en: `${fileName}: ${en}` })
  let report: ParseResult
  switch (kind) {
    case 'empty':
      return fail('文件为空', 'the file is empty')
    case 'binary':
      return fail('不是文本、HTML 或 .docx 文件（二进制内容）', 'not a text, HTML or .docx file (binary content)')
    case 'pdf':
      return fail('不支持 PDF 文件，请先提取文本', 'PDF files are not supported; extract the text first')
    case 'doc':
      return fail('不支持旧版 Word .doc 文件，请另存为 .docx', 'legacy Word .doc files are not supported; save as .docx')
    case 'docx': {
      const docx = docxToDoc(bytes)
      if (!docx.ok) return fail(docx.reason, docx.reason_en)
      const simplified = simplifyDoc(docx.doc)
      report = parseDoc(simplified.doc, { file: fileName, rendering: 'docx', encoding: 'docx', traditional: simplified.converted })
      break
    }
    case 'html':
    case 'text': {
      const decoded = sniffed.decoded ?? decodeBytes(bytes)
      if (!decoded.ok) return fail(decoded.reason, decoded.reason_en)
      if (decoded.text.trim() === '') return fail('文件没有文字内容', 'the file has no text')
      const { text, converted } = toSimplified(decoded.text)
      report =
        kind === 'html'
          ? parseDoc(htmlToDoc(text), { file: fileName, rendering: 'html', encoding: decoded.encoding, traditional: converted })
          : parseText(text, fileName, { encoding: decoded.encoding, traditional: converted })
      report.findings.push(...badBytesFindings(decoded.replaced, decoded.encoding))
      break
    }
  }
  if (!looksLikeReport(report)) return fail('不是政府信息公开工作年度报告（未找到章节标题或表格）', 'not a government information disclosure annual report (no section headings or tables found)')
  return { ok: true, report }
}

/** A report has section headings, table cells, or at least names itself in its title. */
function looksLikeReport(report: ParseResult): boolean {
  return report.meta.sections_found.length > 0 || Object.keys(report.cells).length > 0 || (report.meta.year !== null && report.meta.unit !== null)
}

/** Converts a .docx document to simplified script when it is traditional (variation “traditional-script mirrors” in docs/formats.md). */
function simplifyDoc(doc: import('./doc').StructuredDoc): { doc: import('./doc').StructuredDoc; converted: boolean } {
  const joined = doc.blocks.map((b) => (b.kind === 'para' ? b.text : b.rows.map((r) => r.join('\u0001')).join('\u0002'))).join('\u0003')
  const { text, converted } = toSimplified(joined)
  if (!converted) return { doc, converted }
  const parts = text.split('\u0003')
  return {
    converted,
    doc: {
      blocks: doc.blocks.map((b, i) => (b.kind === 'para' ? { kind: 'para', text: parts[i]! } : { kind: 'table', rows: parts[i]!.split('\u0002').map((r) => r.split('\u0001')), continued: b.continued })),
    },
  }
}

/**
 * Parses one report file of any supported kind, PDF and (in Node) old Word .doc included. PDFs are
 * read with pdf.js, loaded on first use (a chunk of its own in the browser bundle). Never throws:
 * a broken, encrypted or image-only PDF gives `ok: false` with a one-line reason naming the file.
 */
export async function parseReportAsync(bytes: Uint8Array, fileName: string): Promise<ParseOutcome> {
  try {
    // Magic bytes only: the text kinds are sniffed (and decoded) once, by parseReport.
    const kind = magicKind(bytes, fileName)
    if (kind === 'pdf') return await parsePdf(bytes, fileName)
    if (kind === 'doc') return await parseWordDoc(bytes, fileName)
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    return { ok: false, error: `${fileName}：解析失败（${why}）`, error_en: `${fileName}: parse failed (${why})` }
  }
  return parseReport(bytes, fileName)
}

async function parsePdf(bytes: Uint8Array, fileName: string): Promise<ParseOutcome> {
  const fail = (zh: string, en: string): ParseOutcome => ({ ok: false, error: `${fileName}：${zh}`, error_en: `${fileName}: ${en}` })
  let pdf: typeof import('./pdf')
  try {
    pdf = await import('./pdf')
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    return fail(`无法加载 PDF 阅读器（${why}）`, `the PDF reader could not be loaded (${why})`)
  }
  const read = await pdf.readPdf(bytes)
  if (!read.ok) return fail(read.reason, read.reason_en)
  const simplified = simplifyDoc(read.doc)
  const report = parseDoc(simplified.doc, { file: fileName, rendering: 'pdf', encoding: 'pdf', traditional: simplified.converted, published_at: read.published_at })
  if (!looksLikeReport(report)) return fail('不是政府信息公开工作年度报告（未找到章节标题或表格）', 'not a government information disclosure annual report (no section headings or tables found)')
  return { ok: true, report }
}

/**
 * Old binary Word (.doc): in Node through `word-extractor` when it is installed (its text is read as
 * a text layout); in the browser, or without it, refused with the advice to save as .docx.
 */
async function parseWordDoc(bytes: Uint8Array, fileName: string): Promise<ParseOutcome> {
  const refuse: ParseOutcome = {
    ok: false,
    error: `${fileName}：不支持旧版 Word .doc 文件，请另存为 .docx`,
    error_en: `${fileName}: legacy Word .doc files are not supported here; save it as .docx`,
  }
  const text = await wordDocText(bytes)
  if (text === null) return refuse
  if (text.trim() === '') return { ok: false, error: `${fileName}：文件没有文字内容`, error_en: `${fileName}: the file has no text` }
  const { text: simple, converted } = toSimplified(text)
  const report = parseText(simple, fileName, { encoding: 'doc', traditional: converted })
  if (!looksLikeReport(report)) return { ok: false, error: `${fileName}：不是政府信息公开工作年度报告（未找到章节标题或表格）`, error_en: `${fileName}: not a government information disclosure annual report (no section headings or tables found)` }
  return { ok: true, report }
}

/** The body text of a .doc, or null where no reader is available (browser, package missing). */
async function wordDocText(bytes: Uint8Array): Promise<string | null> {
  if (typeof window !== 'undefined' || !('Buffer' in globalThis)) return null
  // A computed specifier: bundlers leave it alone, so the browser build never includes it.
  const specifier = ['word', 'extractor'].join('-')
  let WordExtractor: new () => { extract(input: unknown): Promise<{ getBody(): string }> }
  try {
    WordExtractor = ((await import(/* @vite-ignore */ specifier)) as { default: typeof WordExtractor }).default
  } catch {
    return null
  }
  const buffer = (globalThis as unknown as { Buffer: { from(b: Uint8Array): unknown } }).Buffer.from(bytes)
  const doc = await new WordExtractor().extract(buffer)
  return doc.getBody()
}
