/**
 * The open-data tables: one source for the DuckDB DDL the build writes, the browser's SQL,
 * the CSV/JSON/Parquet downloads and the datapackage.json Table Schemas.
 * Pure TypeScript (no DuckDB import) so Node and the browser share it.
 */

export type FieldType = 'string' | 'integer' | 'number' | 'boolean'

export interface FieldDef {
  name: string
  type: FieldType
  /** SQL type in the DuckDB file. */
  sql: 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN'
  title: { zh: string; en: string }
  description: { zh: string; en: string }
  /** Allowed values, when the field is an enumeration. */
  enum?: readonly string[]
  required?: boolean
}

export interface TableDef {
  name: 'districts' | 'units' | 'reports' | 'cells' | 'findings' | 'coverage'
  title: { zh: string; en: string }
  description: { zh: string; en: string }
  fields: readonly FieldDef[]
  primaryKey?: readonly string[]
}

const s = (name: string, zh: string, en: string, dzh: string, den: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  name, type: 'string', sql: 'VARCHAR', title: { zh, en }, description: { zh: dzh, en: den }, ...extra,
})
const i = (name: string, zh: string, en: string, dzh: string, den: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  name, type: 'integer', sql: 'INTEGER', title: { zh, en }, description: { zh: dzh, en: den }, ...extra,
})

import { UNIT_KINDS } from '../report/types'
export { UNIT_KINDS, type UnitKind } from '../report/types'

export const PROVENANCES = ['published', 'synthetic'] as const
export type Provenance = (typeof PROVENANCES)[number]

/** Report parse status: ok (no error finding), error (an error-level finding), unreadable, unmatched (no registry unit). */
export const REPORT_STATUSES = ['ok', 'error', 'unreadable', 'unmatched'] as const
/**
 * Coverage status of a unit × year: received (one report), duplicate (several), not_collected (no
 * report file and no record of a search — we have not collected it; no fault of the unit),
 * not_published (looked for and not found, per sources.csv — the unit did not publish),
 * not_expected (a report for a year the unit is not expected to report).
 */
export const COVERAGE_STATUSES = ['received', 'not_collected', 'not_published', 'duplicate', 'not_expected'] as const
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number]
export const CELL_FLAGS = ['ok', 'blank', 'zero_text', 'non_numeric'] as const
export const LEVELS = ['error', 'warn', 'info'] as const
export const FORMAT_VALUES = ['gov2021', 'gov2019', 'legacy', 'unknown'] as const

const DISTRICT = s('district', '区县标识', 'District id', '数据文件夹名，如 hulan', 'Folder id of the district, e.g. hulan', { required: true })
const UNIT = s('unit', '单位', 'Unit', '登记表中的规范单位名称', 'Canonical unit name from the registry', { required: true })
const UNIT_CODE = s('unit_code', '单位代码', 'Unit code', '统计用区划代码；部门可为空', 'Statistical division code; may be empty for departments')
const UNIT_KIND = s('unit_kind', '单位类型', 'Unit kind', '街道、镇、乡、部门或区本级', 'Street office, town, township, department or district level', { enum: UNIT_KINDS })
const YEAR = i('year', '年度', 'Year', '报告所述年度', 'Year the figures cover', { required: true })
const REPORT_ID = i('report_id', '报告编号', 'Report id', '本数据集中报告的序号', 'Sequence number of the report in this dataset')

