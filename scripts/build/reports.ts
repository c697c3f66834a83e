import { sourceFor } from '~/build/source-key'
import { sha256 } from './hash'
import { readInputFile } from './input-fs'
import { applyLedger } from './ledger'
import { builtReport, unreadableReport } from '~/build/report-outcome'
import { UnitRegistry } from '~/build/unit-registry'
import type { BuildEngines, BuiltReport, DistrictInput, ReportFile } from './types'
import { baseName } from '~/util/file-name'

/** Called after each file so the terminal can show progress; `problem` is set for an unreadable file. */
export type OnFile = (done: number, total: number, file: string, problem?: string) => void

/**
 * Parse every report file of a district, match it to a registry unit and give it a year.
 * Never throws for a bad file: an unreadable one becomes a report with status `unreadable`.
 * `reportId` is left 0; ids are assigned once all districts are sorted.
 */
export async function readReports(input: DistrictInput, engines: BuildEngines, onFile: OnFile = () => {}): Promise<BuiltReport[]> {
  const registry = new UnitRegistry(input.units, input.info)
  const out: BuiltReport[] = new Array(input.files.length)
  let next = 0
  let done = 0
  // A few lanes keep a parser pool busy; results land at their file's index, so order never varies.
  const lane = async () => {
    while (next < input.files.length) {
      const i = next++
      const file = input.files[i]!
      const built = await readOne(input, registry, engines, file)
      // The unit-year's row of sources.csv gives the page address (the file's own, when it states one, wins in rows.ts).
      if (built.unit && built.year !== null) built.url = sourceFor(input, built.unit.name, built.year)?.url ?? null
      // A fetched file: its page address, and its page's date when the report prints none (fetch-ledger.csv).
      applyLedger(built, input.ledger?.get(file.path))
      out[i] = built
      onFile(++done, input.files.length, file.path, built.status === 'unreadable' ? built.findings[0]?.message_en : undefined)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, engines.concurrency ?? 1) }, lane))
  return out
}

async function readOne(input: DistrictInput, registry: UnitRegistry, engines: BuildEngines, file: ReportFile): Promise<BuiltReport> {
  // Links out of the data folder, FIFOs, devices and files over 100 MB are refused here, never waited on.
  const read = readInputFile(file.abs, { boundary: input.root, base: input.dir, fs: input.fs })
  if (!read.ok) return unreadableReport(input, registry, file, '', `cannot read the file: ${read.reason}`, `无法读取文件：${read.reason_zh}`)
  const bytes = read.bytes
  const digest = sha256(bytes)
  let outcome
  try {
    outcome = await engines.parse(bytes, baseName(file.path))
  } catch (e) {
    // parseReport promises not to throw; if it does, the build still goes on and says so.
    outcome = { ok: false as const, error: `解析器异常：${(e as Error).message}`, error_en: `parser crashed: ${(e as Error).message}` }
  }
  return builtReport(input, registry, file, digest, outcome)
}
