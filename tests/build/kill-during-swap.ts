/**
 * Child process for output-swap.test.ts: build `data` into `out` and SIGKILL itself right before
 * the swap step `step` — a real kill, no exception handler or cleanup gets to run.
 * Usage: node --import tsx tests/build/kill-during-swap.ts DATA OUT STEP
 */
import { buildData } from '../../scripts/build/build'
import { memoryLog } from '../../scripts/build/log'
import type { SwapStep } from '../../scripts/build/output'
import { fakeParse } from './fake-parser'

const [dataDir, outDir, step] = process.argv.slice(2) as [string, string, SwapStep]
await buildData(
  { dataDir, outDir, strict: false, log: memoryLog(), swapHooks: { beforeStep: (s) => void (s === step && process.kill(process.pid, 'SIGKILL')) } },
  { parse: fakeParse },
)
