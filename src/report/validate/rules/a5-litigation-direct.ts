import { appealRule } from './appeal-sum'

/** A5 (ERROR, [DERIVED]): 行政诉讼·未经复议直接起诉 总计 = its four result columns. */
export const a5LitigationDirect = appealRule('A5', 'litigation.direct')
