import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'
import type { WorkerMessage, WorkerRequest } from './local.worker'
import type { DroppedFile, LocalBuild, RegistrySpec, SkippedFile } from './types'

const KNOWN = new Set<unknown>(['progress', 'deriving', 'done', 'error'])

/** Progress of a build in the worker: files parsed so far, then the derivation step. */
export type WorkerProgress = { phase: 'parse'; done: number; total: number; name: string } | { phase: 'derive' }

/**
 * Build the local district in a Web Worker (one per build, ended when done). Resolves with the
 * build; rejects with the worker's message when it could not be made (a registry with no unit …).
 */
export function buildInWorker(files: DroppedFile[], skipped: SkippedFile[], spec: RegistrySpec, onProgress: (p: WorkerProgress) => void): Promise<LocalBuild> {
  const worker = new Worker(new URL('./local.worker.ts', import.meta.url), { type: 'module', name: 'local-district' })
  return new Promise<LocalBuild>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data
      // pdf.js, when it runs inside this worker, may talk on the worker's own port: not ours, ignored.
      if (!m || typeof m !== 'object' || !KNOWN.has(m.type)) return
      if (m.type === 'progress') onProgress({ phase: 'parse', done: m.done, total: m.total, name: m.name })
      else if (m.type === 'deriving') onProgress({ phase: 'derive' })
      else {
        worker.terminate()
        if (m.type === 'done') resolve(m.build)
        else reject(new Error(m.message))
      }
    }
    worker.onerror = (e) => {
      worker.terminate()
      reject(new Error(e.message || `the report reader stopped unexpectedly${e.filename ? ` (${e.filename}:${e.lineno})` : ''}`))
    }
    const request: WorkerRequest = { files, skipped, spec, pdfWorkerSrc: new URL(pdfWorkerUrl, document.baseURI).href }
    worker.postMessage(request)
  })
}
