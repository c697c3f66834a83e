import type { ChartTable } from './chart-table'

/** Words of the summary in one language (from i18n, so zh and en stay in parity). */
export interface SummaryWords {
  /** `图表：{title}` / `Chart: {title}` */
  chart: (title: string) => string
  /** How many rows and columns, e.g. `7 行，6 列（自然人、商业企业…）` */
  size: (rows: number, columns: number, names: string) => string
  /** `最大值 {value}（{row} · {column}）` */
  highest: (value: string, where: string) => string
  /** Said when no cell has a number. */
  empty: string
  /** Points at the table view for every value. */
  more: string
  /** List separator: `、` / `, ` */
  sep: string
}

/** At most this many column names are read out; the rest are "…". */
const NAMES_READ = 6

/** The summary's words from the app's messages (a11y.*): one place for the card and its tests. */
export function summaryWords(t: (key: string, values?: Record<string, unknown>) => string): SummaryWords {
  return {
    chart: (title) => t('a11y.chart', { title }),
    size: (rows, columns, names) => t('a11y.size', { rows, columns, names }),
    highest: (value, where) => t('a11y.highest', { value, where }),
    empty: t('a11y.empty'),
    more: t('a11y.more'),
    sep: t('a11y.sep'),
  }
}

/**
 * The text alternative of a chart (its `aria-label`), generated from the same table the "show as
 * table" view shows: what the chart is, its size and series, and where its highest value is —
 * enough to know what the picture says, with the table one key away for every number.
 */
export function chartSummary(title: string, table: ChartTable | null, w: SummaryWords): string {
  const parts = [w.chart(title)]
  if (!table || table.rows.length === 0) return [...parts, w.empty].join(' ')
  const names = table.columns.filter((c) => c !== '')
  const shown = names.slice(0, NAMES_READ).join(w.sep) + (names.length > NAMES_READ ? `${w.sep}…` : '')
  parts.push(w.size(table.rows.length, table.columns.length, shown))
  let best: { value: number; text: string; where: string } | null = null
  for (const row of table.rows) {
    row.cells.forEach((cell, i) => {
      if (cell.value === null || (best && cell.value <= best.value)) return
      const column = table.columns[i] ?? ''
      best = { value: cell.value, text: cell.text, where: column && table.columns.length > 1 ? `${row.label} · ${column}` : row.label }
    })
  }
  const top = best as { text: string; where: string } | null
  parts.push(top ? w.highest(top.text, top.where) : w.empty)
  parts.push(w.more)
  return parts.join(' ')
}
