/** Worker side of the parse pool: parses files sent by parse-pool.ts with the real parser. */
import { parentPort } from 'node:worker_threads'
import { parseReportAsync } from '~/report/read'
import type { ParseOutcome } from '~/report/types'

/** A parse job: `id` pairs the answer with its request. */
export interface ParseJob {
  id: number
  bytes: Uint8Array
  fileName: string
}

parentPort!.on('message', async (job: ParseJob) => {
  let outcome: ParseOutcome
  try {
    outcome = await parseReportAsync(job.bytes, job.fileName)
  } catch (e) {
    // parseReportAsync promises not to throw; if it does, the build reports the file and goes on.
    outcome = { ok: false, error: `解析器异常：${(e as Error).message}`, error_en: `parser crashed: ${(e as Error).message}` }
  }
  parentPort!.postMessage({ id: job.id, outcome })
})
