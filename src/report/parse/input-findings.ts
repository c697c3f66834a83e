import type { DetectedFormat } from '../model/types'
import type { Finding } from '../types'
import { parseFinding } from './findings'

/**
 * Findings about the input as a whole, kept apart from the extractor (parse-doc.ts) so each is one
 * call there or in index.ts.
 */

/**
 * `no_table` (warn) when a file reads as a report (title or section headings) but not one table
 * cell was found: the file would otherwise pass with no finding and no data. A pre-2019 (legacy)
 * report has no national tables by definition and already carries the `legacy` finding.
 */
export function noTableFindings(cells: Readonly<Record<string, number | null>>, format: DetectedFormat): Finding[] {
  for (const _ in cells) return []
  if (format === 'legacy') return []
  return [parseFinding('no_table', 'warn', 'meta', '未找到表格', 'no table found')]
}

/**
 * `bad_bytes` (warn) when decoding replaced invalid byte sequences by U+FFFD (a UTF-8 file with a
 * few corrupted bytes or a GBK footer line): the text around them may be lost.
 */
export function badBytesFindings(replaced: number, encoding: string): Finding[] {
  if (replaced <= 0) return []
  return [
    parseFinding(
      'bad_bytes',
      'warn',
      'meta',
      `按 ${encoding} 解码时有${replaced}处无效字节，已替换为“\ufffd”，其所在文字可能缺失`,
      `${replaced} invalid byte sequences when decoding as ${encoding}, replaced by "\ufffd"; the text there may be lost`,
      { actual: replaced },
    ),
  ]
}
