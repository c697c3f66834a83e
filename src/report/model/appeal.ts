import type { Label } from './types'

/** The three case groups of section 四, in print order (5 cells each). */
export const APPEAL_GROUPS: readonly { key: string; label: Label; parent?: Label }[] = [
  { key: 'review', label: { zh: '行政复议', en: 'Administrative review' } },
  { key: 'litigation.direct', parent: { zh: '行政诉讼', en: 'Litigation' }, label: { zh: '未经复议直接起诉', en: 'Direct lawsuit' } },
  { key: 'litigation.after_review', parent: { zh: '行政诉讼', en: 'Litigation' }, label: { zh: '复议后起诉', en: 'Lawsuit after review' } },
]

/** The five result columns of every case group; the first four add up to `total` (rules A4–A6). */
export const APPEAL_RESULTS: readonly { key: string; label: Label }[] = [
  { key: 'maintained', label: { zh: '结果维持', en: 'Upheld' } },
  { key: 'corrected', label: { zh: '结果纠正', en: 'Corrected' } },
  { key: 'other', label: { zh: '其他结果', en: 'Other result' } },
  { key: 'pending', label: { zh: '尚未审结', en: 'Pending' } },
  { key: 'total', label: { zh: '总计', en: 'Total' } },
]
