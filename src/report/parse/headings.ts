import type { SectionKey } from '../model/types'
import { compact } from './text-norm'

/** The six report sections in print order (docs/formats.md, “Six sections”). */
export const SECTION_ORDER: readonly SectionKey[] = ['sec.overview', 'sec.active', 'sec.apply', 'sec.appeal', 'sec.problems', 'sec.other']

/**
 * Heading regex of docs/formats.md, “Six sections”, run on a compacted line (no whitespace, NFKC). The numeral is
 * optional and may be Chinese or Arabic (Word auto-numbering, variation “mixed heading numerals” in docs/formats.md); the title words decide.
 */
const HEADING =
  /^(?:(?:[一二三四五六]|[1-6])[、.．]?)?(?:行政机关)?(总体情况|工作基本情况|工作总体推进情况|主动公开政府信息|收到和处理政府信息公开申请|(?:因?政府信息公开(?:工作被申请)?)?行政复议.{0,4}行政诉讼|(?:政府信息公开工作)?存在的主要问题|其他需要报告的事项)/

const KEY_BY_WORD: readonly [RegExp, SectionKey][] = [
  [/总体情况|基本情况|总体推进/, 'sec.overview'],
  [/主动公开/, 'sec.active'],
  [/收到和处理/, 'sec.apply'],
  [/行政复议/, 'sec.appeal'],
  [/存在的主要问题/, 'sec.problems'],
  [/其他需要报告/, 'sec.other'],
]

/**
 * The section a paragraph line heads, or null. Guards from docs/formats.md, “Six sections”: at most 40
 * characters, not ending in 。, not a table cell (callers never pass cells).
 */
export function headingOf(line: string): SectionKey | null {
  const text = compact(line)
  if (text.length === 0 || text.length > 40 || text.endsWith('。')) return null
  const m = HEADING.exec(text)
  if (!m) return null
  const word = m[1]!
  for (const [re, key] of KEY_BY_WORD) if (re.test(word)) return key
  return null
}
