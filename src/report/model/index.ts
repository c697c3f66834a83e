import { ACTIVE_2019, ACTIVE_2021, type ActiveTableDef } from './active'
import { APPEAL_GROUPS, APPEAL_RESULTS } from './appeal'
import { APPLY_COLS, APPLY_ROWS } from './apply'
import type { CellDef, FormatId, Label } from './types'

export * from './types'
export * from './active'
export * from './apply'
export * from './appeal'

/** Section titles (docs/formats.md, “Six sections”), bilingual. */
export const SECTION_LABELS: Record<'active' | 'apply' | 'appeal', Label> = {
  active: { zh: '二、主动公开政府信息情况', en: 'II. Proactive disclosure' },
  apply: { zh: '三、收到和处理政府信息公开申请情况', en: 'III. Disclosure applications received and handled' },
  appeal: { zh: '四、政府信息公开行政复议、行政诉讼情况', en: 'IV. Administrative review and litigation' },
}

function join(a: Label, b: Label): Label {
  return { zh: `${a.zh} · ${b.zh}`, en: `${a.en} / ${b.en}` }
}

function activeCells(tables: readonly ActiveTableDef[], format: FormatId): CellDef[] {
  return tables.flatMap((t) =>
    t.rows.flatMap((r) =>
      t.cols.map((c) => ({
        key: `active.${r.key}.${c.key}`,
        section: 'active' as const,
        row: r.key,
        col: c.key,
        rowLabel: r.label,
        colLabel: c.label,
        label: join(r.label, c.label),
        type: c.type,
        formats: [format],
      })),
    ),
  )
}

function applyCells(): CellDef[] {
  return APPLY_ROWS.flatMap((r) =>
    APPLY_COLS.map((c) => ({
      key: `apply.${r.key}.${c.key}`,
      section: 'apply' as const,
      row: r.key,
      col: c.key,
      rowLabel: r.group && !r.label.zh.startsWith('（') ? join(r.group, r.label) : r.label,
      colLabel: c.label,
      label: join(r.group && !r.label.zh.startsWith('（') ? join(r.group, r.label) : r.label, c.label),
      type: 'count' as const,
      formats: r.formats,
    })),
  )
}

function appealCells(): CellDef[] {
  return APPEAL_GROUPS.flatMap((g) => {
    const rowLabel = g.parent ? join(g.parent, g.label) : g.label
    return APPEAL_RESULTS.map((c) => ({
      key: `${g.key}.${c.key}`,
      section: 'appeal' as const,
      row: g.key,
      col: c.key,
      rowLabel,
      colLabel: c.label,
      label: join(rowLabel, c.label),
      type: 'count' as const,
      formats: ['gov2021', 'gov2019'] as const,
    }))
  })
}

const CELLS_2021 = [...activeCells(ACTIVE_2021, 'gov2021'), ...applyCells(), ...appealCells()].filter((c) => c.formats.includes('gov2021'))
const CELLS_2019 = [...activeCells(ACTIVE_2019, 'gov2019'), ...applyCells(), ...appealCells()].filter((c) => c.formats.includes('gov2019'))
const KEYS: Record<FormatId, string[]> = { gov2021: CELLS_2021.map((c) => c.key), gov2019: CELLS_2019.map((c) => c.key) }

/**
 * Every cell of both formats. Cells that exist in both formats under the same key
 * (e.g. `active.license.decisions`, all of section 四) are one entry listing both formats.
 */
export const CELLS: readonly CellDef[] = (() => {
  const byKey = new Map<string, CellDef>()
  for (const cell of [...CELLS_2021, ...CELLS_2019]) {
    const seen = byKey.get(cell.key)
    if (!seen) byKey.set(cell.key, cell)
    else if (!seen.formats.includes(cell.formats[0]!)) byKey.set(cell.key, { ...seen, formats: [...seen.formats, ...cell.formats] })
  }
  return [...byKey.values()]
})()

const CELL_BY_KEY = new Map(CELLS.map((c) => [c.key, c]))

/** The definition of a cell key, or undefined for an unknown key. */
export function cellDef(key: string): CellDef | undefined {
  return CELL_BY_KEY.get(key)
}

/** Every cell key a format prints, in print order: section 二, 三, 四 (10+175+15 or 22+161+15). */
export function keysOf(format: FormatId): readonly string[] {
  return KEYS[format]
}

/** Cell keys of one section of a format, in print order. */
export function sectionKeysOf(format: FormatId, section: 'active' | 'apply' | 'appeal'): string[] {
  return keysOf(format).filter((k) => CELL_BY_KEY.get(k)!.section === section)
}
