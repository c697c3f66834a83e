import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { parseReport } from '~/report/parse/index'
import type { ParseOutcome } from '~/report/types'
import type { ParseJob } from './parse-worker'
import type { BuildEngines } from './types'

/**
 * The real parser on worker threads, one per core: parsing is CPU-bound and dominates the build
 * (measured ≈ 4–8 ms per report on one core). Needs a TypeScript-aware runtime in the workers
 * (tsx passes its loader to them through execArgv), so the CLI uses it and tests use the in-process parser.
 */
export function parsePool(size = Math.max(1, availableParallelism())): BuildEngines & { close(): Promise<void> } {
  const workers = Array.from({ length: size }, () => new Worker(new URL('./parse-worker-boot.mjs', import.meta.url)))
  const pending = new Map<number, { resolve: (o: ParseOutcome) => void; reject: (e: Error) => void }>()
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]))
  let nextId = 0
  // If a worker dies, parse on this thread instead: slower, same results, and the build goes on.
  let broken: Error | undefined
  for (const w of workers) {
    w.on('message', ({ id, outcome }: { id: number; outcome: ParseOutcome }) => {
      load.set(w, load.get(w)! - 1)
      pending.get(id)?.resolve(outcome)
      pending.delete(id)
    })
    w.on('error', (e) => {
      broken ??= e
      for (const p of pending.values()) p.reject(e)
      pending.clear()
    })
  }
  return {
    concurrency: size * 2,
    parse(bytes, fileName) {
      if (broken) return parseReport(bytes, fileName)
      const id = nextId++
      // The least busy worker: files differ a lot in cost (.docx ≫ .txt).
      const w = workers.reduce((a, b) => (load.get(b)! < load.get(a)! ? b : a))
      load.set(w, load.get(w)! + 1)
      return new Promise<ParseOutcome>((resolve) => {
        pending.set(id, { resolve, reject: () => resolve(parseReport(bytes, fileName)) })
        w.postMessage({ id, bytes, fileName } satisfies ParseJob)
      })
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
