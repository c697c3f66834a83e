import { appealRuleCases } from './appeal-cases'

appealRuleCases('A6', 'litigation.after_review', '行政诉讼（复议后起诉）：')
