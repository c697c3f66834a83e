/// <reference lib="webworker" />
import { setPdfAssets } from '~/report/parse/pdf-options'
import { deriveLocal } from './derive'
import { parseDropped } from './parse-files'
import type { DroppedFile, LocalBuild, RegistrySpec, SkippedFile } from './types'

/**
 * Reads dropped report files off the page's thread: zips expanded, every file parsed (pdf.js runs
 * in its own worker from our build), matched and turned into the local district's rows. The page
 * stays responsive and shows the progress this posts.
 */
export interface WorkerRequest {
  files: DroppedFile[]
  /** Entries the page could not read (a folder it may not list …), named in the review. */
  skipped: SkippedFile[]
  spec: RegistrySpec
  /** Absolute URL of pdf.js's worker script (relative URLs would resolve against this worker's). */
  pdfWorkerSrc: string
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; name: string }
  | { type: 'deriving' }
  | { type: 'done'; build: LocalBuild }
  | { type: 'error'; message: string }

const post = (m: WorkerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m)

// A failure outside the awaited chain (e.g. inside pdf.js) still ends the build with its reason, never a silent stop.
self.addEventListener('unhandledrejection', (e) => {
  const reason: unknown = (e as PromiseRejectionEvent).reason
  post({ type: 'error', message: reason instanceof Error ? `${reason.name}: ${reason.message} ${reason.stack ?? ''}` : String(reason) })
})

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { files, skipped: unread, spec, pdfWorkerSrc } = e.data
  setPdfAssets({ workerSrc: pdfWorkerSrc })
  try {
    const { parsed, skipped } = await parseDropped(files, (done, total, name) => post({ type: 'progress', done, total, name }))
    post({ type: 'deriving' })
    post({ type: 'done', build: deriveLocal(parsed, spec, [...unread, ...skipped]) })
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message || `${err.name}: ${err.stack ?? ''}` : String(err) })
  }
}
