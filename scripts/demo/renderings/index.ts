import { strToU8 } from 'fflate'
import { reportBlocks } from './document'
import { renderDocx } from './docx'
import { renderHtml } from './html'
import { renderMarkdown } from './markdown'
import { renderPdfText } from './pdf-text'
import { renderDocxText } from './text-docx'
import { renderGlued, renderLines, renderPipe } from './text-flat'
import type { RenderOptions, RenderTarget, ReportRecord } from './types'

export * from './types'
export { reportBlocks, type DocBlock } from './document'
export { documentXml } from './docx'

/**
 * Writes a full report — title, preamble, the six sections with the format's tables in their
 * printed layout, prose, contact sentence — in one of the renderings the parser reads. Pure and
 * deterministic: same record and options → same bytes. Text renderings are UTF-8.
 */
export function renderReport(rec: ReportRecord, rendering: RenderTarget, opts: RenderOptions = {}): Uint8Array {
  const blocks = reportBlocks(rec)
  switch (rendering) {
    case 'docx':
      return renderDocx(rec, blocks)
    case 'docx-text':
      return strToU8(renderDocxText(rec, blocks))
    case 'lines':
      return strToU8(renderLines(rec, blocks, opts))
    case 'pipe':
      return strToU8(renderPipe(rec, blocks))
    case 'markdown':
      return strToU8(renderMarkdown(rec, blocks))
    case 'html':
      return strToU8(renderHtml(rec, blocks))
    case 'pdf-text':
      return strToU8(renderPdfText(rec, blocks))
    case 'glued':
      return strToU8(renderGlued(rec, blocks))
  }
}
