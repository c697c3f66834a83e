import { CELLS } from '../report/model'
import { TABLES, tableDef, type FieldDef, type TableDef } from './schema'
import { str } from './sql/literal'

/**
 * The open tables as people download and query them: the stored tables of src/db/schema.ts plus
 * columns that make a file usable on its own. `cells` gains the printed Chinese label of its key
 * and the provenance of its report, so a CSV opened in a spreadsheet says what each row is and
 * whether it is real or synthetic without a join. One definition for the build's open files
 * (scripts/build/open-files.ts), their Table Schemas, the data dictionary and the SQL console's
 * views. Pure TypeScript: Node and the browser share it.
 */

const LABEL_ZH: FieldDef = {
  name: 'label_zh', type: 'string', sql: 'VARCHAR',
  title: { zh: '印刷标签', en: 'Printed label' },
  description: { zh: '单元格在国家格式表格中的行 · 列标签', en: 'Row · column label of the cell as the national format prints it (Chinese)' },
}
const PROVENANCE: FieldDef = { ...tableDef('reports').fields.find((f) => f.name === 'provenance')! }

/** Columns added to a stored table in its open files, after the stored ones. */
const EXTRA_FIELDS: Partial<Record<TableDef['name'], readonly FieldDef[]>> = { cells: [LABEL_ZH, PROVENANCE] }

/** A table as published: its stored fields, then the added ones. */
export function openTable(name: TableDef['name']): TableDef {
  const t = tableDef(name)
  const extra = EXTRA_FIELDS[name] ?? []
  return extra.length ? { ...t, fields: [...t.fields, ...extra] } : t
}

/** Every open table, in schema order. */
export function openTables(): TableDef[] {
  return TABLES.map((t) => openTable(t.name))
}

/** Printed Chinese label of every cell key, as a SQL relation `(key, label_zh)`. */
function labelsRelation(): string {
  const seen = new Set<string>()
  const rows: string[] = []
  for (const c of CELLS) {
    if (seen.has(c.key)) continue
    seen.add(c.key)
    rows.push(`(${str(c.key)}, ${str(c.label.zh)})`)
  }
  return `(VALUES ${rows.join(', ')}) AS l("key", label_zh)`
}

/**
 * SELECT of one open table from the stored tables in schema `source` (e.g. `gov.main`), in stored
 * row order, optionally for one district. `columns` maps each published field to its SQL
 * expression (column references are `t."name"`); by default the plain value.
 */
export function openTableSelect(
  name: TableDef['name'],
  source: string,
  opts: { district?: string; column?: (f: FieldDef, ref: string) => string; ordered?: boolean } = {},
): string {
  const t = openTable(name)
  const column = opts.column ?? ((_f, ref) => ref)
  const stored = new Set(tableDef(name).fields.map((f) => f.name))
  const refOf = (f: FieldDef) =>
    stored.has(f.name) ? `t."${f.name}"` : f.name === 'label_zh' ? 'l.label_zh' : f.name === 'provenance' ? 'r.provenance' : 'NULL'
  const select = t.fields.map((f) => `${column(f, refOf(f))} AS "${f.name}"`).join(', ')
  const joins =
    name === 'cells'
      ? ` LEFT JOIN ${labelsRelation()} ON l."key" = t."key" LEFT JOIN ${source}.reports AS r ON r.report_id = t.report_id`
      : ''
  const where = opts.district === undefined ? '' : ` WHERE t.district = ${str(opts.district)}`
  // rowid is the stored (insertion) order; a join alone would not keep it. Files need it (same
  // input, same bytes); a query view does not.
  return `SELECT ${select} FROM ${source}.${name} AS t${joins}${where}${opts.ordered === false ? '' : ' ORDER BY t.rowid'}`
}
