import type { FormatId } from '../model/types'
import type { Block } from './doc'
import { compact, tidy } from './text-norm'

/** Metadata read from the title and preamble (format-spec.md §2). */
export interface PreambleMeta {
  unit: string | null
  year: number | null
  /** True when the year came from the title (not from the 统计期限 sentence). */
  yearFromTitle: boolean
  format_claimed: FormatId | null
  period_year: number | null
}

const TITLE = /^(.*?)(?:关于)?((?:19|20)\d{2})年度?(?:本?单位)?政府信息公开(?:工作)?(?:年度)?(?:工作)?报告/
const TITLE_YEAR_AFTER = /^(.*?)政府信息公开工作((?:19|20)\d{2})年度?报告/
/** "2021年呼兰区白奎镇政府信息公开工作年度报告": year first, unit after it. */
const TITLE_YEAR_FIRST = /^((?:19|20)\d{2})年度?(.{2,40}?)(?:关于)?政府信息公开(?:工作)?(?:年度)?报告/
const CONTACT = /请(?:与|向)?联系([^，,。；;：:（(\s]{2,30}?)(?:，|,|。|；|联系电话|电话|（|\(|$)/
const PERIOD = /统计期限[^。]{0,12}?((?:19|20)\d{2})年/
const CLAIM_2021 = /[〔\[［(（【]\s*2021\s*[〕\]］)）】]\s*30\s*号/
const CLAIM_2019 = /[〔\[［(（【]\s*2019\s*[〕\]］)）】]\s*60\s*号/
/** Title lines are short; the first long line is the body. */
const MAX_TITLE_LINE = 60
const MAX_TITLE_LINES = 6

/**
 * Reads unit, year, claimed format and statistics period from the blocks before the first
 * heading. The title may wrap over several lines ("…2021年政府信息公开工作\n年度报告"), so the
 * leading short lines are joined before matching. Falls back to the contact sentence
 * "请联系…" for the unit.
 */
export function readPreamble(preamble: readonly Block[], allText: string): PreambleMeta {
  const paras = preamble.filter((b): b is Extract<Block, { kind: 'para' }> => b.kind === 'para').map((b) => b.text)
  let unit: string | null = null
  let year: number | null = null

  let joined = ''
  for (const line of paras.slice(0, MAX_TITLE_LINES)) {
    // Whitespace only is removed, so the unit stays as printed (no NFKC).
    const text = line.replace(/[\s\u00a0\u3000]+/g, '')
    if (text.length === 0) continue
    if (text.length > MAX_TITLE_LINE) break
    joined += text
    const m = TITLE.exec(joined) ?? TITLE_YEAR_AFTER.exec(joined)
    if (m && m[1]) {
      unit = cleanUnit(m[1])
      year = Number(m[2])
      break
    }
    const first = TITLE_YEAR_FIRST.exec(joined)
    if (first) {
      unit = cleanUnit(first[2]!)
      year = Number(first[1])
      break
    }
    if (m) {
      year = Number(m[2])
      break
    }
  }

  const body = paras.join('\n')
  if (!unit) {
    const contact = CONTACT.exec(compact(body)) ?? CONTACT.exec(compact(allText))
    if (contact) unit = cleanUnit(contact[1]!)
  }
  const period = PERIOD.exec(compact(body)) ?? PERIOD.exec(compact(allText.slice(0, 4000)))
  const period_year = period ? Number(period[1]) : null
  const claimText = body.length > 0 ? body : allText.slice(0, 4000)
  const format_claimed: FormatId | null = CLAIM_2021.test(claimText) ? 'gov2021' : CLAIM_2019.test(claimText) ? 'gov2019' : null
  const yearFromTitle = year !== null
  return { unit, year: year ?? period_year, yearFromTitle, format_claimed, period_year }
}

/** Normalises a unit name as printed: whitespace removed, surrounding punctuation dropped. */
function cleanUnit(raw: string): string | null {
  const text = tidy(raw).replace(/\s+/g, '').replace(/^[《“"【\[]+|[》”"】\]：:，,]+$/g, '').replace(/关于$/, '')
  return text.length >= 2 && text.length <= 40 ? text : null
}
