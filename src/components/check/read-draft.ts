import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'
import { parseReportAsync } from '~/report/read'
import { setPdfAssets } from '~/report/parse/pdf-options'
import type { ParseOutcome } from '~/report/types'

// pdf.js runs its worker from our own build (an asset URL); the library itself loads only when a
// PDF is chosen (parseReportAsync imports it on demand).
setPdfAssets({ workerSrc: pdfWorkerUrl })

/** What the upload hands over: a browser File, or anything with bytes and a name (tests). */
export interface DraftFile {
  name: string
  arrayBuffer(): Promise<ArrayBuffer>
}

/**
 * Read a draft report chosen by the user and parse it in the browser. Nothing leaves the machine:
 * the bytes go from the File straight to the same parser and validator the data build uses.
 * Never throws: an unreadable file becomes `ok: false` with a message naming it.
 */
export async function readDraft(file: DraftFile): Promise<ParseOutcome> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    return { ok: false, error: `${file.name}：无法读取文件（${why}）`, error_en: `${file.name}: could not read the file (${why})` }
  }
  return parseReportAsync(bytes, file.name)
}

/** Finding counts per level, for the one-line summary. */
export function levelCounts(findings: readonly { level: string }[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: findings.filter((f) => f.level === 'error').length,
    warnings: findings.filter((f) => f.level === 'warn').length,
    infos: findings.filter((f) => f.level === 'info').length,
  }
}
