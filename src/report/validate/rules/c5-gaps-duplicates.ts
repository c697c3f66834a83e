import { finding } from '../../finding'
import type { SeriesFinding, SeriesReport } from './types'

/**
 * C5 (INFO, [DERIVED]): a gap year (reports for Y−1 and Y+1 but none for Y), and two or more
 * reports for the same year (one finding per report of that year, naming the others).
 */
export function c5GapsDuplicates(reports: readonly SeriesReport[]): SeriesFinding[] {
  const byYear = new Map<number, SeriesReport[]>()
  for (const r of reports) if (r.year !== null) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r])
  const out: SeriesFinding[] = []
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const gap = year + 1
    if (!byYear.has(gap) && byYear.has(gap + 1)) {
      out.push({
        year: gap,
        finding: finding('C5', 'info', 'meta', {
          zh: `有${year}年和${gap + 1}年的报告，缺少${gap}年的报告`,
          en: `reports exist for ${year} and ${gap + 1} but not for ${gap}`,
        }),
      })
    }
    const same = byYear.get(year)!
    if (same.length < 2) continue
    for (const r of same) {
      const others = same.filter((o) => o !== r).map((o) => o.file ?? '?')
      out.push({
        year,
        ...(r.file !== undefined ? { file: r.file } : {}),
        finding: finding('C5', 'info', 'meta', {
          zh: `${year}年有${same.length}份报告（另见：${others.join('、')}）`,
          en: `${same.length} reports for ${year} (see also: ${others.join(', ')})`,
        }, { expected: 1, actual: same.length }),
      })
    }
  }
  return out
}
