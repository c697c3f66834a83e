/**
 * Number formatting for Chinese readers: thousands separators from Intl 'zh-CN', large numbers in
 * 万/亿, shares as percentages. One place so tooltips, KPIs and tables agree.
 */
const INTEGER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 })
const DECIMAL = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 })
const SHORT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 })

/** A count: `12,345`; null → `—`. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? '—' : Number.isInteger(n) ? INTEGER.format(n) : DECIMAL.format(n)
}

/** A compact count for axes: `9,999`, `1.2万`, `3.4亿`. */
export function formatCompact(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—'
  const abs = Math.abs(n)
  if (abs >= 1e8) return `${SHORT.format(n / 1e8)}亿`
  if (abs >= 1e4) return `${SHORT.format(n / 1e4)}万`
  return formatCount(n)
}

/** A share 0–1 as a percentage: `83.3%`; null → `—`. */
export function formatShare(x: number | null | undefined): string {
  return x === null || x === undefined || Number.isNaN(x) ? '—' : `${SHORT.format(x * 100)}%`
}

/** A signed change: `+12`, `−3`, `0`; shares in percentage points (`+2.5 个百分点` / `+2.5 pp`). */
export function formatDelta(d: number | null | undefined, kind: 'count' | 'share', locale: 'zh' | 'en' = 'zh'): string {
  if (d === null || d === undefined || Number.isNaN(d)) return '—'
  const sign = d > 0 ? '+' : d < 0 ? '−' : ''
  if (kind === 'count') return `${sign}${formatCount(Math.abs(d))}`
  return `${sign}${SHORT.format(Math.abs(d) * 100)}${locale === 'zh' ? ' 个百分点' : ' pp'}`
}

/**
 * Escape text for an ECharts tooltip `formatter`, whose string return value is inserted as HTML.
 * Unit names come from report files: always pass them through this.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
