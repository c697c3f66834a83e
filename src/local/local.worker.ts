/// <reference lib="webworker" />
import { setPdfAssets } from '~/report/parse/pdf-options'
import { deriveLocal } from './derive'
import { parseDropped } from './parse-files'
import type { DroppedFile, LocalBuild, ParsedFile, RegistrySpec, SkippedFile } from './types'

/**
 * Reads dropped report files off the page's thread. Two jobs: `parse` (zips expanded, every file
 * hashed and parsed — pdf.js runs inside this worker) for a share of the files, several workers at
 * once; then `derive` (match, rules, rows of every table) once for all. The page stays responsive
 * and shows the progress posted here.
 */
export type WorkerRequest =
  | {
      op: 'parse'
      files: DroppedFile[]
      /** Absolute URL of pdf.js's worker script (relative URLs would resolve against this worker's). */
      pdfWorkerSrc: string
    }
  | {
      op: 'derive'
      parsed: ParsedFile[]
      /** Entries not taken in before (unreadable by the page, hidden, a broken zip …), named in the review. */
      skipped: SkippedFile[]
      spec: RegistrySpec
    }

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; name: string }
  | { type: 'parsed'; parsed: ParsedFile[]; skipped: SkippedFile[] }
  | { type: 'done'; build: LocalBuild }
  | { type: 'error'; message: string }

const post = (m: WorkerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m)
const reason = (err: unknown) => (err instanceof Error ? err.message || `${err.name}: ${err.stack ?? ''}` : String(err))

// A failure outside the awaited chain (e.g. inside pdf.js) still ends the job with its reason, never a silent stop.
self.addEventListener('unhandledrejection', (e) => post({ type: 'error', message: reason((e as PromiseRejectionEvent).reason) }))

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const req = e.data
  // pdf.js, when it runs inside this worker, may talk on the worker's own port: not ours, ignored.
  if (!req || typeof req !== 'object' || !('op' in req)) return
  try {
    if (req.op === 'parse') {
      setPdfAssets({ workerSrc: req.pdfWorkerSrc })
      const { parsed, skipped } = await parseDropped(req.files, (done, total, name) => post({ type: 'progress', done, total, name }))
      post({ type: 'parsed', parsed, skipped })
    } else {
      post({ type: 'done', build: deriveLocal(req.parsed, req.spec, req.skipped) })
    }
  } catch (err) {
    post({ type: 'error', message: reason(err) })
  }
}
