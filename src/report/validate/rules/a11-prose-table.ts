import type { Finding } from '../../types'
import { finding } from '../../finding'
import { num } from '../../model/labels'
import type { ReportRule } from './types'

/** Section 一 says no application was received ("本年度未收到政府信息公开申请"). */
const NO_APPLICATION = /(?:未|没有)(?:收到|受理|接到)[^。；]{0,20}?申请/
/** Section 一 says no review case happened ("未发生因政府信息公开引起的行政复议"). */
const NO_REVIEW = /(?:未|没有)(?:发生|收到|出现|产生)[^。；]{0,30}?行政复议/
/** "零报告": nothing happened at all. */
const ZERO_REPORT = /零报告/
/** Section 一 gives a positive application count ("共收到政府信息公开申请5件"). */
const SOME_APPLICATIONS = /(?:收到|受理)[^。；，,]{0,20}?申请[^。；，,\d]{0,4}?(\d+)\s*[件个份]/
/** Section 一 gives a positive review count ("发生行政复议案件2起"). */
const SOME_REVIEWS = /行政复议[^。；，,\d]{0,6}?(\d+)\s*[件起个]/

const APPLICATION_CELLS = ['apply.new.total', 'apply.result.total.total']
const REVIEW_CELLS = ['review.total']

/** The largest located, non-blank value of the cells, or null when none is printed. */
function printed(cells: Readonly<Record<string, number | null>>, keys: string[]): number | null {
  const values = keys.map((k) => cells[k]).filter((v): v is number => typeof v === 'number')
  return values.length ? Math.max(...values) : null
}

/** The narrative sentence around a match, for the finding's detail (plain text, never HTML). */
function sentence(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('。', index) + 1, index - 60)
  const end = text.indexOf('。', index)
  return text.slice(start, end < 0 ? Math.min(text.length, index + 60) : end + 1).trim()
}

/**
 * A11 (WARN, [PRACTICE]): section 一 prose contradicts the tables — it says no application
 * ("未收到…申请", "零报告") or no review ("未发生…行政复议") while the table counts some, or it
 * gives a positive count while the table's totals are 0. Never an ERROR: narratives often count
 * different things (variation “prose that disagrees with the tables” in docs/formats.md).
 */
export const a11ProseTable: ReportRule = (ctx) => {
  const text = (ctx.prose.overview ?? '').replace(/\s+/g, '')
  if (!text) return []
  const out: Finding[] = []
  const applications = printed(ctx.cells, APPLICATION_CELLS)
  const reviews = printed(ctx.cells, REVIEW_CELLS)

  const saysNoApplication = NO_APPLICATION.exec(text) ?? ZERO_REPORT.exec(text)
  if (saysNoApplication && applications !== null && applications > 0) {
    out.push(finding('A11', 'warn', 'prose', {
      zh: `正文称未收到申请，但表格三的申请数为${num(applications)}`,
      en: `the overview says no application was received, but table III counts ${num(applications)}`,
    }, { cells: APPLICATION_CELLS, expected: 0, actual: applications, detail: sentence(text, saysNoApplication.index) }))
  }
  const saysNoReview = NO_REVIEW.exec(text) ?? ZERO_REPORT.exec(text)
  if (saysNoReview && reviews !== null && reviews > 0) {
    out.push(finding('A11', 'warn', 'prose', {
      zh: `正文称未发生行政复议，但表格四的行政复议总计为${num(reviews)}`,
      en: `the overview says there was no administrative review, but table IV counts ${num(reviews)}`,
    }, { cells: REVIEW_CELLS, expected: 0, actual: reviews, detail: sentence(text, saysNoReview.index) }))
  }
  const claimsApplications = SOME_APPLICATIONS.exec(text)
  const claimed = claimsApplications ? Number(claimsApplications[1]) : 0
  if (claimsApplications && claimed > 0 && applications === 0) {
    out.push(finding('A11', 'warn', 'prose', {
      zh: `正文称收到申请${claimed}件，但表格三的申请数为0`,
      en: `the overview reports ${claimed} application(s), but table III counts 0`,
    }, { cells: APPLICATION_CELLS, expected: claimed, actual: 0, detail: sentence(text, claimsApplications.index) }))
  }
  const claimsReviews = SOME_REVIEWS.exec(text)
  const claimedReviews = claimsReviews ? Number(claimsReviews[1]) : 0
  if (claimsReviews && claimedReviews > 0 && reviews === 0) {
    out.push(finding('A11', 'warn', 'prose', {
      zh: `正文称发生行政复议${claimedReviews}件，但表格四的行政复议总计为0`,
      en: `the overview reports ${claimedReviews} administrative review(s), but table IV counts 0`,
    }, { cells: REVIEW_CELLS, expected: claimedReviews, actual: 0, detail: sentence(text, claimsReviews.index) }))
  }
  return out
}
