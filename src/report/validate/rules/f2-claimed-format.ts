import { finding } from '../../finding'
import type { ReportRule } from './types'

const CITATION = { gov2021: '国办公开办函〔2021〕30号', gov2019: '国办公开办函〔2019〕60号' } as const

/** F2 (INFO): the preamble cites the other 函 than the format the tables follow. */
export const f2ClaimedFormat: ReportRule = ({ meta }) => {
  const { format, format_claimed: claimed } = meta
  if (!claimed || (format !== 'gov2021' && format !== 'gov2019') || claimed === format) return []
  return [
    finding('F2', 'info', 'meta', {
      zh: `前言引用${CITATION[claimed]}，但表格为${CITATION[format]}规定的格式`,
      en: `the preamble cites ${CITATION[claimed]} (${claimed}) but the tables follow ${format}`,
    }, { expected: claimed, actual: format }),
  ]
}
