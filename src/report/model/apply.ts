import type { FormatId, Label } from './types'

/** A data row of section 三 (applications matrix). */
export interface ApplyRowDef {
  /** Row key, e.g. `result.withheld.state_secret`. */
  key: string
  /** Printed group label sharing the row (三、本年度办理结果, （三）不予公开 …), if any. */
  group?: Label
  /** Printed leaf label of the row, exactly as in the template. */
  label: Label
  /**
   * Distinctive substrings (normalised: NFKC, no whitespace, unified quotes) that identify the row
   * label. Never the numeric prefix (docs/formats.md, “Reading a cell”).
   */
  match: readonly string[]
  /** Outcome group for charts: granted/partial/withheld/unable/not_processed/other; absent for non-result rows. */
  outcome?: OutcomeGroup
  formats: readonly FormatId[]
}

/** The six outcome groups of 三、本年度办理结果, in print order. */
export type OutcomeGroup = 'granted' | 'partial' | 'withheld' | 'unable' | 'not_processed' | 'other'

export const OUTCOME_GROUPS: readonly { key: OutcomeGroup; label: Label }[] = [
  { key: 'granted', label: { zh: '予以公开', en: 'Granted' } },
  { key: 'partial', label: { zh: '部分公开', en: 'Partly granted' } },
  { key: 'withheld', label: { zh: '不予公开', en: 'Withheld' } },
  { key: 'unable', label: { zh: '无法提供', en: 'Unable to provide' } },
  { key: 'not_processed', label: { zh: '不予处理', en: 'Not processed' } },
  { key: 'other', label: { zh: '其他处理', en: 'Other handling' } },
]

const BOTH: readonly FormatId[] = ['gov2021', 'gov2019']
const ONLY_2021: readonly FormatId[] = ['gov2021']
const ONLY_2019: readonly FormatId[] = ['gov2019']

const RESULT: Label = { zh: '三、本年度办理结果', en: 'III. Outcomes this year' }
const WITHHELD: Label = { zh: '（三）不予公开', en: '(3) Withheld' }
const UNABLE: Label = { zh: '（四）无法提供', en: '(4) Unable to provide' }
const NOT_PROCESSED: Label = { zh: '（五）不予处理', en: '(5) Not processed' }
const OTHER: Label = { zh: '（六）其他处理', en: '(6) Other handling' }

