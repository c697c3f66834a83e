import { describe, expect, it } from 'vitest'
import { formatLayout } from '~/report/layout'
import { keysOf } from '~/report/model'
import type { FormatId } from '~/report/model/types'
import { parseReport } from '~/report/read'
import { renderReport, type RenderOptions, type RenderTarget, type ReportRecord } from '../../scripts/demo/renderings'
import type { ParseResult } from '~/report/types'
import { makeCells } from './validate/make-record'

const FORMATS: readonly FormatId[] = ['gov2021', 'gov2019']
const SEEDS = [1, 2, 3, 4, 5, 6]
const FILE: Record<RenderTarget, string> = {
  'docx-text': 'r.txt', lines: 'r.txt', pipe: 'r.txt', markdown: 'r.md', html: 'r.html', docx: 'r.docx', 'pdf-text': 'r.txt', glued: 'r.txt',
}

function recordOf(format: FormatId, seed: number, blankShare = 0): ReportRecord {
  return {
    unit: seed % 2 ? '呼兰区白奎镇' : '呼兰区兰河街道',
    year: format === 'gov2021' ? 2020 + seed : 2019 + (seed % 2),
    format,
    cells: makeCells(format, { seed, max: seed * 7, blankShare }),
  }
}

function roundTrip(rec: ReportRecord, target: RenderTarget, opts?: RenderOptions): ParseResult {
  const out = parseReport(renderReport(rec, target, opts), FILE[target])
  if (!out.ok) throw new Error(`${target}: ${out.error}`)
  return out.report
}

/** Cells that came back with a different value than rendered (absent cells are not wrong values). */
function wrongValues(rec: ReportRecord, got: ParseResult): string[] {
  return Object.entries(got.cells).flatMap(([k, v]) => (k in rec.cells && rec.cells[k] !== v ? [`${k}: rendered ${rec.cells[k]}, parsed ${v}`] : []))
}

/** Renderings that keep every cell's position, blank cells included: every value must come back exactly. */
// markdown is left out: a label spanning placeholder columns with a blank last cell cannot be told
// from a row-end filler, so such a row is left out (row_misaligned) — see the markdown test below.
const LOSSLESS: readonly RenderTarget[] = ['docx-text', 'html', 'docx']
/** Why a cell may be left out: each names the cells it did not read. */
const LEFT_OUT = new Set(['short_row', 'row_misaligned', 'glued_ambiguous'])

/** Keys of value cells that start or end a printed row (a blank there leaves a bare `|` at the line's edge). */
function rowEdgeKeys(format: FormatId): Set<string> {
  const keys = formatLayout(format).sections.flatMap((s) => s.table.rows.flatMap((row) => [row[0]!, row[row.length - 1]!]))
  return new Set(keys.flatMap((c) => (c.kind === 'value' ? [c.key] : [])))
}

