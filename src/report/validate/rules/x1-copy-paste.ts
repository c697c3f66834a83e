import type { Finding } from '../../types'
import { finding } from '../../finding'
import type { DistrictFinding, DistrictReport } from './types'

/**
 * Evidence thresholds, chosen from the demo generator's figures (scripts/demo; townships get 0–10
 * applications a year, mostly from natural persons and mostly granted). Over 120 generated
 * districts (seeds 1–60, years 2019–2025 and 2021–2025, ~150 reports each), reports of different
 * units that coincided in the same year without being copies had:
 * - sections 三+四: at most 11 non-zero cells and at most 5 applications (one application granted
 *   to a natural person is already 6 non-zero cells; 344 such coincidences, 60 with 2 applications,
 *   the largest 11 cells / 5 applications twice);
 * - section 二 alone: at most 3 non-zero cells (9 times), and with 三+四 also identical at most 2.
 * Each bar sits above every coincidence seen.
 */
/** Identical sections 三+四 count only with at least this many non-zero cells … */
export const X1_MIN_TABLE_NONZERO = 12
/** … and at least this many applications handled (一、本年新收 + 二、上年结转, 总计 column). */
export const X1_MIN_APPLICATIONS = 8
/** Identical sections 二+三+四 count when section 二 alone has at least this many non-zero cells. */
export const X1_MIN_ACTIVE_NONZERO = 4
/** Fewer located section 三+四 cells than this make no fingerprint (too little to call a copy). */
const MIN_TABLE_CELLS = 15
/** An overview shorter than this (whitespace removed) is too generic to call a copy. */
const MIN_OVERVIEW_CHARS = 80

type Dated = DistrictReport & { year: number }

const isTableKey = (k: string) => k.startsWith('apply.') || k.startsWith('review.') || k.startsWith('litigation.')
const isActiveKey = (k: string) => k.startsWith('active.')

/** The cells matching `pick` as a comparable string (blank and 0 differ: a copy keeps both), with its non-zero count. */
function fingerprint(cells: Readonly<Record<string, number | null>>, pick: (k: string) => boolean) {
  const keys = Object.keys(cells).filter(pick).sort()
  return { keys, text: keys.map((k) => `${k}=${cells[k]}`).join(';'), nonZero: keys.filter((k) => !!cells[k]).length }
}

/** Applications handled: 一、本年新收 + 二、上年结转 in the 总计 column (blanks count as 0). */
function applications(cells: Readonly<Record<string, number | null>>): number {
  return (cells['apply.new.total'] ?? 0) + (cells['apply.carried_over.total'] ?? 0)
}

/** Sections 三+四, when identical values would be evidence of a copy (enough non-zero cells and applications). */
function tableEvidence(r: DistrictReport): string | null {
  const t = fingerprint(r.cells, isTableKey)
  if (t.keys.length < MIN_TABLE_CELLS || t.nonZero < X1_MIN_TABLE_NONZERO) return null
  return applications(r.cells) >= X1_MIN_APPLICATIONS ? t.text : null
}

/** Sections 二+三+四, when section 二 alone carries enough non-zero values to be evidence. */
function activeTableEvidence(r: DistrictReport): string | null {
  const t = fingerprint(r.cells, isTableKey)
  const a = fingerprint(r.cells, isActiveKey)
  if (t.keys.length < MIN_TABLE_CELLS || a.nonZero < X1_MIN_ACTIVE_NONZERO) return null
  return `${a.text}|${t.text}`
}

/**
 * Sections 一 and 五 as comparable text: whitespace removed and the unit's own name replaced, so a
 * report copied from another unit with only the name changed still matches. The overview must be
 * substantial on its own: section 五 is often district boilerplate, so identical 五 text alone
 * proves nothing.
 */
