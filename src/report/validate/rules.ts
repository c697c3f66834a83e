import { PARSE_RULES, type Level } from '../types'

/**
 * Where a finding comes from: a rule on one report, on one unit's years, on all units of a
 * district, the parser, or the data build (a file it cannot read or place, coverage, timeliness).
 */
export type RuleScope = 'report' | 'series' | 'district' | 'parse' | 'build'

/** A rule id with its bilingual title, for the UI data dictionary and the findings table. */
export interface RuleDef {
  id: string
  scope: RuleScope
  /** Usual level. */
  level: Level
  /** Every level the rule is emitted at (A8 is ERROR for a whole missing table, C1 ERROR in strict mode). */
  levels: readonly Level[]
  title: { zh: string; en: string }
}

const r = (id: string, scope: RuleScope, level: Level, zh: string, en: string, also: readonly Level[] = []): RuleDef => ({ id, scope, level, levels: [level, ...also], title: { zh, en } })

/** Chinese titles of the parser's finding ids (PARSE_RULES carries the English). */
const PARSE_TITLES_ZH: Record<keyof typeof PARSE_RULES, string> = {
  tables_missing: '有章节标题但缺少表格',
  short_row: '表格行的数值单元格少于格式规定',
  non_numeric: '数值单元格中出现文字',
  zero_text: '数值单元格中的“无/—/-”按0读取',
  unit_in_cell: '数值单元格中带有单位（件、元、万元等）',
  glued_ambiguous: '数字粘连且拆分不唯一，相关单元格未读取',
  glued_recovered: '粘连数字已借助勾稽关系拆分',
  truncated: '文件在表格结束前中断',
  pdf_text: 'PDF 提取文本：按数字序列重建表格',
  no_unit: '未找到单位名称',
  no_year: '未找到报告年度',
  duplicate_row: '表格行重复出现，保留第一行',
  extra_row: '非国家格式的表格行（如省级增补行）',
  row_misaligned: '表格行的单元格多于格式规定且无法确定对应列（未读取）',
  legacy: '2019年以前或自由格式报告：无国家统一表格',
  heading_missing: '未识别到章节标题，已按表格定位该节',
  number_too_large: '数字过长，无法精确读取（未读取）',
  unit_mismatch: '单元格单位与栏目单位不符（未读取）',
  no_table: '是年度报告但未找到任何表格单元格',
  bad_bytes: '文本编码中有无效字节（已替换）',
}

/** Parse-level levels: what the parser uses for each id. */
const PARSE_LEVELS: Record<keyof typeof PARSE_RULES, Level> = {
  tables_missing: 'warn', short_row: 'warn', non_numeric: 'warn', zero_text: 'info', unit_in_cell: 'info',
  glued_ambiguous: 'warn', glued_recovered: 'info', truncated: 'warn', pdf_text: 'info', no_unit: 'warn',
  no_year: 'warn', duplicate_row: 'warn', extra_row: 'info', row_misaligned: 'warn', legacy: 'info',
  heading_missing: 'info',
  number_too_large: 'warn',
  unit_mismatch: 'warn',
  no_table: 'warn',
  bad_bytes: 'warn',
}

/**
 * The findings the data build raises itself (src/build/rules.ts `buildFinding` accepts only
 * these ids, each only at a level listed here). Each id has one meaning: the parser's `no_year`
 * (the report text gives no year) is not the build's `year_unknown` (nor does its folder).
 */
export const BUILD_RULE_DEFS = {
  unreadable: { levels: ['error'], zh: '文件无法作为年度报告读取', en: 'The file could not be read as a report' },
  unmatched: { levels: ['warn'], zh: '登记表中没有与报告对应的单位', en: 'No unit of the registry matches the report' },
  year_folder: { levels: ['warn'], zh: '报告年度与所在年度文件夹不一致（采用报告年度）', en: 'The report year differs from the year folder it is filed in (the report year is used)' },
  year_unknown: { levels: ['warn'], zh: '报告和所在文件夹均未给出年度（不计入任何年度）', en: 'Neither the report nor its folder gives a year (counted in no year)' },
  no_cells: { levels: ['warn'], zh: '文件已读取但未找到任何表格单元格', en: 'The file was read but no table cell was located, and the parser said nothing about why' },
  not_expected: { levels: ['warn'], zh: '报告年度不在单位存续期内（units.csv 的 valid_from/valid_to）', en: 'A report for a unit outside the years it exists (units.csv valid_from/valid_to)' },
  not_published: { levels: ['warn'], zh: '应报年度报告经查未发布（sources.csv 记录的查找结果）', en: 'Report looked for and not found: not published (as recorded in sources.csv)' },
  not_collected: { levels: ['info'], zh: '应报年度报告未收录（本站没有该文件，不是单位的过失）', en: 'Expected report not collected: we hold no file (not the unit\u2019s fault)' },
  late: { levels: ['info'], zh: '年度报告晚于次年1月31日发布（《条例》第五十条）', en: 'Report published after 31 January of the following year (Regulations art. 50)' },
} as const satisfies Record<string, { levels: readonly [Level, ...Level[]]; zh: string; en: string }>

