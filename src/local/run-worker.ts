import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'
import type { WorkerMessage, WorkerRequest } from './local.worker'
import type { DroppedFile, LocalBuild, ParsedFile, RegistrySpec, SkippedFile } from './types'

/** Progress of a build: files parsed so far (all workers together), then the derivation step. */
export type WorkerProgress = { phase: 'parse'; done: number; total: number; name: string } | { phase: 'derive' }

const KNOWN = new Set<unknown>(['progress', 'parsed', 'done', 'error'])
/** Parsing workers at most: each holds its own parser and pdf.js, so more than a few only costs memory. */
const MAX_WORKERS = 4

/** Run one job in a fresh worker (ended when done); progress messages go to `onProgress`. */
function job<T extends WorkerMessage['type']>(request: WorkerRequest, want: T, onProgress: (m: Extract<WorkerMessage, { type: 'progress' }>) => void = () => {}): Promise<Extract<WorkerMessage, { type: T }>> {
  const worker = new Worker(new URL('./local.worker.ts', import.meta.url), { type: 'module', name: 'local-district' })
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data
      // pdf.js, when it runs inside the worker, may talk on the worker's own port: not ours, ignored.
      if (!m || typeof m !== 'object' || !KNOWN.has(m.type)) return
      if (m.type === 'progress') return onProgress(m)
      worker.terminate()
      if (m.type === want) resolve(m as Extract<WorkerMessage, { type: T }>)
      else reject(new Error(m.type === 'error' ? m.message : `unexpected answer "${m.type}" from the report reader`))
    }
    worker.onerror = (e) => {
      worker.terminate()
      reject(new Error(e.message || `the report reader stopped unexpectedly${e.filename ? ` (${e.filename}:${e.lineno})` : ''}`))
    }
    worker.postMessage(request)
  })
}

/**
 * Build the local district off the page's thread: the files are parsed by up to one worker per
 * core (contiguous shares, so the order of the files — which decides which of two identical files
 * is kept — is the order given), then matched and turned into rows by one more worker.
 * Rejects with the reason when it could not be made (a registry with no unit …).
 */
export async function buildInWorker(files: DroppedFile[], skipped: SkippedFile[], spec: RegistrySpec, onProgress: (p: WorkerProgress) => void): Promise<LocalBuild> {
  const pdfWorkerSrc = new URL(pdfWorkerUrl, document.baseURI).href
  const n = Math.max(1, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 2, files.length))
  const shares = Array.from({ length: n }, (_, k) => files.slice(Math.floor((k * files.length) / n), Math.floor(((k + 1) * files.length) / n)))
  const counts = shares.map((s) => ({ done: 0, total: s.length }))
  const results = await Promise.all(
    shares.map((share, k) =>
      job({ op: 'parse', files: share, pdfWorkerSrc }, 'parsed', (m) => {
        counts[k] = { done: m.done, total: m.total }
        onProgress({ phase: 'parse', done: counts.reduce((a, c) => a + c.done, 0), total: counts.reduce((a, c) => a + c.total, 0), name: m.name })
      }),
    ),
  )
  onProgress({ phase: 'derive' })
  const parsed: ParsedFile[] = results.flatMap((r) => r.parsed)
  const notTaken = [...skipped, ...results.flatMap((r) => r.skipped)]
  return (await job({ op: 'derive', parsed, skipped: notTaken, spec }, 'done')).build
}
