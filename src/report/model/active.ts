import type { CellType, FormatId, Label } from './types'

/** A row of a section 二 table (规章, 行政许可 …). */
export interface ActiveRowDef {
  key: string
  label: Label
  /** Normalised label alternatives, longest first (行政规范性文件 before 规范性文件). */
  match: readonly string[]
}

/** A column of a section 二 table (本年制发件数 …). */
export interface ActiveColDef {
  key: string
  label: Label
  /** Normalised header substrings that identify the column, even when wrapped or truncated. */
  match: readonly string[]
  type: CellType
}

/** One of the small section 二 tables, headed by its caption 第二十条第（N）项. */
export interface ActiveTableDef {
  /** Caption exactly as printed. */
  caption: string
  /** The article item number N of the caption (1, 5, 6, 8, 9). */
  item: number
  rows: readonly ActiveRowDef[]
  cols: readonly ActiveColDef[]
}

const REGULATION: ActiveRowDef = { key: 'regulation', label: { zh: '规章', en: 'Regulations' }, match: ['规章'] }
const LICENSE: ActiveRowDef = { key: 'license', label: { zh: '行政许可', en: 'Administrative licensing' }, match: ['行政许可'] }
const PENALTY: ActiveRowDef = { key: 'penalty', label: { zh: '行政处罚', en: 'Administrative penalties' }, match: ['行政处罚'] }
const COERCION: ActiveRowDef = { key: 'coercion', label: { zh: '行政强制', en: 'Administrative coercion' }, match: ['行政强制'] }
const FEE: ActiveRowDef = { key: 'fee', label: { zh: '行政事业性收费', en: 'Administrative fees' }, match: ['行政事业性收费', '事业性收费'] }

const DECISIONS: ActiveColDef = { key: 'decisions', label: { zh: '本年处理决定数量', en: 'Decisions this year' }, match: ['处理决定数量', '处理决定'], type: 'count' }

/** Section 二 of the 2021 format: four tables, 10 cells. */
export const ACTIVE_2021: readonly ActiveTableDef[] = [
  {
    caption: '第二十条第（一）项',
    item: 1,
    rows: [REGULATION, { key: 'normative', label: { zh: '行政规范性文件', en: 'Normative documents' }, match: ['行政规范性文件', '规范性文件'] }],
    cols: [
      { key: 'issued', label: { zh: '本年制发件数', en: 'Issued this year' }, match: ['制发件数', '制发'], type: 'count' },
      { key: 'repealed', label: { zh: '本年废止件数', en: 'Repealed this year' }, match: ['废止件数', '废止'], type: 'count' },
      { key: 'in_force', label: { zh: '现行有效件数', en: 'In force' }, match: ['现行有效件数', '现行有效'], type: 'count' },
    ],
  },
  { caption: '第二十条第（五）项', item: 5, rows: [LICENSE], cols: [DECISIONS] },
  { caption: '第二十条第（六）项', item: 6, rows: [PENALTY, COERCION], cols: [DECISIONS] },
  {
    caption: '第二十条第（八）项',
    item: 8,
    rows: [FEE],
    cols: [{ key: 'amount_wan', label: { zh: '本年收费金额（单位：万元）', en: 'Fees collected (10,000 yuan)' }, match: ['收费金额'], type: 'decimal' }],
  },
]

const PREV_ITEMS: ActiveColDef = { key: 'prev_items', label: { zh: '上一年项目数量', en: 'Items last year' }, match: ['上一年项目数量', '上一年项目', '上一年'], type: 'count' }
const DELTA: ActiveColDef = { key: 'delta', label: { zh: '本年增/减', en: 'Change this year' }, match: ['本年增/减', '本年增', '增/减', '增减'], type: 'signed' }
const DECISIONS_2019: ActiveColDef = { key: 'decisions', label: { zh: '处理决定数量', en: 'Decisions' }, match: ['处理决定数量', '处理决定'], type: 'count' }

/** Section 二 of the 2019 (trial) format: five tables, 22 cells. */
export const ACTIVE_2019: readonly ActiveTableDef[] = [
  {
    caption: '第二十条第（一）项',
    item: 1,
    rows: [REGULATION, { key: 'normative', label: { zh: '规范性文件', en: 'Normative documents' }, match: ['规范性文件'] }],
    cols: [
      { key: 'new_made', label: { zh: '本年新制作数量', en: 'Newly made this year' }, match: ['新制作数量', '新制作'], type: 'count' },
      { key: 'new_published', label: { zh: '本年新公开数量', en: 'Newly published this year' }, match: ['新公开数量', '新公开'], type: 'count' },
      { key: 'total_published', label: { zh: '对外公开总数量', en: 'Total published' }, match: ['对外公开总数量', '公开总数'], type: 'count' },
    ],
  },
  {
    caption: '第二十条第（五）项',
    item: 5,
    rows: [LICENSE, { key: 'other_service', label: { zh: '其他对外管理服务事项', en: 'Other public service items' }, match: ['其他对外管理服务事项', '对外管理服务'] }],
    cols: [PREV_ITEMS, DELTA, DECISIONS_2019],
  },
  { caption: '第二十条第（六）项', item: 6, rows: [PENALTY, COERCION], cols: [PREV_ITEMS, DELTA, DECISIONS_2019] },
  { caption: '第二十条第（八）项', item: 8, rows: [FEE], cols: [PREV_ITEMS, DELTA] },
  {
    caption: '第二十条第（九）项',
    item: 9,
    rows: [{ key: 'procurement', label: { zh: '政府集中采购', en: 'Government central procurement' }, match: ['政府集中采购', '集中采购'] }],
    cols: [
      { key: 'projects', label: { zh: '采购项目数量', en: 'Procurement projects' }, match: ['采购项目数量', '项目数量'], type: 'count' },
      { key: 'amount', label: { zh: '采购总金额', en: 'Procurement amount (as printed)' }, match: ['采购总金额', '总金额'], type: 'decimal' },
    ],
  },
]

export function activeTablesOf(format: FormatId): readonly ActiveTableDef[] {
  return format === 'gov2021' ? ACTIVE_2021 : ACTIVE_2019
}
