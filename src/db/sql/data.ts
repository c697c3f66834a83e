import { TABLES } from '../schema'
import type { Label } from '../../report/model/types'
import { ident, num, str } from './literal'

/**
 * SQL for 开放数据: row counts of the open-data tables, and the guard and row cap of the SQL console.
 * The guard is NOT the security boundary: the console runs in its own DuckDB instance, locked down
 * by DuckDB's settings (src/db/console-settings.ts). The guard keeps the console a query tool (one
 * statement that reads) and turns a mistaken `DROP`/`COPY` into a clear message.
 */

/** One row of `tableCountsSql`. */
export interface TableCountRow {
  table: string
  rows: number
}

/** Row count of every open-data table, in schema order. */
export function tableCountsSql(): string {
  return TABLES.map((t, i) => `SELECT ${str(t.name)} AS "table", ${num(i)} AS ord, COUNT(*) AS "rows" FROM ${ident(t.name)}`)
    .join('\nUNION ALL ')
    .concat('\nORDER BY ord')
}

/** Statements the console accepts: they only read. */
const READ_KEYWORDS = ['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SHOW', 'SUMMARIZE', 'EXPLAIN'] as const
/** Of those, the ones DuckDB accepts as a subquery, so a row cap can wrap them. */
const WRAPPABLE = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SHOW', 'SUMMARIZE'])

export type ConsoleCheck =
  | { ok: true; sql: string; keyword: (typeof READ_KEYWORDS)[number] }
  | { ok: false; reason: Label }

/**
 * Remove comments and string/identifier contents so keywords and `;` are found only in code.
 * Quoted text becomes empty quotes; `--` and block comments become a space.
 */
function codeOnly(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, (m) =>
    m.startsWith("'") ? "''" : m.startsWith('"') ? '""' : ' ',
  )
}

/**
 * Check a console statement: exactly one statement, starting with a reading keyword.
 * Returns the statement without its trailing `;`, or a bilingual reason.
 */
export function checkConsoleSql(input: string): ConsoleCheck {
  const code = codeOnly(input).trim().replace(/;\s*$/, '')
  if (!code) return { ok: false, reason: { zh: '请输入一条查询语句。', en: 'Enter a query.' } }
  if (code.includes(';')) {
    return { ok: false, reason: { zh: '一次只能运行一条语句（请删除中间的分号）。', en: 'Run one statement at a time (remove the inner semicolon).' } }
  }
  const first = code.match(/^\(*\s*([A-Za-z]+)/)?.[1]?.toUpperCase() ?? ''
  const keyword = READ_KEYWORDS.find((k) => k === first)
  if (!keyword) {
    return {
      ok: false,
      reason: {
        zh: `此控制台只读：语句须以 ${READ_KEYWORDS.join('、')} 开头（收到 ${first || '?'}）。`,
        en: `This console is read-only: start with ${READ_KEYWORDS.join(', ')} (got ${first || '?'}).`,
      },
    }
  }
  return { ok: true, sql: input.trim().replace(/;\s*$/, ''), keyword }
}

/**
 * Cap a checked statement at `limit` rows, fetching one more so the UI can say the result was cut.
 * EXPLAIN cannot be a subquery and returns a few rows anyway, so it runs as written.
 */
export function cappedSql(check: Extract<ConsoleCheck, { ok: true }>, limit: number): string {
  if (!WRAPPABLE.has(check.keyword)) return check.sql
  // A newline before ")" so a trailing `-- comment` in the user's SQL cannot swallow it.
  return `SELECT * FROM (\n${check.sql}\n) AS q LIMIT ${num(Math.floor(limit) + 1)}`
}

/** A ready-made console query, to show what the data answers. */
export interface ExampleQuery {
  title: Label
  sql: string
}

/**
 * Example queries for one district. Sums over cells count each unit-year once: only reports with
 * `counted` (a duplicate or unmatched report would otherwise be added twice), and every query is
 * limited to the district, so two districts' figures are never added together.
 */
export function exampleQueries(district: string): ExampleQuery[] {
  const d = str(district)
  return [
    {
      title: { zh: '各年度新收申请数（本区县）', en: 'New applications per year (this district)' },
      sql: `SELECT c.year, SUM(c.value) AS new_applications\nFROM cells c JOIN reports r USING (report_id)\nWHERE c.district = ${d} AND r.counted AND c.key = 'apply.new.total'\nGROUP BY c.year ORDER BY c.year`,
    },
    {
      title: { zh: '每年未发布、未收录单位数（本区县）', en: 'Units not published / not collected per year (this district)' },
      sql: `SELECT year,\n  COUNT(*) FILTER (WHERE status = 'not_published') AS not_published,\n  COUNT(*) FILTER (WHERE status = 'not_collected') AS not_collected,\n  COUNT(*) AS units_expected\nFROM coverage WHERE district = ${d}\nGROUP BY year ORDER BY year`,
    },
    {
      title: { zh: '新收申请最多的单位（本区县各年度）', en: 'Units with most new applications (this district, per year)' },
      sql: `SELECT c.year, c.unit, c.label_zh, c.value\nFROM cells c JOIN reports r USING (report_id)\nWHERE c.district = ${d} AND r.counted AND c.key = 'apply.new.total'\nQUALIFY row_number() OVER (PARTITION BY c.year ORDER BY c.value DESC NULLS LAST) <= 3\nORDER BY c.year, c.value DESC`,
    },
    {
      title: { zh: '错误级校验发现最多的规则（本区县）', en: 'Rules with most errors (this district)' },
      sql: `SELECT rule, COUNT(*) AS n\nFROM findings WHERE district = ${d} AND level = 'error'\nGROUP BY rule ORDER BY n DESC`,
    },
    {
      title: { zh: '报告格式与声明格式不一致（本区县）', en: 'Format differs from the one cited (this district)' },
      sql: `SELECT unit, year, format, format_claimed, file\nFROM reports WHERE district = ${d} AND format_claimed IS NOT NULL AND format <> format_claimed\nORDER BY year, unit`,
    },
    { title: { zh: '单元格表的字段', en: 'Columns of the cells table' }, sql: 'DESCRIBE cells' },
  ]
}

/** One cell of an official-format export: its key, value and the format of the report(s) it comes from. */
export interface OfficialCellRow {
  key: string
  value: number | null
  format: string
}

/** The cells of the report that counts for a unit and year (`reports.counted`), for the official-format export. */
export function officialUnitCellsSql(district: string, unit: string, year: number): string {
  return `SELECT c.key, c.value, r.format FROM cells c JOIN reports r USING (report_id)
WHERE c.district = ${str(district)} AND c.unit = ${str(unit)} AND c.year = ${num(year)} AND r.counted`
}

/** Counted reports of a district and year per national format, most first: the district sum is taken within one format. */
export function officialFormatsSql(district: string, year: number): string {
  return `SELECT format, COUNT(*) AS reports FROM reports
WHERE district = ${str(district)} AND year = ${num(year)} AND counted AND format IN ('gov2021', 'gov2019')
GROUP BY format ORDER BY reports DESC, format`
}

/**
 * The district sum of every cell over the counted reports of one format (sections 二 differ between
 * formats, so reports of another format are never added in). A cell blank in every report stays blank.
 */
export function officialDistrictCellsSql(district: string, year: number, format: string): string {
  return `SELECT c.key, SUM(c.value) AS value, ${str(format)} AS format FROM cells c JOIN reports r USING (report_id)
WHERE c.district = ${str(district)} AND c.year = ${num(year)} AND r.counted AND r.format = ${str(format)}
GROUP BY c.key`
}
