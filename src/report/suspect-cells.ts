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
   * The one value that makes every failing equation it is in hold without breaking another
   * equation or A7; null when no value does, or when several would.
   */
  fix: number | null
}

/** What the ranker concludes. */
export interface SuspectResult {
  /** The most likely wrong cell, only when the evidence is unambiguous (see {@link rankSuspectCells}). */
  likely: SuspectCell | null
  /** Every cell of a failing equation, most likely first (the likely one excluded). */
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

/**
 * Which cells of the draft the failing equations really depend on: a finding of a cross-year rule
 * names last year's cell by the same key as a cell of this report (C1: `apply.carry_forward.total`),
 * so membership is tested, not assumed — a cell belongs to an equation when changing it changes the
 * equation's two sides (or makes it hold).
 */
function dependencies(cells: CellValues, failing: readonly Finding[], recheck: Recheck): Map<string, Finding[]> {
  const keys = [...new Set(failing.flatMap((f) => f.cells))]
  const byCell = new Map<string, Finding[]>()
  for (const key of keys) {
    const after = new Map(recheck({ ...cells, [key]: (cells[key] ?? 0) + 1 }).map((f) => [identity(f), f]))
    for (const f of failing) {
      if (!f.cells.includes(key)) continue
      const g = after.get(identity(f))
      if (!g || numeric(g.expected) !== numeric(f.expected) || numeric(g.actual) !== numeric(f.actual)) {
        byCell.set(key, [...(byCell.get(key) ?? []), f])
      }
    }
  }
  return byCell
}

/** The values that would close the gap of one of the equations (the cell may be on either side). */
function tryValues(value: number | null, findings: readonly Finding[]): number[] {
  const v = value ?? 0
  const out = new Set<number>()
  for (const f of findings) {
    const d = numeric(f.expected)! - numeric(f.actual)!
    out.add(v + d)
    out.add(v - d)
  }
  out.delete(v)
  return [...out]
}

/**
 * Points at the cell most likely to be wrong when equations between cells fail. A cell that appears
 * in several failing equations, and whose correction by their difference makes all of them hold at
 * once without breaking any other, is the most likely culprit: a typo in one cell breaks exactly the
 * row sum, the column sum or balance and the carry-over it takes part in.
 *
 * `likely` is set only when the evidence is unambiguous: its cell has exactly one such value, and no
 * other cell fixes as many failing equations. Otherwise (e.g. one failing 总计 = sum of parts, where
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
  const suspects: SuspectCell[] = []
  for (const [key, findings] of dependencies(cells, failing, recheck)) {
    const value = cells[key] ?? null
    const mine = new Set(findings.map(identity))
    const fixes = tryValues(value, findings).filter((candidate) => {
      const after = recheck({ ...cells, [key]: candidate }).filter((f) => GUARD_RULES.has(f.rule)).map(identity)
      // Every equation of this cell holds, and nothing that held before is broken now.
      return after.every((id) => !mine.has(id) && failed.has(id))
    })
    suspects.push({ key, value, findings, fix: fixes.length === 1 ? fixes[0]! : null })
  }

  // Cells whose one value fixes their equations first, then by how many failing equations they are in.
  const rank = (s: SuspectCell) => (s.fix !== null ? 1000 : 0) + s.findings.length
  suspects.sort((a, b) => rank(b) - rank(a))
  const top = suspects[0]
  const unique = top !== undefined && top.fix !== null && !suspects.slice(1).some((s) => s.fix !== null && s.findings.length === top.findings.length)
  return unique
    ? { likely: top, candidates: suspects.slice(1), failing: failing.length, tooMany: false }
    : { likely: null, candidates: suspects, failing: failing.length, tooMany: false }
}