/** Section 三 rows in print order; each format uses the rows listing it (25 in gov2021, 23 in gov2019). */
export const APPLY_ROWS: readonly ApplyRowDef[] = [
  { key: 'new', label: { zh: '一、本年新收政府信息公开申请数量', en: 'I. New applications received this year' }, match: ['本年新收'], formats: BOTH },
  { key: 'carried_over', label: { zh: '二、上年结转政府信息公开申请数量', en: 'II. Applications carried over from last year' }, match: ['上年结转'], formats: BOTH },
  { key: 'result.granted', group: RESULT, label: { zh: '（一）予以公开', en: '(1) Granted' }, match: ['予以公开'], outcome: 'granted', formats: BOTH },
  { key: 'result.partial', label: { zh: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', en: '(2) Partly granted (counted only here when split)' }, match: ['部分公开'], outcome: 'partial', formats: BOTH },
  { key: 'result.withheld.state_secret', group: WITHHELD, label: { zh: '1.属于国家秘密', en: '1. State secret' }, match: ['国家秘密'], outcome: 'withheld', formats: BOTH },
  { key: 'result.withheld.law_prohibited', label: { zh: '2.其他法律行政法规禁止公开', en: '2. Prohibited by other laws or regulations' }, match: ['法律行政法规禁止', '禁止公开'], outcome: 'withheld', formats: BOTH },
  { key: 'result.withheld.security_stability', label: { zh: '3.危及“三安全一稳定”', en: '3. Endangers security or stability' }, match: ['三安全一稳定'], outcome: 'withheld', formats: BOTH },
  { key: 'result.withheld.third_party', label: { zh: '4.保护第三方合法权益', en: '4. Protects third-party rights' }, match: ['第三方合法权益'], outcome: 'withheld', formats: BOTH },
  { key: 'result.withheld.internal_affairs', label: { zh: '5.属于三类内部事务信息', en: '5. Internal affairs' }, match: ['内部事务'], outcome: 'withheld', formats: BOTH },
  { key: 'result.withheld.process_info', label: { zh: '6.属于四类过程性信息', en: '6. Process information' }, match: ['过程性信息'], outcome: 'withheld', formats: BOTH },
  { key: 'result.withheld.enforcement_file', label: { zh: '7.属于行政执法案卷', en: '7. Enforcement case file' }, match: ['执法案卷'], outcome: 'withheld', formats: BOTH },
  { key: 'result.withheld.admin_query', label: { zh: '8.属于行政查询事项', en: '8. Administrative query matter' }, match: ['行政查询'], outcome: 'withheld', formats: BOTH },
  { key: 'result.unable.not_held', group: UNABLE, label: { zh: '1.本机关不掌握相关政府信息', en: '1. Not held by this agency' }, match: ['不掌握'], outcome: 'unable', formats: BOTH },
  { key: 'result.unable.needs_creation', label: { zh: '2.没有现成信息需要另行制作', en: '2. Would need to be created' }, match: ['另行制作'], outcome: 'unable', formats: BOTH },
  { key: 'result.unable.still_unclear', label: { zh: '3.补正后申请内容仍不明确', en: '3. Still unclear after correction' }, match: ['仍不明确'], outcome: 'unable', formats: BOTH },
  { key: 'result.not_processed.petition', group: NOT_PROCESSED, label: { zh: '1.信访举报投诉类申请', en: '1. Petition, report or complaint' }, match: ['信访举报投诉', '信访'], outcome: 'not_processed', formats: BOTH },
  { key: 'result.not_processed.repeat', label: { zh: '2.重复申请', en: '2. Repeated application' }, match: ['重复申请'], outcome: 'not_processed', formats: BOTH },
  { key: 'result.not_processed.publication', label: { zh: '3.要求提供公开出版物', en: '3. Asks for a publication' }, match: ['公开出版物'], outcome: 'not_processed', formats: BOTH },
  { key: 'result.not_processed.excessive', label: { zh: '4.无正当理由大量反复申请', en: '4. Excessive repeated applications' }, match: ['大量反复申请', '大量反复'], outcome: 'not_processed', formats: BOTH },
  { key: 'result.not_processed.confirm_reissue', label: { zh: '5.要求行政机关确认或重新出具已获取信息', en: '5. Asks to confirm or reissue information held' }, match: ['重新出具'], outcome: 'not_processed', formats: BOTH },
  { key: 'result.other.no_correction', group: OTHER, label: { zh: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: '1. Applicant did not correct in time' }, match: ['逾期不补正'], outcome: 'other', formats: ONLY_2021 },
  { key: 'result.other.unpaid_fee', label: { zh: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: '2. Applicant did not pay the fee in time' }, match: ['收费通知'], outcome: 'other', formats: ONLY_2021 },
  { key: 'result.other.misc', label: { zh: '3.其他', en: '3. Other' }, match: ['其他'], outcome: 'other', formats: ONLY_2021 },
  { key: 'result.other.subtotal', label: { zh: '（六）其他处理', en: '(6) Other handling' }, match: ['其他处理'], outcome: 'other', formats: ONLY_2019 },
  { key: 'result.total', label: { zh: '（七）总计', en: '(7) Total decided' }, match: ['总计'], formats: BOTH },
  { key: 'carry_forward', label: { zh: '四、结转下年度继续办理', en: 'IV. Carried forward to next year' }, match: ['结转下年度'], formats: BOTH },
]

/** Section 三 columns in print order: applicant types (7 value cells per data row). */
export const APPLY_COLS: readonly { key: string; label: Label; group?: Label }[] = [
  { key: 'natural_person', label: { zh: '自然人', en: 'Natural persons' } },
  { key: 'legal.commercial', group: { zh: '法人或其他组织', en: 'Legal persons or other organisations' }, label: { zh: '商业企业', en: 'Businesses' } },
  { key: 'legal.research', group: { zh: '法人或其他组织', en: 'Legal persons or other organisations' }, label: { zh: '科研机构', en: 'Research institutions' } },
  { key: 'legal.public_interest', group: { zh: '法人或其他组织', en: 'Legal persons or other organisations' }, label: { zh: '社会公益组织', en: 'Public-interest organisations' } },
  { key: 'legal.law_service', group: { zh: '法人或其他组织', en: 'Legal persons or other organisations' }, label: { zh: '法律服务机构', en: 'Legal service providers' } },
  { key: 'legal.other', group: { zh: '法人或其他组织', en: 'Legal persons or other organisations' }, label: { zh: '其他', en: 'Other organisations' } },
  { key: 'total', label: { zh: '总计', en: 'Total' } },
]

/** The applicant-type columns that add up to `total` (rule A3). */
export const APPLY_PART_COLS = APPLY_COLS.slice(0, 6).map((c) => c.key)

/** The note printed in the top-left header block of section 三 in both formats (rule A1). */
export const APPLY_BALANCE_NOTE = '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和'

/** Rows of section 三 used by a format, in print order. */
export function applyRowsOf(format: FormatId): ApplyRowDef[] {
  return APPLY_ROWS.filter((r) => r.formats.includes(format))
}
