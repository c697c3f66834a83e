import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { parseReportAsync } from '~/report/read'
import type { ParseOutcome } from '~/report/types'
import type { ParseJob } from './parse-worker'
import type { BuildEngines } from './types'

/** How many files the workers parsed, and how many fell back to this thread after a worker died. */
export interface PoolStats {
  workers: number
  fallback: number
}

/**
 * The real parser on worker threads, one per core: parsing is CPU-bound and dominates the build
 * (measured ≈ 4–8 ms per report on one core). Needs a TypeScript-aware runtime in the workers
 * (tsx passes its loader to them through execArgv), so the CLI uses it and tests use the in-process parser.
 */
export function parsePool(size = Math.max(1, availableParallelism())): BuildEngines & { close(): Promise<void>; stats(): PoolStats } {
  const workers = Array.from({ length: size }, () => new Worker(new URL('./parse-worker-boot.mjs', import.meta.url)))
  const pending = new Map<number, { resolve: (o: ParseOutcome) => void; reject: (e: Error) => void }>()
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]))
  let nextId = 0
  // If a worker dies, parse on this thread instead: slower, same results, and the build goes on.
  let broken: Error | undefined
  let closing = false
  const counts: PoolStats = { workers: 0, fallback: 0 }
  for (const w of workers) {
    w.on('message', ({ id, outcome }: { id: number; outcome: ParseOutcome }) => {
      load.set(w, load.get(w)! - 1)
      counts.workers++
      pending.get(id)?.resolve(outcome)
      pending.delete(id)
    })
    const fail = (e: Error) => {
      broken ??= e
      for (const p of pending.values()) p.reject(e)
      pending.clear()
    }
    w.on('error', fail)
    // A worker that exits on its own (out of memory, killed) would leave its files waiting forever.
    w.on('exit', (code) => closing || fail(new Error(`parse worker exited with code ${code}`)))
  }
  const fallback = (bytes: Uint8Array, fileName: string) => {
    counts.fallback++
    return parseReportAsync(bytes, fileName)
  }
  return {
    concurrency: size * 2,
    parse(bytes, fileName) {
      if (broken) return fallback(bytes, fileName)
      const id = nextId++
      // The least busy worker: files differ a lot in cost (.docx ≫ .txt).
      const w = workers.reduce((a, b) => (load.get(b)! < load.get(a)! ? b : a))
      load.set(w, load.get(w)! + 1)
      return new Promise<ParseOutcome>((resolve) => {
        pending.set(id, { resolve, reject: () => void fallback(bytes, fileName).then(resolve) })
        w.postMessage({ id, bytes, fileName } satisfies ParseJob)
      })
    },
    stats: () => ({ ...counts }),
    async close() {
      closing = true
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
