import { appealRuleCases } from './appeal-cases'

appealRuleCases('A5', 'litigation.direct', '行政诉讼（未经复议直接起诉）：')
