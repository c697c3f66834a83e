import type { RenderTarget } from './renderings'
import { demoReadme, districtJson, sourcesCsv, unitsCsv } from './district-files'
import { reportFileName } from './file-names'
import type { Manifest } from './manifest'
import { Rng } from './prng'
import { DEFAULT_MIX, EXTENSIONS, pickRendering, renderDemoReport } from './render'
import { buildDemoContent } from './reports'
import { subSeed } from './seed'

/** Options of the demo district generator. */
export interface GenerateOptions {
  seed: number
  /** Number of units (default 22: 6 街道, 7 镇, 3 乡, 6 部门; larger districts keep the mix). */
  units?: number
  /** Inclusive year span (default 2019–2025). Years before 2021 use the gov2019 tables. */
  years?: [number, number]
  /** Rendering weights (default: docx-text, html, docx, pipe, markdown, lines). */
  renderings?: Partial<Record<RenderTarget, number>>
  /** Plant the faults listed in the manifest (default true; needs ≥ 16 units and ≥ 4 years). */
  faults?: boolean
}

/** A file of the district folder, path relative to the folder (e.g. `reports/2022/x.docx`). */
export interface GeneratedFile {
  path: string
  bytes: Uint8Array
}

export interface GeneratedDistrict {
  district: ReturnType<typeof districtJson>
  unitsCsv: string
  /** sources.csv: the planted missing reports declared not_published. */
  sourcesCsv: string
  /** Report files only, in year then roster order. */
  files: GeneratedFile[]
  manifest: Manifest
  /** README.md of the folder, listing the planted faults. */
  readme: string
}

export const DEFAULT_SEED = 20260101

/**
 * Generate the fictional 示例区: registry, report files in several renderings, and the manifest
 * of planted faults. Pure and deterministic: the same options give the same bytes. Engineer-facing
 * entry for benchmarks (e.g. 500 units × 20 years) and tests; `npm run demo` writes it to disk.
 */
export function generateDistrict(opts: GenerateOptions): GeneratedDistrict {
  const units = opts.units ?? 22
  const years = opts.years ?? [2019, 2025]
  const content = buildDemoContent({ seed: opts.seed, units, years, faults: opts.faults ?? true })
  const mix = opts.renderings ?? DEFAULT_MIX

  const files: GeneratedFile[] = []
  const fileOf = new Map<string, string>()
  const renderingOf = new Map<string, RenderTarget>()
  // a copied report keeps its source's layout, as a copied file does (the source comes earlier in the loop)
  const copiedFrom = new Map<string, string>(content.faults.flatMap((f) => (f.copied_from ? [[`${f.unit}/${f.year}`, `${f.copied_from.unit}/${f.copied_from.year}`]] : [])))
  const counts: Record<string, number> = {}
  const takenByYear = new Map<number, Set<string>>()
  for (const report of content.reports) {
    const key = `${report.unit.name}/${report.year}`
    const rng = new Rng(subSeed(opts.seed, `file/${key}`))
    const source = copiedFrom.get(key)
    const rendering = report.tablesMissing ? 'html' : source ? renderingOf.get(source)! : pickRendering(rng, mix)
    renderingOf.set(key, rendering)
    const taken = takenByYear.get(report.year) ?? new Set<string>()
    takenByYear.set(report.year, taken)
    const path = `reports/${report.year}/${reportFileName(rng, report.printedName, report.year, EXTENSIONS[rendering]!, taken)}`
    files.push({ path, bytes: renderDemoReport(report, rendering) })
    fileOf.set(key, path)
    counts[rendering] = (counts[rendering] ?? 0) + 1
  }

  const manifest: Manifest = {
    seed: opts.seed,
    options: { units, years },
    renderings: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1))),
    faults: content.faults.map((f) => {
      const file = fileOf.get(`${f.unit}/${f.year}`)
      return file ? { ...f, file } : f
    }),
  }
  return {
    district: districtJson(years),
    unitsCsv: unitsCsv(content.roster),
    sourcesCsv: sourcesCsv(manifest),
    files,
    manifest,
    readme: demoReadme(manifest, content.roster, files.length),
  }
}
