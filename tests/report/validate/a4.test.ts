import { appealRuleCases } from './appeal-cases'

appealRuleCases('A4', 'review', '行政复议：')
