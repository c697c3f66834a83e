import { APPEAL_GROUPS, APPLY_PART_COLS, applyRowsOf, keysOf } from '~/report/model'
import type { FormatId } from '~/report/model/types'
import type { ReportMeta } from '~/report/types'
import { mulberry32 } from '../../../scripts/demo/prng'

export interface RecordOptions {
  /** 0 gives an all-zero record (like the sample); otherwise values are drawn from this seed. */
  seed?: number
  /** Largest value of one random cell. */
  max?: number
  /** Share of zero cells to print as blank (null), 0–1. Blanks keep every rule satisfied. */
  blankShare?: number
}

/**
 * A clean record of a format: every cell present and every within-report rule (A1–A9) satisfied.
 * Tests break one thing in it. Values are small integers, fee/procurement amounts have decimals,
 * 本年增/减 may be negative.
 */
export function makeCells(format: FormatId, opts: RecordOptions = {}): Record<string, number | null> {
  // Seeded (the demo's PRNG) so generated records are reproducible.
  const rand = opts.seed ? mulberry32(opts.seed) : () => 0
  const max = opts.max ?? 9
  // Skewed towards 0 like real reports: most cells of a township report are 0.
  const small = () => (rand() < 0.5 ? 0 : Math.floor(rand() * (max + 1)))
  const cells: Record<string, number | null> = {}

  if (format === 'gov2021') {
    for (const row of ['regulation', 'normative']) {
      const issued = row === 'regulation' ? 0 : small()
      const repealed = Math.min(small(), issued)
      cells[`active.${row}.issued`] = issued
      cells[`active.${row}.repealed`] = repealed
      cells[`active.${row}.in_force`] = issued - repealed + small()
    }
    for (const row of ['license', 'penalty', 'coercion']) cells[`active.${row}.decisions`] = small()
    cells['active.fee.amount_wan'] = Math.round(rand() * 1000) / 100
  } else {
    for (const row of ['regulation', 'normative']) {
      cells[`active.${row}.new_made`] = small()
      cells[`active.${row}.new_published`] = small()
      cells[`active.${row}.total_published`] = small()
    }
    for (const row of ['license', 'other_service', 'penalty', 'coercion', 'fee']) {
      cells[`active.${row}.prev_items`] = small()
      cells[`active.${row}.delta`] = small() - small()
      if (row !== 'fee') cells[`active.${row}.decisions`] = small()
    }
    cells['active.procurement.projects'] = small()
    cells['active.procurement.amount'] = Math.round(rand() * 100000) / 100
  }

  const outcomes = applyRowsOf(format).filter((r) => r.outcome).map((r) => r.key)
  for (const c of APPLY_PART_COLS) {
    let decided = 0
    for (const row of outcomes) {
      const v = small()
      cells[`apply.${row}.${c}`] = v
      decided += v
    }
    const forward = small()
    const over = Math.min(small(), decided + forward)
    cells[`apply.result.total.${c}`] = decided
    cells[`apply.carry_forward.${c}`] = forward
    cells[`apply.carried_over.${c}`] = over
    cells[`apply.new.${c}`] = decided + forward - over
  }
  for (const row of applyRowsOf(format)) {
    cells[`apply.${row.key}.total`] = APPLY_PART_COLS.reduce((s, c) => s + (cells[`apply.${row.key}.${c}`] as number), 0)
  }

  for (const g of APPEAL_GROUPS) {
    const parts = ['maintained', 'corrected', 'other', 'pending'].map(() => small())
    parts.forEach((v, i) => (cells[`${g.key}.${['maintained', 'corrected', 'other', 'pending'][i]}`] = v))
    cells[`${g.key}.total`] = parts.reduce((a, b) => a + b, 0)
  }

  if (opts.blankShare) {
    for (const k of keysOf(format)) if (cells[k] === 0 && rand() < opts.blankShare) cells[k] = null
  }
  // Keep print order so iteration matches keysOf(format).
  return Object.fromEntries(keysOf(format).map((k) => [k, cells[k] ?? null]))
}

/** A ReportMeta for tests: the format's own year and citation unless overridden. */
export function makeMeta(format: FormatId, over: Partial<ReportMeta> = {}): ReportMeta {
  const year = format === 'gov2021' ? 2021 : 2020
  return {
    unit: '测试镇', year, format, format_claimed: format, format_sections: { active: format, apply: format },
    period_year: year, file: 'test.txt', rendering: 'docx-text', encoding: 'utf-8', traditional: false,
    sections_found: ['sec.overview', 'sec.active', 'sec.apply', 'sec.appeal', 'sec.problems', 'sec.other'],
    ...over,
  }
}
