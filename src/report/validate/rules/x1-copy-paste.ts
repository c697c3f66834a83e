import type { Finding } from '../../types'
import { finding } from '../finding'
import type { DistrictFinding, DistrictReport } from './types'

/** Fewer located section 三+四 cells than this make no fingerprint (too little to call a copy). */
const MIN_TABLE_CELLS = 15
/** Prose shorter than this (after removing whitespace) is too generic to call a copy. */
const MIN_PROSE_CHARS = 80

const isTableKey = (k: string) => k.startsWith('apply.') || k.startsWith('review.') || k.startsWith('litigation.')

/** Section 三+四 cells as a comparable string, or null when too few or all zero/blank. */
function tableFingerprint(cells: Readonly<Record<string, number | null>>): string | null {
  const keys = Object.keys(cells).filter(isTableKey).sort()
  if (keys.length < MIN_TABLE_CELLS || keys.every((k) => !cells[k])) return null
  return keys.map((k) => `${k}=${cells[k]}`).join(';')
}

/**
 * Sections 一 and 五 as comparable text: whitespace removed and the unit's own name replaced, so a
 * report copied from another unit with only the name changed still matches.
 */
function proseFingerprint(r: DistrictReport): string | null {
  const text = [r.prose?.overview ?? '', r.prose?.problems ?? ''].join('|').replace(/\s+/g, '')
  const neutral = r.unit ? text.split(r.unit.replace(/\s+/g, '')).join('〈单位〉') : text
  return text.replace('|', '').length >= MIN_PROSE_CHARS ? neutral : null
}

function groupsOf(reports: readonly (DistrictReport & { year: number })[], key: (r: DistrictReport) => string | null) {
  const groups = new Map<string, (DistrictReport & { year: number })[]>()
  for (const r of reports) {
    const fp = key(r)
    if (fp !== null) groups.set(`${r.year}\u0000${fp}`, [...(groups.get(`${r.year}\u0000${fp}`) ?? []), r])
  }
  return [...groups.values()].filter((g) => new Set(g.map((r) => r.unit)).size > 1)
}

/**
 * X1 (WARN, our own): copy-paste between units. Two different units' reports of the same year
 * whose section 三+四 cells are identical and not all zero, or whose section 一+五 prose is
 * identical once each unit's own name is neutralised. Every report of such a group gets a
 * finding naming the other units.
 */
export function x1CopyPaste(reports: readonly DistrictReport[]): DistrictFinding[] {
  const dated = reports.filter((r): r is DistrictReport & { year: number } => r.year !== null)
  const out: DistrictFinding[] = []
  const emit = (group: (DistrictReport & { year: number })[], make: (others: string) => Finding) => {
    for (const r of group) {
      const others = [...new Set(group.filter((o) => o.unit !== r.unit).map((o) => o.unit))].join('、')
      out.push({ unit: r.unit, year: r.year, ...(r.file !== undefined ? { file: r.file } : {}), finding: make(others) })
    }
  }
  for (const group of groupsOf(dated, (r) => tableFingerprint(r.cells))) {
    emit(group, (others) =>
      finding('X1', 'warn', 'apply', {
        zh: `表格三、四的全部数值与同年${others}的报告完全相同，疑似照抄`,
        en: `every value of tables III and IV equals the same year's report of ${others}: possibly copied`,
      }),
    )
  }
  for (const group of groupsOf(dated, proseFingerprint)) {
    emit(group, (others) =>
      finding('X1', 'warn', 'prose', {
        zh: `正文（总体情况、存在的主要问题）与同年${others}的报告完全相同，疑似照抄`,
        en: `the overview and problems text equals the same year's report of ${others}: possibly copied`,
      }),
    )
  }
  return out
}
