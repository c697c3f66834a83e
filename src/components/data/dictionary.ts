import { TABLES } from '~/db/schema'
import { CELLS, type FormatId } from '~/report/model'
import { RULES } from '~/report/validate/rules'

/**
 * The data dictionary of 开放数据, from the single sources: the open-data tables
 * (src/db/schema.ts), every cell key of both formats (src/report/model) and every finding id
 * (src/report/validate/rules.ts). Nothing is typed twice.
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
  return TABLES.flatMap((t) =>
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
