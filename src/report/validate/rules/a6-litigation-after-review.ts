import { appealRule } from './appeal-sum'

/** A6 (ERROR, [DERIVED]): 行政诉讼·复议后起诉 总计 = its four result columns. */
export const a6LitigationAfterReview = appealRule('A6', 'litigation.after_review')
