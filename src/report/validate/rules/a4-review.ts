import { appealRule } from './appeal-sum'

/** A4 (ERROR, [DERIVED]): 行政复议 总计 = its four result columns. */
export const a4Review = appealRule('A4', 'review')