function proseEvidence(r: DistrictReport): string | null {
  const overview = (r.prose?.overview ?? '').replace(/\s+/g, '')
  if (overview.length < MIN_OVERVIEW_CHARS) return null
  const text = [overview, (r.prose?.problems ?? '').replace(/\s+/g, '')].join('|')
  return r.unit ? text.split(r.unit.replace(/\s+/g, '')).join('〈单位〉') : text
}

/** Same-year groups of different units sharing a fingerprint. */
function groupsOf(reports: readonly Dated[], key: (r: DistrictReport) => string | null): Dated[][] {
  const groups = new Map<string, Dated[]>()
  for (const r of reports) {
    const fp = key(r)
    if (fp === null) continue
    const id = `${r.year}\u0000${fp}`
    groups.set(id, [...(groups.get(id) ?? []), r])
  }
  return [...groups.values()].filter((g) => new Set(g.map((r) => r.unit)).size > 1)
}

/**
 * X1 (WARN, our own): copy-paste between units. Two different units' reports of the same year
 * count as copies only on real evidence (thresholds above):
 * - sections 二+三+四 identical, with ≥ X1_MIN_ACTIVE_NONZERO non-zero section 二 cells; or
 * - sections 三+四 identical, with ≥ X1_MIN_TABLE_NONZERO non-zero cells and ≥ X1_MIN_APPLICATIONS
 *   applications handled; or
 * - section 一 (≥ 80 characters) + 五 prose identical once each unit's own name is neutralised.
 * Every report of such a group gets a finding naming the other units, once per kind (tables,
 * prose); the tables finding names the widest identical scope.
 */
export function x1CopyPaste(reports: readonly DistrictReport[]): DistrictFinding[] {
  const dated = reports.filter((r): r is Dated => r.year !== null)
  const out: DistrictFinding[] = []
  // Units each report was already called a table copy of: a narrower match adds nothing new.
  const tableMates = new Map<Dated, Set<string>>()
  const emit = (group: Dated[], make: (others: string, r: Dated) => Finding, mates?: Map<Dated, Set<string>>) => {
    for (const r of group) {
      const others = [...new Set(group.filter((o) => o.unit !== r.unit).map((o) => o.unit))]
      const known = mates?.get(r)
      if (known && others.every((u) => known.has(u))) continue
      if (mates) mates.set(r, new Set([...(known ?? []), ...others]))
      out.push({ unit: r.unit, year: r.year, ...(r.file !== undefined ? { file: r.file } : {}), finding: make(others.join('、'), r) })
    }
  }
  for (const group of groupsOf(dated, activeTableEvidence)) {
    emit(group, (others, r) => {
      const n = fingerprint(r.cells, isActiveKey).nonZero + fingerprint(r.cells, isTableKey).nonZero
      return finding('X1', 'warn', 'apply', {
        zh: `表格二、三、四的全部数值（${n}个非零单元格）与同年${others}的报告完全相同，疑似照抄`,
        en: `every value of tables II, III and IV (${n} non-zero cells) equals the same year's report of ${others}: possibly copied`,
      })
    }, tableMates)
  }
  for (const group of groupsOf(dated, tableEvidence)) {
    emit(group, (others, r) => {
      const n = fingerprint(r.cells, isTableKey).nonZero
      const apps = applications(r.cells)
      return finding('X1', 'warn', 'apply', {
        zh: `表格三、四的全部数值（${n}个非零单元格，${apps}件申请）与同年${others}的报告完全相同，疑似照抄`,
        en: `every value of tables III and IV (${n} non-zero cells, ${apps} applications) equals the same year's report of ${others}: possibly copied`,
      })
    }, tableMates)
  }
  for (const group of groupsOf(dated, proseEvidence)) {
    emit(group, (others) =>
      finding('X1', 'warn', 'prose', {
        zh: `正文（总体情况、存在的主要问题）与同年${others}的报告完全相同，疑似照抄`,
        en: `the overview and problems text equals the same year's report of ${others}: possibly copied`,
      }),
    )
  }
  return out
}
