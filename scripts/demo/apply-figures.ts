import { APPLY_PART_COLS, applyRowsOf } from '~/report/model'
import type { FormatId } from '~/report/model'
import type { Rng } from './prng'
import type { DemoUnit } from './roster'

/** Cell values of one report: a number, or null for a cell printed blank. */
export type Cells = Record<string, number | null>

/** Per applicant column (APPLY_PART_COLS order): the 6 applicant types, without 总计. */
export type ByApplicant = number[]

/** Applicant mix of new applications: natural persons dominate, companies and lawyers follow. */
export function applicantWeights(kind: DemoUnit['kind']): number[] {
  // natural_person, commercial, research, public_interest, law_service, other
  return kind === '部门' ? [0.78, 0.12, 0.005, 0.01, 0.05, 0.035] : [0.92, 0.04, 0, 0.005, 0.02, 0.015]
}

/**
 * How decided applications spread over the outcome rows. Departments withhold more (third-party
 * rights, process information, enforcement files); townships mostly grant or do not hold the
 * information asked for.
 */
const OUTCOME_WEIGHTS: Record<'township' | 'department', Record<string, number>> = {
  township: {
    granted: 0.55, partial: 0.05,
    'withheld.state_secret': 0, 'withheld.law_prohibited': 0.005, 'withheld.security_stability': 0.002, 'withheld.third_party': 0.01,
    'withheld.internal_affairs': 0.01, 'withheld.process_info': 0.01, 'withheld.enforcement_file': 0.003, 'withheld.admin_query': 0.005,
    'unable.not_held': 0.22, 'unable.needs_creation': 0.03, 'unable.still_unclear': 0.02,
    'not_processed.petition': 0.03, 'not_processed.repeat': 0.02, 'not_processed.publication': 0.005, 'not_processed.excessive': 0.003, 'not_processed.confirm_reissue': 0.005,
    'other.no_correction': 0.02, 'other.unpaid_fee': 0, 'other.misc': 0.02,
  },
  department: {
    granted: 0.42, partial: 0.1,
    'withheld.state_secret': 0.002, 'withheld.law_prohibited': 0.01, 'withheld.security_stability': 0.005, 'withheld.third_party': 0.03,
    'withheld.internal_affairs': 0.02, 'withheld.process_info': 0.025, 'withheld.enforcement_file': 0.015, 'withheld.admin_query': 0.02,
    'unable.not_held': 0.18, 'unable.needs_creation': 0.04, 'unable.still_unclear': 0.02,
    'not_processed.petition': 0.03, 'not_processed.repeat': 0.025, 'not_processed.publication': 0.005, 'not_processed.excessive': 0.01, 'not_processed.confirm_reissue': 0.01,
    'other.no_correction': 0.03, 'other.unpaid_fee': 0.002, 'other.misc': 0.02,
  },
}

/** Outcome rows a format prints (leaf rows only; gov2019's single （六） row takes the three 2021 weights). */
function outcomeRows(format: FormatId): { key: string; weight: (w: Record<string, number>) => number }[] {
  return applyRowsOf(format)
    .filter((r) => r.outcome)
    .map((r) => {
      const leaf = r.key.slice('result.'.length)
      if (leaf === 'other.subtotal') return { key: r.key, weight: (w) => w['other.no_correction']! + w['other.unpaid_fee']! + w['other.misc']! }
      return { key: r.key, weight: (w) => w[leaf]! }
    })
}

/** Everything that decides one report's section 三. */
export interface ApplyInput {
  kind: DemoUnit['kind']
  format: FormatId
  /** New applications this year (the 一 row's 总计). */
  newTotal: number
  /** Last year's carry-forward per applicant type: becomes this year's 二、上年结转 row. */
  carriedOver: ByApplicant
  /** Print an all-zero 四、结转下年度 row as blank cells, as the real 白奎镇 2021 report does. */
  blankZeroCarryForward: boolean
}

/**
 * Section 三 of one report, consistent by construction: per column new + carried over = decided +
 * carried forward (A1), decided = sum of the outcome rows (A2), every row's 总计 = sum of its
 * applicant columns (A3). Returns the carry-forward that chains into next year's report.
 */
export function applyFigures(rng: Rng, input: ApplyInput): { cells: Cells; carryForward: ByApplicant } {
  const { kind, format, newTotal, carriedOver } = input
  const newParts = rng.split(newTotal, applicantWeights(kind))
  const pendingShare = kind === '部门' ? 0.06 : 0.03
  const available = newParts.map((n, c) => n + carriedOver[c]!)
  const carryForward = available.map((n) => rng.binomial(n, pendingShare))
  const decided = available.map((n, c) => n - carryForward[c]!)

  const rows = outcomeRows(format)
  const weights = OUTCOME_WEIGHTS[kind === '部门' ? 'department' : 'township']
  const byRow = new Map<string, ByApplicant>(rows.map((r) => [r.key, APPLY_PART_COLS.map(() => 0)]))
  decided.forEach((n, c) => {
    const parts = rng.split(n, rows.map((r) => r.weight(weights)))
    rows.forEach((r, i) => (byRow.get(r.key)![c] = parts[i]!))
  })

  const cells: Cells = {}
  const put = (row: string, values: ByApplicant, blank = false) => {
    APPLY_PART_COLS.forEach((col, c) => (cells[`apply.${row}.${col}`] = blank ? null : values[c]!))
    cells[`apply.${row}.total`] = blank ? null : values.reduce((a, v) => a + v, 0)
  }
  for (const r of applyRowsOf(format)) {
    if (r.key === 'new') put(r.key, newParts)
    else if (r.key === 'carried_over') put(r.key, carriedOver)
    else if (r.key === 'result.total') put(r.key, decided)
    else if (r.key === 'carry_forward') put(r.key, carryForward, input.blankZeroCarryForward && carryForward.every((v) => v === 0))
    else put(r.key, byRow.get(r.key)!)
  }
  return { cells, carryForward }
}
