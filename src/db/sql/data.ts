import { TABLES } from '../schema'
import type { Label } from '../../report/model/types'
import { ident, num, str } from './literal'

/**
 * SQL for 开放数据: row counts of the open-data tables, and the guard and row cap of the SQL console.
 * The console runs in the visitor's own in-browser DuckDB over a read-only attached file, so the
 * guard is not a security boundary; it keeps the console a query tool (one statement that reads)
 * and turns a mistaken `DROP`/`COPY`/`ATTACH` into a clear message instead of an engine error.
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

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    title: { zh: '各年度新收申请数', en: 'New applications per year' },
    sql: `SELECT year, SUM(value) AS new_applications\nFROM cells WHERE key = 'apply.new.total'\nGROUP BY year ORDER BY year`,
  },
  {
    title: { zh: '每年未发布、未收录单位数', en: 'Reports not published and not collected per year' },
    sql: `SELECT year, COUNT(*) FILTER (WHERE status = 'not_published') AS not_published, COUNT(*) FILTER (WHERE status = 'not_collected') AS not_collected, COUNT(*) AS units\nFROM coverage GROUP BY year ORDER BY year`,
  },
  {
    title: { zh: '错误级校验发现最多的规则', en: 'Rules with most errors' },
    sql: `SELECT rule, COUNT(*) AS n\nFROM findings WHERE level = 'error'\nGROUP BY rule ORDER BY n DESC`,
  },
  {
    title: { zh: '报告格式与声明格式不一致', en: 'Format differs from the one cited' },
    sql: `SELECT unit, year, format, format_claimed, file\nFROM reports WHERE format_claimed IS NOT NULL AND format <> format_claimed\nORDER BY year, unit`,
  },
  { title: { zh: '单元格表的字段', en: 'Columns of the cells table' }, sql: 'DESCRIBE cells' },
]
