import { registerTheme } from 'echarts/core'
import type { OutcomeGroup } from '~/report/model/apply'
import { APPLY_COLS } from '~/report/model/apply'

/** The registered ECharts theme name. */
export const THEME_NAME = 'gov'

/**
 * Fixed colours per outcome group, the same in every chart: green-ish for disclosure, warm for
 * refusal, grey for "other", so a reader learns them once.
 */
export const OUTCOME_COLORS: Record<OutcomeGroup, string> = {
  granted: '#2e8b57',
  partial: '#8fc27a',
  withheld: '#d9534f',
  unable: '#f0ad4e',
  not_processed: '#8e6fb5',
  other: '#9aa5b1',
}

/** Fixed colours per applicant type (APPLY_COLS keys, without total). */
export const APPLICANT_COLORS: Record<string, string> = {
  natural_person: '#3b6fb6',
  'legal.commercial': '#e08a3c',
  'legal.research': '#4aa3a2',
  'legal.public_interest': '#c6568c',
  'legal.law_service': '#7c8b2f',
  'legal.other': '#8d7966',
}

/** Coverage statuses: not_collected is grey (we lack the file, not the unit's fault), not_published red (the unit's failure). */
export const STATUS_COLORS: Record<string, string> = {
  received: '#2e8b57',
  not_collected: '#b4bac2',
  not_published: '#d9534f',
  duplicate: '#f0ad4e',
  not_expected: '#e4e7ed',
}

/** Finding levels. */
export const LEVEL_COLORS: Record<string, string> = { error: '#d9534f', warn: '#f0ad4e', info: '#3b6fb6' }

/** The default series palette for anything without a fixed colour. */
export const PALETTE = ['#3b6fb6', '#e08a3c', '#2e8b57', '#c6568c', '#4aa3a2', '#8e6fb5', '#7c8b2f', '#8d7966', '#d9534f', '#9aa5b1']

/** System font stack: no web fonts are shipped or fetched. */
export const FONT_FAMILY = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif"

/** Colour of an applicant metric key (`new.natural_person` or `natural_person`). */
export function applicantColor(key: string): string {
  return APPLICANT_COLORS[key.replace(/^new\./, '')] ?? PALETTE[APPLY_COLS.findIndex((c) => `new.${c.key}` === key) % PALETTE.length] ?? PALETTE[0]!
}

let registered = false

/** Register the theme once (palette, font, light grid lines). */
export function registerDashboardTheme(): void {
  if (registered) return
  registered = true
  registerTheme(THEME_NAME, {
    color: PALETTE,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT_FAMILY },
    // Label text at ≥ 4.5:1 on white (WCAG 2.1 AA): #4e5257 is 7.8:1; lines may stay light.
    categoryAxis: { axisLine: { lineStyle: { color: '#c0c4cc' } }, axisLabel: { color: '#4e5257' }, splitLine: { show: false } },
    valueAxis: { axisLabel: { color: '#4e5257' }, splitLine: { lineStyle: { color: '#ebeef5' } } },
    legend: { textStyle: { color: '#303133' }, pageTextStyle: { color: '#303133' } },
  })
}
