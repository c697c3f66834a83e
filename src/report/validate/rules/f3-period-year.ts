import { finding } from '../../finding'
import type { ReportRule } from './types'

/** F3 (WARN): the title year differs from the year of "统计期限自YYYY年…". */
export const f3PeriodYear: ReportRule = ({ meta }) => {
  const { year, period_year: period } = meta
  if (year === null || period === null || year === period) return []
  return [
    finding('F3', 'warn', 'meta', {
      zh: `标题年度为${year}年，但统计期限为${period}年`,
      en: `the title says ${year} but the reporting period is ${period}`,
    }, { expected: year, actual: period }),
  ]
}