export const TABLES: readonly TableDef[] = [
  {
    name: 'districts',
    title: { zh: '区县', en: 'Districts' },
    description: { zh: '数据集覆盖的区县及其发布者信息', en: 'Districts in the dataset and their publishers' },
    primaryKey: ['district'],
    fields: [
      DISTRICT,
      s('name', '名称', 'Name', '区县名称', 'District name'),
      s('city', '市', 'City', '所属地级市', 'Prefecture-level city'),
      s('province', '省', 'Province', '所属省份', 'Province'),
      s('publisher', '发布者', 'Publisher', '数据发布者', 'Who publishes this dataset'),
      s('license', '许可', 'License', '数据许可', 'Data license'),
      s('contact', '联系方式', 'Contact', '联系方式', 'Contact'),
      { ...s('synthetic', '合成数据', 'Synthetic', '是否为程序生成的示例数据', 'True when the district is a generated demo'), type: 'boolean', sql: 'BOOLEAN' },
    ],
  },
  {
    name: 'units',
    title: { zh: '单位', en: 'Units' },
    description: { zh: '应发布年报的单位登记表', en: 'Registry of the units expected to publish reports' },
    primaryKey: ['district', 'unit'],
    fields: [
      DISTRICT, UNIT, UNIT_CODE, UNIT_KIND,
      s('aliases', '别名', 'Aliases', '别名，以 | 分隔', 'Aliases separated by |'),
      i('valid_from', '起始年度', 'Valid from', '单位开始存在的年度（空为不限）', 'First year the unit exists (empty = always)'),
      i('valid_to', '终止年度', 'Valid to', '单位最后存在的年度（空为不限）', 'Last year the unit exists (empty = still exists)'),
    ],
  },
  {
    name: 'reports',
    title: { zh: '报告', en: 'Reports' },
    description: { zh: '每份年报一行：来源文件、格式、解析状态', en: 'One row per report file: source, format, parse status' },
    primaryKey: ['report_id'],
    fields: [
      REPORT_ID, DISTRICT, UNIT, UNIT_CODE, UNIT_KIND, { ...YEAR, required: false },
      s('file', '文件', 'File', '相对于区县文件夹的文件路径', 'File path relative to the district folder', { required: true }),
      s('sha256', 'SHA-256', 'SHA-256', '文件内容的 SHA-256 摘要', 'SHA-256 digest of the file bytes'),
      s('provenance', '来源', 'Provenance', 'published：真实发布；synthetic：程序生成的示例', 'published: a real published report; synthetic: generated demo', { enum: PROVENANCES }),
      s('format', '格式', 'Format', '由表格识别的格式', 'Format detected from the tables', { enum: FORMAT_VALUES }),
      s('format_claimed', '声明格式', 'Claimed format', '正文引用的国办公开办函对应的格式', 'Format cited in the preamble'),
      s('format_active', '第二部分格式', 'Section II format', '第二部分表格识别出的格式', 'Format detected in section II'),
      s('format_apply', '第三部分格式', 'Section III format', '第三部分表格识别出的格式', 'Format detected in section III'),
      s('rendering', '版式', 'Rendering', '文件版式（docx-text、html、docx、pipe 等）', 'Input layout (docx-text, html, docx, pipe …)'),
      s('encoding', '编码', 'Encoding', '识别出的文本编码', 'Detected text encoding'),
      s('status', '解析状态', 'Parse status', 'ok、error（有错误级发现）、unreadable、unmatched', 'ok, error (has an error finding), unreadable, unmatched', { enum: REPORT_STATUSES }),
      { ...s('counted', '计入汇总', 'Counted', '在汇总中代表该单位该年度的报告（错误最少、单元格最多、文件路径居前者）；其他重复报告、未匹配报告及登记表不要求报告的单位年度为 false', 'The report that stands for its unit × year in totals (fewest errors, most cells, then file path); false for other duplicates, unmatched reports and unit-years not expected', { required: true }), type: 'boolean', sql: 'BOOLEAN' },
      i('n_cells', '单元格数', 'Cells', '识别出的单元格数', 'Number of cells located'),
      i('n_errors', '错误数', 'Errors', '错误级发现数', 'Error-level findings'),
      i('n_warnings', '警告数', 'Warnings', '警告级发现数', 'Warning-level findings'),
      s('unit_printed', '报告自称单位', 'Unit as printed', '报告标题中的单位名称', 'Unit name as the report prints it'),
      s('overview', '总体情况', 'Overview', '第一部分正文（纯文本）', 'Section I prose (plain text)'),
      s('problems', '主要问题及改进', 'Problems', '第五部分正文（纯文本）', 'Section V prose (plain text)'),
      s('other', '其他事项', 'Other matters', '第六部分正文（纯文本）', 'Section VI prose (plain text)'),
      s('source_url', '原文链接', 'Source URL', '报告原文网页地址（文件自身所载，否则取 sources.csv 中该单位该年度的 url）', "The report page's own address (as the file states it, else the unit-year's url in sources.csv)"),
      s('published_at', '发布日期', 'Published', '发布日期 YYYY-MM-DD（文件所载，如网页的发布时间）', 'Publication date YYYY-MM-DD, as the file states it (e.g. the page header)'),
      i('days_late', '逾期天数', 'Days late', '发布日期晚于法定期限（报告年度次年1月31日）的天数；按期发布为 0；发布日期不明为空', 'Days the report was published after its deadline (31 January of the year after the report year); 0 when on time; empty when the publication date is unknown'),
    ],
  },
  {
    name: 'cells',
    title: { zh: '单元格', en: 'Cells' },
    description: { zh: '整洁格式：每个报告的每个表格单元格一行', en: 'Tidy: one row per table cell of each report' },
    fields: [
      // A report whose year neither its text nor its folder gives still has its cells published
      // (with a year_unknown finding), as its reports row does: empty year, never a dropped file.
      DISTRICT, UNIT, UNIT_CODE, UNIT_KIND, { ...YEAR, description: { zh: '报告所述年度；报告与文件夹均未给出年度时为空', en: 'Year the figures cover; empty when neither the report nor its folder gives one' }, required: false }, REPORT_ID,
      s('format', '格式', 'Format', '该报告识别出的格式', 'Format detected for the report', { enum: FORMAT_VALUES }),
      s('section', '部分', 'Section', 'active（二）、apply（三）、appeal（四）', 'active (II), apply (III), appeal (IV)', { enum: ['active', 'apply', 'appeal'] }),
      s('key', '单元格键', 'Cell key', '格式规范中的单元格键，如 apply.new.total', 'Cell key from the format spec, e.g. apply.new.total', { required: true }),
      { ...s('value', '数值', 'Value', '数值；空白单元格为空', 'Number; empty for a blank cell'), type: 'number', sql: 'DOUBLE' },
      s('flag', '读取标记', 'Flag', 'ok、blank（空白）、zero_text（无/—记为0）、non_numeric（文字）', 'ok, blank, zero_text (无/— read as 0), non_numeric (text)', { enum: CELL_FLAGS }),
      s('raw', '原文', 'Raw text', '单元格非纯数字时的原文', 'Printed text when the cell was not a plain number'),
    ],
  },
  {
    name: 'findings',
    title: { zh: '校验发现', en: 'Findings' },
    description: { zh: '校验规则（A1–A11、C1–C5、F1–F3）与解析问题', en: 'Validation rules (A1–A11, C1–C5, F1–F3) and parse problems' },
    fields: [
      DISTRICT, UNIT, UNIT_CODE, { ...YEAR, required: false }, REPORT_ID,
      s('file', '文件', 'File', '相关文件（跨年度规则为空）', 'File concerned (empty for cross-year rules)'),
      s('rule', '规则', 'Rule', '规则编号', 'Rule id', { required: true }),
      s('level', '级别', 'Level', 'error、warn 或 info', 'error, warn or info', { enum: LEVELS }),
      s('cells', '单元格', 'Cells', '涉及的单元格键，以 | 分隔', 'Cell keys involved, separated by |'),
      s('expected', '应为', 'Expected', '按勾稽关系应得的值', 'Value the arithmetic expects'),
      s('actual', '实为', 'Actual', '报告中的值', 'Value printed'),
      { ...s('assumed_zero', '空白记零', 'Blank as zero', '校验时是否将空白单元格记为 0', 'True when a blank cell was counted as 0'), type: 'boolean', sql: 'BOOLEAN' },
      s('message', '说明', 'Message', '中文说明', 'Message in Chinese'),
      s('message_en', '说明（英文）', 'Message (English)', '英文说明', 'Message in English'),
    ],
  },
  {
    name: 'coverage',
    title: { zh: '报告覆盖', en: 'Coverage' },
    description: { zh: '每个应报单位 × 年度的报告状态', en: 'Report status of every expected unit × year' },
    primaryKey: ['district', 'unit', 'year'],
    fields: [
      DISTRICT, UNIT, UNIT_CODE, UNIT_KIND, YEAR,
      s('status', '状态', 'Status', 'received 已收到；not_collected 未收录（本数据集未收集到报告，也无查找记录，不代表单位未发布）；not_published 未发布（经查找未发现该报告，见 sources.csv 的 checked_at）；duplicate 重复（同一年度多份报告）；not_expected 不应报（单位存续期外的报告）', 'received; not_collected (no report in this dataset and no record of a search — not a failure of the unit); not_published (looked for and not found, see sources.csv checked_at); duplicate (several reports for the year); not_expected (a report outside the years the unit exists)', { enum: COVERAGE_STATUSES }),
      i('n_reports', '报告数', 'Reports', '该单位该年度的报告文件数', 'Report files for the unit and year'),
    ],
  },
]

/** CREATE TABLE statement for a table, from its field list. */
export function createTableSql(t: TableDef): string {
  return `CREATE TABLE ${t.name} (${t.fields.map((f) => `"${f.name}" ${f.sql}`).join(', ')})`
}

export function tableDef(name: TableDef['name']): TableDef {
  return TABLES.find((t) => t.name === name)!
}
