import type { Finding } from './types'

/** Cell values as a report holds them (null = printed blank, counted as 0 by the rules). */
export type CellValues = Readonly<Record<string, number | null>>

/**
 * Runs the rules again on changed cells and returns their findings. The ranker never evaluates a
 * rule itself: it asks the validator (the one place each rule lives) what a change would do.
 */
export type Recheck = (cells: CellValues) => readonly Finding[]

/**
 * The rules that are equations between cells (totals vs their parts, balances, one year's carry-over
 * vs the next): a wrong cell breaks them by a difference, and correcting the cell by that difference
 * makes them hold. A1–A6 within a report (docs/rules.md), C1–C4 across two years.
 */
export const EQUATION_RULES: ReadonlySet<string> = new Set(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'C1', 'C2', 'C3', 'C4'])

/** Rules a suggested value must not break either: the equations and A7 (no negative or fractional count). */
const GUARD_RULES: ReadonlySet<string> = new Set([...EQUATION_RULES, 'A7'])

/** Beyond this many failing equations a report is misread or wholly wrong: no single cell explains it. */
export const MAX_FAILING = 24

/** One cell that may be the wrong one. */
export interface SuspectCell {
  key: string
  /** Its value now (null = blank). */
  value: number | null
  /** The failing equations whose difference this cell moves. */
  findings: Finding[]
  /**
   * The value that makes every failing equation it is in hold without breaking another equation or
   * A7; null when no single value does (or, for a cell in fewer failing equations than a confirmed
   * one, when it was not tried).
   */
  fix: number | null
}

/** What the ranker concludes. */
export interface SuspectResult {
  /** The most likely wrong cell, only when the evidence is unambiguous (see {@link rankSuspectCells}). */
  likely: SuspectCell | null
  /**
   * Cells that may be wrong, most likely first: with a likely cell, those of the failing equations it
   * does not explain (none when it explains all); without one, every cell of a failing equation.
   */
  candidates: SuspectCell[]
  /** Failing equations considered. */
  failing: number
  /** True when there were more than {@link MAX_FAILING} failing equations and nothing was ranked. */
  tooMany: boolean
}

/** A finding's identity across rechecks: rule and cells (the message changes with the values). */
function identity(f: Finding): string {
  return `${f.rule}|${f.cells.join(',')}`
}

function numeric(v: Finding['expected']): number | null {
  if (typeof v === 'number') return v
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v)
  return null
}

function isFailingEquation(f: Finding): boolean {
  return EQUATION_RULES.has(f.rule) && f.cells.length > 0 && numeric(f.expected) !== null && numeric(f.actual) !== null
}

/** The gap of an equation: what the rule expected minus what the report printed. */
function gap(f: Finding): number {
  return numeric(f.expected)! - numeric(f.actual)!
}

/** A failing equation a cell takes part in, and the change of that cell that would close it. */
interface Term {
  finding: Finding
  delta: number
}

/**
 * How the failing equations depend on each of their cells, measured by asking the validator once per
 * cell with that cell raised by 1: the change of an equation's gap gives the cell's side (and weight)
 * in it, hence the change that closes it. Measured, not assumed: a cross-year finding names last
 * year's cell by the same key as a cell of this report (C1: `apply.carry_forward.total`), and only
 * this report's cells can be changed.
 */
function terms(cells: CellValues, failing: readonly Finding[], recheck: Recheck): Map<string, Term[]> {
  const keys = [...new Set(failing.flatMap((f) => f.cells))]
  const byCell = new Map<string, Term[]>()
  for (const key of keys) {
    const after = new Map(recheck({ ...cells, [key]: (cells[key] ?? 0) + 1 }).map((f) => [identity(f), f]))
    for (const f of failing) {
      if (!f.cells.includes(key)) continue
      const g = after.get(identity(f))
      // Gone: raising the cell by 1 closed it. Otherwise the gap moved by the cell's weight (or not at all).
      const slope = g ? gap(g) - gap(f) : -gap(f)
      if (slope === 0) continue
      byCell.set(key, [...(byCell.get(key) ?? []), { finding: f, delta: -gap(f) / slope }])
    }
  }
  return byCell
}

/**
 * Points at the cell most likely to be wrong when equations between cells fail. A cell that appears
 * in several failing equations, and whose correction by their difference makes all of them hold at
 * once without breaking any other, is the most likely culprit: a typo in one cell breaks exactly the
 * row sum, the column sum or balance and the carry-over it takes part in.
 *
 * `likely` is set only when the evidence is unambiguous: one change of its cell makes every failing
 * equation it is in hold, and no other cell does that for as many failing equations. Otherwise (e.g. one failing 总计 = sum of parts, where
 * any of its cells could be the wrong one) every cell is a candidate and no value is suggested.
 *
 * Pure: `recheck` runs the validator; the cells are never changed in place.
 */
export function rankSuspectCells(cells: CellValues, recheck: Recheck): SuspectResult {
  const before = recheck(cells)
  const failing = before.filter(isFailingEquation)
  if (failing.length === 0) return { likely: null, candidates: [], failing: 0, tooMany: false }
  if (failing.length > MAX_FAILING) return { likely: null, candidates: [], failing: failing.length, tooMany: true }

  const failed = new Set(before.filter((f) => GUARD_RULES.has(f.rule)).map(identity))
  const measured = [...terms(cells, failing, recheck)].map(([key, cellTerms]) => {
    const delta = cellTerms[0]!.delta
    // One change must close every equation of the cell at once.
    const fits = cellTerms.every((t) => t.delta === delta)
    return { key, value: cells[key] ?? null, findings: cellTerms.map((t) => t.finding), candidate: fits ? (cells[key] ?? 0) + delta : null }
  })
  // Most equations first. The validator confirms a change (every equation of the cell holds, and
  // nothing that held before breaks: another equation, A7's non-negative whole numbers) from the
  // most equations down, stopping below the level of the first confirmed one: fewer equations can
  // neither be the likely cell nor tie with it, and each confirmation costs a validator run.
  measured.sort((a, b) => b.findings.length - a.findings.length)
  let level = 0
  const suspects: SuspectCell[] = measured.map((m) => {
    if (m.candidate === null || m.findings.length < level) return { key: m.key, value: m.value, findings: m.findings, fix: null }
    const mine = new Set(m.findings.map(identity))
    const after = recheck({ ...cells, [m.key]: m.candidate }).filter((f) => GUARD_RULES.has(f.rule)).map(identity)
    const ok = after.every((id) => !mine.has(id) && failed.has(id))
    if (ok) level = Math.max(level, m.findings.length)
    return { key: m.key, value: m.value, findings: m.findings, fix: ok ? m.candidate : null }
  })

  // Cells whose one value fixes their equations first, then by how many failing equations they are in.
  const rank = (s: SuspectCell) => (s.fix !== null ? 1000 : 0) + s.findings.length
  suspects.sort((a, b) => rank(b) - rank(a))
  const top = suspects[0]
  const unique = top !== undefined && top.fix !== null && !suspects.slice(1).some((s) => s.fix !== null && s.findings.length === top.findings.length)
  if (!unique) return { likely: null, candidates: suspects, failing: failing.length, tooMany: false }
  const explained = new Set(top.findings.map(identity))
  const rest = suspects.slice(1).filter((s) => s.findings.some((f) => !explained.has(identity(f))))
  return { likely: top, candidates: rest, failing: failing.length, tooMany: false }
}
