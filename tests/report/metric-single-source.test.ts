/**
 * A metric formula lives in src/report/metrics.ts (declared as cell lists) and becomes SQL only in
 * src/db/sql/metric.ts. This test reads the code of every layer that computes figures and fails
 * when a ratio or a rate's cells are spelled out anywhere else — the way 公开率 and 纠错率 once
 * existed five times and drifted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { metricCells, METRICS } from '~/report/metrics'

const ROOT = join(import.meta.dirname, '../..')
/** Where figures are computed: the dashboard, its SQL, and the data build. */
const SCANNED = ['src/db', 'src/composables', 'src/stores', 'src/components', 'src/views', 'src/charts', 'src/report/metrics.ts', 'src/build', 'scripts/build']

/** Divisions that are not metric formulas, and why. Anything else dividing after a `> 0 ?` guard fails. */
const NOT_METRICS: Record<string, string> = {
  'src/report/metrics.ts': 'the ratio rule itself (ratioOf)',
  'src/charts/options/overview-outcomes.ts': "a pie slice's share of the pie",
  'src/charts/options/outcomes-stack.ts': "a stacked bar's 100 % mode",
  'src/components/common/EngineStatus.vue': 'download progress',
}

function files(path: string): string[] {
  const abs = join(ROOT, path)
  if (!statSync(abs).isDirectory()) return [path]
  return readdirSync(abs).flatMap((n) => files(join(path, n))).filter((p) => /\.(ts|vue)$/.test(p))
}

const code = SCANNED.flatMap(files).map((f) => ({ file: relative(ROOT, join(ROOT, f)), text: readFileSync(join(ROOT, f), 'utf8') }))

describe('metric formulas have one source', () => {
  it('scans the code that computes figures', () => {
    expect(code.length).toBeGreaterThan(50)
    expect(code.some((c) => c.file === 'src/db/sql/metric.ts')).toBe(true)
  })

  it('writes a ratio in SQL only in src/db/sql/metric.ts', () => {
    const sqlRatio = /\bTHEN\s+[^\s`]+\s*\/\s*[^\s`]+/
    expect(code.filter((c) => c.file !== 'src/db/sql/metric.ts' && sqlRatio.test(c.text)).map((c) => c.file)).toEqual([])
  })

  it('divides after a "> 0 ?" guard only where it is not a metric', () => {
    const tsRatio = />\s*0\s*\?[^:\n]*\//
    expect(code.filter((c) => !(c.file in NOT_METRICS) && tsRatio.test(c.text)).map((c) => c.file)).toEqual([])
  })

  it("names a rate's cells only in src/report/metrics.ts", () => {
    // The cells of every ratio metric (公开率, 纠错率): a file listing them is computing the rate by hand.
    const rateCells = [...new Set(METRICS.filter((m) => m.kind === 'ratio').flatMap(metricCells))]
    expect(rateCells.length).toBeGreaterThan(5)
    const hits = code.filter((c) => c.file !== 'src/report/metrics.ts').flatMap((c) => rateCells.filter((k) => c.text.includes(`'${k}'`) || c.text.includes(`"${k}"`)).map((k) => `${c.file}: ${k}`))
    expect(hits).toEqual([])
  })
})
