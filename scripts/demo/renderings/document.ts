import { formatLayout, type LayoutTable } from '~/report/layout'
import type { FormatId } from '~/report/model/types'
import type { ReportRecord } from './types'

/** A report reduced to what every renderer draws, in reading order. */
export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; table: LayoutTable }

const CITATION: Record<FormatId, string> = {
  gov2021: '《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》（国办公开办函〔2021〕30号）',
  gov2019: '《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）',
}

/** The six section headings as the national format numbers them (docs/formats.md, “Six sections”). */
export const HEADINGS = {
  overview: '一、总体情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const

const n = (cells: ReportRecord['cells'], key: string) => cells[key] ?? 0

/**
 * Section 一 when the record brings no text: one sentence stating the table's own totals, so the
 * prose never contradicts the tables (rule A11).
 */
function derivedOverview(rec: ReportRecord): string {
  const received = n(rec.cells, 'apply.new.total')
  const decided = n(rec.cells, 'apply.result.total.total')
  const reviews = n(rec.cells, 'review.total')
  const suits = n(rec.cells, 'litigation.direct.total') + n(rec.cells, 'litigation.after_review.total')
  const apply = received > 0 ? `本年度新收政府信息公开申请${received}件，办结${decided}件` : '本年度未收到政府信息公开申请'
  const appeal = reviews + suits > 0 ? `因政府信息公开被申请行政复议${reviews}件、提起行政诉讼${suits}件` : '未发生因政府信息公开引起的行政复议、行政诉讼'
  return `${rec.year}年，${rec.unit}依法做好政府信息公开工作。${apply}；${appeal}。`
}

const paragraphs = (text: string | undefined, fallback: string): DocBlock[] =>
  (text ?? fallback).split('\n').filter((p) => p.trim() !== '').map((p) => ({ kind: 'para', text: p }))

/**
 * The report as blocks: title, preamble (citing 30号 or 60号, the 统计期限 sentence and the contact
 * sentence), then the six sections with the format's tables in sections 二, 三 and 四.
 */
export function reportBlocks(rec: ReportRecord): DocBlock[] {
  const cited = rec.claimedFormat ?? rec.format
  const preamble =
    `根据《中华人民共和国政府信息公开条例》规定和${CITATION[cited]}要求，在总结${rec.year}年政府信息公开工作的基础上，编制此报告。` +
    `报告中所列数据统计期限自${rec.year}年1月1日起至${rec.year}年12月31日止。` +
    `如对本报告有任何疑问或意见建议，请联系${rec.unit}。`
  const blocks: DocBlock[] = [
    { kind: 'title', text: `${rec.unit}${rec.year}年政府信息公开工作年度报告` },
    { kind: 'para', text: preamble },
    { kind: 'heading', text: HEADINGS.overview },
    ...paragraphs(rec.prose?.overview, derivedOverview(rec)),
  ]
  for (const s of formatLayout(rec.format).sections) {
    blocks.push({ kind: 'heading', text: s.title.zh }, { kind: 'table', table: s.table })
  }
  blocks.push(
    { kind: 'heading', text: HEADINGS.problems },
    ...paragraphs(rec.prose?.problems, '无。'),
    { kind: 'heading', text: HEADINGS.other },
    ...paragraphs(rec.prose?.other, '无。'),
  )
  return blocks
}
