/**
 * Where pdf.js finds its assets. Kept apart from pdf.ts so that the browser can name the worker
 * script (served from our own build) without loading pdf.js itself; pdf.ts reads these when a PDF
 * arrives. In Node nothing needs to be set: pdf.js runs its worker code in the same thread.
 */
export interface PdfAssets {
  /** URL of pdf.worker(.min).mjs, e.g. a Vite `?url` import. */
  workerSrc?: string
  /** URL (browser) or directory path (Node) of pdf.js's `cmaps/` folder, ending in '/'. */
  cMapUrl?: string
}

export const pdfAssets: PdfAssets = {}

export function setPdfAssets(assets: PdfAssets): void {
  Object.assign(pdfAssets, assets)
}
