import type { EChartsOption } from 'echarts'
import type { ActiveCellRow } from '~/db/sql/active'
import { ACTIVE_2019, ACTIVE_2021, CELLS, cellDef, type ActiveTableDef, type FormatId } from '~/report/model'
import { PALETTE } from '../theme'
import { categoryAxes, type Dimension, formatValue, type Lang, sortedYears, topLegend } from './compare-helpers'

/**
 * The panels of the 主动公开 view. Section 二 differs between the formats, so each panel holds
 * only keys that may be read together (docs/formats.md, “Section 二”): the 2021 and 2019 document columns,
 * 2019 item counts and 2021 fee amounts are separate panels; only the licence/penalty/coercion
 * decisions, printed in both formats, share one. Keys come from the format model.
 */
export interface ActivePanel {
  id: 'documents2021' | 'documents2019' | 'decisions' | 'items2019' | 'fees2019' | 'fees2021' | 'procurement2019'
  /** Formats whose reports feed the panel. */
  formats: readonly FormatId[]
  keys: readonly string[]
  /** Unit of the values (件/项 counts, 万元 amounts). */
  unit: 'count' | 'wan'
}

const keysOf = (tables: readonly ActiveTableDef[], item: number, keep: (row: string, col: string) => boolean = () => true) =>
  tables.filter((t) => t.item === item).flatMap((t) => t.rows.flatMap((r) => t.cols.filter((c) => keep(r.key, c.key)).map((c) => `active.${r.key}.${c.key}`)))

/** Section 二 keys printed in both formats: comparable across the format boundary. */
const SHARED = CELLS.filter((c) => c.section === 'active' && c.formats.length === 2).map((c) => c.key)
const only2019 = (key: string) => !SHARED.includes(key)

export const ACTIVE_PANELS: readonly ActivePanel[] = [
  { id: 'documents2021', formats: ['gov2021'], keys: keysOf(ACTIVE_2021, 1), unit: 'count' },
  { id: 'documents2019', formats: ['gov2019'], keys: keysOf(ACTIVE_2019, 1), unit: 'count' },
  { id: 'decisions', formats: ['gov2021', 'gov2019'], keys: SHARED, unit: 'count' },
  { id: 'items2019', formats: ['gov2019'], keys: [...keysOf(ACTIVE_2019, 5), ...keysOf(ACTIVE_2019, 6)].filter(only2019), unit: 'count' },
  { id: 'fees2019', formats: ['gov2019'], keys: keysOf(ACTIVE_2019, 8), unit: 'count' },
  { id: 'fees2021', formats: ['gov2021'], keys: keysOf(ACTIVE_2021, 8), unit: 'wan' },
  // The 2019 procurement amount is printed in 元, 万元 or no unit at all, so only project counts are charted.
  { id: 'procurement2019', formats: ['gov2019'], keys: keysOf(ACTIVE_2019, 9, (_, col) => col === 'projects'), unit: 'count' },
]

/** Short series name of a section 二 key: row label · column label. */
export function activeKeyName(key: string, lang: Lang): string {
  const def = cellDef(key)
  return def ? `${def.rowLabel[lang]} · ${def.colLabel[lang]}` : key
}

/** True when some row has data for one of the panel's keys (empty panels are hidden, with a note). */
export function panelHasData(rows: readonly ActiveCellRow[], panel: ActivePanel): boolean {
  return rows.some((r) => panel.keys.includes(r.key))
}

/**
 * One panel as grouped bars: one series per key of the panel, categories = units or years.
 * A category with no report printing a key gets no bar ('-'), never a zero.
 */
export function activePanelOption(rows: readonly ActiveCellRow[], panel: ActivePanel, opts: { by: Dimension; lang: Lang; valueName: string }): EChartsOption {
  const mine = rows.filter((r) => panel.keys.includes(r.key))
  const keys = panel.keys.filter((k) => mine.some((r) => r.key === k))
  const categories = opts.by === 'year' ? sortedYears(mine.map((r) => r.dim)) : unitsByTotal(mine)
  const value = new Map(mine.map((r) => [`${r.dim}\u0000${r.key}`, r.value]))
  const decimal = panel.unit === 'wan'
  return {
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: topLegend(keys.map((k) => activeKeyName(k, opts.lang))),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatValue(typeof v === 'number' ? v : null, false) },
    ...categoryAxes(opts.by, categories, { name: opts.valueName, minInterval: decimal ? 0 : 1 }),
    series: keys.map((k, i) => ({
      type: 'bar' as const,
      name: activeKeyName(k, opts.lang),
      barMaxWidth: 24,
      itemStyle: { color: PALETTE[i % PALETTE.length] },
      data: categories.map((dim) => value.get(`${dim}\u0000${k}`) ?? '-'),
    })),
  }
}

/** Units by their summed panel values, largest first (ties by name). */
function unitsByTotal(rows: readonly ActiveCellRow[]): string[] {
  const total = new Map<string, number>()
  for (const r of rows) total.set(r.dim, (total.get(r.dim) ?? 0) + r.value)
  return [...total.keys()].sort((a, b) => total.get(b)! - total.get(a)! || a.localeCompare(b, 'zh'))
}
