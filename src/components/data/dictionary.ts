import { openTables } from '~/db/open-tables'
import { CELLS, type FormatId } from '~/report/model'
import { METRICS, metricFormula } from '~/report/metrics'
import { RULES } from '~/report/validate/rules'

/**
 * The data dictionary of 开放数据, from the single sources: the open-data tables as published
 * (src/db/open-tables.ts), every cell key of both formats (src/report/model), every derived metric
 * (src/report/metrics.ts) and every finding id (src/report/validate/rules.ts). Nothing is typed twice.
 */

/** One field of an open-data table. (Entries are type aliases so they fit TableCard rows.) */
export type FieldEntry = {
  table: string
  name: string
  type: string
  title_zh: string
  title_en: string
  description_zh: string
  description_en: string
  /** Allowed values, `|`-separated, or ''. */
  values: string
}

/** One cell key of the national formats. */
export type CellEntry = {
  key: string
  section: string
  /** Printed Chinese label (row · column). */
  label_zh: string
  label_en: string
  type: string
  /** Formats printing the cell, e.g. `gov2021 gov2019`. */
  formats: string
}

/** One finding id. */
export type RuleEntry = {
  id: string
  scope: string
  level: string
  title_zh: string
  title_en: string
}

export function fieldEntries(): FieldEntry[] {
  return openTables().flatMap((t) =>
    t.fields.map((f) => ({
      table: t.name, name: f.name, type: f.type, title_zh: f.title.zh, title_en: f.title.en,
      description_zh: f.description.zh, description_en: f.description.en, values: f.enum?.join('|') ?? '',
    })),
  )
}

/** Cell keys, optionally only those printed by one format, in model order. */
export function cellEntries(format?: FormatId): CellEntry[] {
  return CELLS.filter((c) => !format || c.formats.includes(format)).map((c) => ({
    key: c.key, section: c.section, label_zh: c.label.zh, label_en: c.label.en, type: c.type, formats: c.formats.join(' '),
  }))
}

export function ruleEntries(): RuleEntry[] {
  return RULES.map((r) => ({ id: r.id, scope: r.scope, level: r.level, title_zh: r.title.zh, title_en: r.title.en }))
}

/** One derived metric: its key, name and definition in cell keys. */
export type MetricEntry = {
  key: string
  label_zh: string
  label_en: string
  kind: 'sum' | 'ratio'
  /** The definition in cell keys, e.g. `(a + b)` for a sum, `a ÷ (b − c)` for a ratio. */
  formula: string
  /** The definition in words, naming the printed rows and columns (the same text as the KPI cards). */
  definition_zh: string
  definition_en: string
}

export function metricEntries(): MetricEntry[] {
  // The same definition text as docs/data-dictionary.md, without its Markdown code marks.
  return METRICS.map((m) => ({ key: m.key, label_zh: m.label.zh, label_en: m.label.en, kind: m.kind, formula: metricFormula(m).replaceAll('`', ''), definition_zh: m.definition.zh, definition_en: m.definition.en }))
}
