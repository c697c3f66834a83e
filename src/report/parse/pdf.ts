/**
 * PDF → StructuredDoc with pdf.js (the legacy build: it runs in Node 20 and in older browsers).
 * Loaded only when a PDF arrives (index.ts imports this module dynamically), so the browser bundle
 * carries pdf.js in a chunk of its own. Text items with positions go to pdf-rows.ts, which rebuilds
 * lines, cells and table rows. Metadata gives the title and a publication date.
 *
 * In Node pdf.js runs its worker code in the same thread; in the browser the worker script is the
 * one our build serves (setPdfAssets from pdf-options.ts), so nothing is fetched from another host.
 */
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { StructuredDoc } from './doc'
import { pdfAssets } from './pdf-options'
import { pagesToDoc, type PdfPageText, type PdfTextItem } from './pdf-rows'

export type PdfRead =
  | { ok: true; doc: StructuredDoc; title: string | null; published_at: string | null; pages: number }
  | { ok: false; reason: string; reason_en: string }

/** Stop waiting for pdf.js after this long (a hostile file must not hang a batch). */
const TIMEOUT_MS = 60_000
/** Fewer non-space characters than this in the whole file: a scan without a text layer. */
const MIN_TEXT_CHARS = 20

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  if (pdfAssets.workerSrc && GlobalWorkerOptions.workerSrc !== pdfAssets.workerSrc) GlobalWorkerOptions.workerSrc = pdfAssets.workerSrc
  const cMapUrl = pdfAssets.cMapUrl ?? nodeCMapDir()
  const task = getDocument({
    // A copy: pdf.js may transfer the buffer to its worker, and the caller keeps its bytes.
    data: bytes.slice(),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
  })
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<PdfRead>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `PDF 读取超时（${TIMEOUT_MS / 1000} 秒）`, reason_en: `reading the PDF timed out (${TIMEOUT_MS / 1000} s)` }), TIMEOUT_MS)
  })
  try {
    return await Promise.race([readTask(task), timeout])
  } catch (e) {
    return failure(e)
  } finally {
    clearTimeout(timer)
    void task.destroy().catch(() => undefined)
  }
}

async function readTask(task: ReturnType<typeof getDocument>): Promise<PdfRead> {
  const pdf = await task.promise
  const pages: PdfPageText[] = []
  let chars = 0
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    const [x0, y0, x1, y1] = page.view as [number, number, number, number]
    const content = await page.getTextContent()
    const items: PdfTextItem[] = []
    for (const it of content.items) {
      if (!('str' in it) || it.str.trim() === '') continue
      const [a, b, c, d, e, f] = it.transform as number[]
      // Upright text only has a usable baseline; rotated runs keep their origin.
      const h = Math.hypot(c!, d!) || Math.hypot(a!, b!) || it.height
      items.push({ str: it.str, x: e! - x0, y: f! - y0, w: it.width, h })
      chars += it.str.replace(/\s+/g, '').length
    }
    pages.push({ items, width: x1 - x0, height: y1 - y0 })
    page.cleanup()
  }
  if (chars < MIN_TEXT_CHARS) {
    return {
      ok: false,
      reason: 'PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）',
      reason_en: 'the PDF has no text layer (probably a scan); it needs OCR first',
    }
  }
  const meta = await pdf.getMetadata().catch(() => null)
  const info = (meta?.info ?? {}) as Record<string, unknown>
  return {
    ok: true,
    doc: pagesToDoc(pages),
    title: titleOf(info['Title'], meta?.metadata?.get('dc:title')),
    published_at: pdfDate(info['ModDate']) ?? pdfDate(info['CreationDate']),
    pages: pdf.numPages,
  }
}

function failure(e: unknown): PdfRead {
  const name = e instanceof Error ? e.name : ''
  const message = e instanceof Error ? e.message : String(e)
  if (name === 'PasswordException') return { ok: false, reason: 'PDF 已加密（需要密码），无法读取', reason_en: 'the PDF is encrypted (password required) and cannot be read' }
  if (name === 'InvalidPDFException') return { ok: false, reason: 'PDF 文件已损坏或不完整，无法读取', reason_en: 'the PDF is damaged or incomplete and cannot be read' }
  const one = message.replace(/\s+/g, ' ').slice(0, 200)
  return { ok: false, reason: `PDF 无法读取（${one}）`, reason_en: `the PDF cannot be read (${one})` }
}

/** The title from the document info or XMP, without a converter's "Microsoft Word - x.docx". */
function titleOf(info: unknown, xmp: unknown): string | null {
  for (const raw of [info, xmp]) {
    if (typeof raw !== 'string') continue
    const t = raw
      .replace(/^Microsoft Word\s*-\s*/i, '')
      .replace(/\.(docx?|wps|pdf)$/i, '')
      .replace(/\s+/g, ' ')
      .trim()
    if (t !== '') return t
  }
  return null
}

/** A PDF date string (`D:20240226144123+06'41'`) → "2024-02-26" as written (no time-zone shift). */
export function pdfDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const m = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(raw.trim())
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null
  return `${m[1]}-${m[2]}-${m[3]}`
}

/** In Node, pdf.js's packed CMaps (needed by PDFs whose CJK fonts are not embedded) from node_modules. */
function nodeCMapDir(): string | undefined {
  if (typeof window !== 'undefined' || !('process' in globalThis)) return undefined
  try {
    const resolve = (import.meta as { resolve?: (s: string) => string }).resolve
    const pkg = resolve?.('pdfjs-dist/package.json')
    return pkg ? decodeURIComponent(new URL('cmaps/', pkg).pathname) : undefined
  } catch {
    return undefined
  }
}