export type BuildRuleId = keyof typeof BUILD_RULE_DEFS
/** The levels a build finding id may be raised at. */
export type BuildRuleLevel<R extends BuildRuleId> = (typeof BUILD_RULE_DEFS)[R]['levels'][number]

/**
 * Every finding id the project emits, with bilingual titles: the national rules A1–A11, C1–C5,
 * F1–F3 (docs/rules.md), the validator's `total_blank`, our cross-unit anomaly checks (X1, X2),
 * the data build's ids (BUILD_RULE_DEFS) and the parser's ids (PARSE_RULES).
 */
export const RULES: readonly RuleDef[] = [
  r('A1', 'report', 'error', '勾稽关系：一+二=三(七)+四（每列）', 'Balance: new + carried over = decided + carried forward (per column)'),
  r('A2', 'report', 'error', '（七）总计等于（一）至（六）之和（每列）', 'Outcome total equals the sum of outcomes (1)–(6) (per column)'),
  r('A3', 'report', 'error', '总计列等于自然人与法人或其他组织各列之和（每行）', 'Total column equals the applicant columns (per row)'),
  r('A4', 'report', 'error', '行政复议总计等于各结果之和', 'Review total equals its results'),
  r('A5', 'report', 'error', '未经复议直接起诉总计等于各结果之和', 'Direct-lawsuit total equals its results'),
  r('A6', 'report', 'error', '复议后起诉总计等于各结果之和', 'Lawsuit-after-review total equals its results'),
  r('A7', 'report', 'error', '数值范围：件数为非负整数，增减可为负，金额不小于0', 'Value range: counts are whole numbers ≥ 0, changes may be negative, amounts ≥ 0'),
  r('A8', 'report', 'warn', '完整性：格式规定的单元格均已找到', 'Completeness: every cell of the format was found', ['error']),
  r('A9', 'report', 'info', '现行有效件数不小于本年制发减本年废止', 'In force ≥ issued − repealed'),
  r('A10', 'report', 'info', '乡镇、街道报告了规章', 'Township or street office reports regulations'),
  r('A11', 'report', 'warn', '总体情况正文与表格不一致', 'Overview text contradicts the tables'),
  r('total_blank', 'report', 'info', '单元格空白，未做求和校验（A2/A3）', 'Cells left blank: sum not checked (A2/A3)'),
  r('C1', 'series', 'warn', '上年结转总计等于上一年度结转下年度总计', 'Carried over (total) equals last year’s carried forward', ['error']),
  r('C2', 'series', 'warn', '上年结转等于上一年度结转下年度（每列）', 'Carried over equals last year’s carried forward (per column)'),
  r('C3', 'series', 'warn', '现行有效件数 = 上年现行有效 + 本年制发 − 本年废止', 'In force = last year’s in force + issued − repealed'),
  r('C4', 'series', 'warn', '上一年项目数量 = 上一年度的上一年项目数量 + 本年增/减', 'Items last year = previous items + change'),
  r('C5', 'series', 'info', '年度缺报或同一年度重复报告', 'Gap year or duplicate reports for a year'),
  r('F1', 'report', 'warn', '表格格式与报告年度不符', 'Table format does not match the report year'),
  r('F2', 'report', 'info', '前言引用的格式文件与表格格式不符', 'Preamble cites the other format'),
  r('F3', 'report', 'warn', '标题年度与统计期限年度不符', 'Title year differs from the reporting period'),
  r('X1', 'district', 'warn', '与同年其他单位报告雷同（疑似照抄）', 'Identical to another unit’s report of the same year (possible copy)'),
  r('X2', 'district', 'warn', '新收申请数异常激增', 'Spike in new applications'),
  ...(Object.entries(BUILD_RULE_DEFS) as [BuildRuleId, (typeof BUILD_RULE_DEFS)[BuildRuleId]][]).map(([id, d]) =>
    r(id, 'build', d.levels[0], d.zh, d.en, d.levels.slice(1)),
  ),
  ...(Object.keys(PARSE_RULES) as (keyof typeof PARSE_RULES)[]).map((id) =>
    r(id, 'parse', PARSE_LEVELS[id], PARSE_TITLES_ZH[id], PARSE_RULES[id]),
  ),
]

const BY_ID = new Map(RULES.map((d) => [d.id, d]))

/** The definition of a rule id, or undefined for an id the project does not emit. */
export function ruleDef(id: string): RuleDef | undefined {
  return BY_ID.get(id)
}