describe.each(FORMATS)('round trip %s: render → parseReport → identical cells', (format) => {
  describe.each(LOSSLESS)('%s', (target) => {
    it.each(SEEDS)('seed %i, with blank cells', (seed) => {
      const rec = recordOf(format, seed, 0.3)
      const got = roundTrip(rec, target)
      expect(got.meta).toMatchObject({ unit: rec.unit, year: rec.year, format, format_claimed: format, period_year: rec.year })
      expect(got.cells).toEqual(rec.cells)
      expect(got.findings.filter((f) => f.level === 'error')).toEqual([])
    })
  })

  it.each(SEEDS)('pipe, seed %i, with blank cells inside rows', (seed) => {
    const rec = recordOf(format, seed, 0.3)
    const ends = rowEdgeKeys(format)
    const cells = Object.fromEntries(Object.entries(rec.cells).map(([k, v]) => [k, ends.has(k) && v === null ? 0 : v]))
    const got = roundTrip({ ...rec, cells }, 'pipe')
    expect(got.meta).toMatchObject({ unit: rec.unit, year: rec.year, format })
    expect(got.cells).toEqual(cells)
  })

  // A blank last cell prints as a bare `|` at the line's end, the same as a closing `|`: the cell
  // comes back blank or is left out with a finding naming it, never shifted.
  it.each(['apply.result.granted.total', 'review.maintained'])('pipe: a blank cell at the edge of a row (%s) is blank or named, never shifted', (key) => {
    const rec = recordOf(format, 0)
    const cells = { ...rec.cells, [key]: null }
    const got = roundTrip({ ...rec, cells }, 'pipe')
    expect(wrongValues({ ...rec, cells }, got)).toEqual([])
    const named = new Set(got.findings.filter((f) => LEFT_OUT.has(f.rule)).flatMap((f) => f.cells))
    expect(key in got.cells ? got.cells[key] : named.has(key) ? null : 'absent and not named').toBeNull()
  })

  it.each(SEEDS)('markdown, seed %i, with blank cells: never a wrong value; every cell not read is named', (seed) => {
    const rec = recordOf(format, seed, 0.3)
    const got = roundTrip(rec, 'markdown')
    expect(wrongValues(rec, got)).toEqual([])
    const named = new Set(got.findings.filter((f) => LEFT_OUT.has(f.rule)).flatMap((f) => f.cells))
    expect(keysOf(format).filter((k) => !(k in got.cells) && !named.has(k))).toEqual([])
  })

  describe.each([
    ['lines', {}],
    ['lines', { dropEmpty: true }],
    ['pdf-text', {}],
  ] as const)('%s %o', (target, opts) => {
    it.each(SEEDS)('seed %i: identical when no cell is blank', (seed) => {
      const rec = recordOf(format, seed)
      const got = roundTrip(rec, target, opts)
      expect(got.meta).toMatchObject({ unit: rec.unit, year: rec.year, format })
      expect(got.cells).toEqual(rec.cells)
    })

    // Blank cells leave no line/token the parser can place (variations “vanished empty cells”, “stacked PDF headers” in docs/formats.md): by design the row is reported
    // short_row and left out, never read with shifted values.
    it.each(SEEDS)('seed %i: blank cells → a finding for every cell not read, never a wrong value', (seed) => {
      const rec = recordOf(format, seed, 0.5)
      const got = roundTrip(rec, target, opts)
      expect(wrongValues(rec, got)).toEqual([])
      const named = new Set(got.findings.filter((f) => LEFT_OUT.has(f.rule)).flatMap((f) => f.cells))
      expect(keysOf(format).filter((k) => !(k in got.cells) && !named.has(k))).toEqual([])
    })
  })

  it.each(SEEDS)('glued, seed %i: every value read is right; the rest is glued_ambiguous or short_row', (seed) => {
    const rec = recordOf(format, seed)
    const got = roundTrip(rec, 'glued')
    expect(wrongValues(rec, got)).toEqual([])
    const named = new Set(got.findings.filter((f) => f.rule === 'glued_ambiguous' || f.rule === 'short_row').flatMap((f) => f.cells))
    expect(keysOf(format).filter((k) => !(k in got.cells) && !named.has(k))).toEqual([])
  })

  it('glued, all single-digit values: the split is unique and every cell comes back', () => {
    const rec = { ...recordOf(format, 1), cells: makeCells(format, { seed: 1, max: 9 }) }
    // Decimal amounts glue into the digits; keep them whole numbers here.
    for (const k of ['active.fee.amount_wan', 'active.procurement.amount']) if (k in rec.cells) rec.cells[k] = 3
    for (const k of Object.keys(rec.cells)) if (k.endsWith('.delta')) rec.cells[k] = Math.abs(rec.cells[k] ?? 0)
    const got = roundTrip(rec, 'glued')
    expect(wrongValues(rec, got)).toEqual([])
  })
})

describe('round trip of the preamble citation', () => {
  it('reads back a claimed format that differs from the tables (F2)', () => {
    const rec = { ...recordOf('gov2021', 2), claimedFormat: 'gov2019' as const }
    const got = roundTrip(rec, 'docx-text')
    expect(got.meta.format).toBe('gov2021')
    expect(got.meta.format_claimed).toBe('gov2019')
    expect(got.findings.map((f) => f.rule)).toContain('F2')
  })
})
