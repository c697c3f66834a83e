import { finding } from '../../finding'
import type { ReportRule } from './types'

const FORMAT_NAME = { gov2021: { zh: '2021年', en: 'gov2021' }, gov2019: { zh: '2019年试行', en: 'gov2019' } } as const

/**
 * F1 (WARN): the detected format does not belong to the report year — a 2021+ report in the 2019
 * tables (西安阎良 2021) or a 2019/2020 report in the 2021 tables.
 */
export const f1FormatYear: ReportRule = ({ meta }) => {
  const { year, format } = meta
  if (year === null || (format !== 'gov2021' && format !== 'gov2019')) return []
  const expected = year >= 2021 ? 'gov2021' : year >= 2019 ? 'gov2019' : null
  if (!expected || expected === format) return []
  return [
    finding('F1', 'warn', 'meta', {
      zh: `${year}年度报告使用了${FORMAT_NAME[format].zh}表格格式（该年度应为${FORMAT_NAME[expected].zh}格式）`,
      en: `a ${year} report uses the ${format} tables (${expected} expected for that year)`,
    }, { expected, actual: format }),
  ]
}
