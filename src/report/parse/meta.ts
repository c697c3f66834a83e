import type { FormatId } from '../model/types'
import type { Block } from './doc'
import { compact, tidy } from './text-norm'

/**
 * Metadata of a real page (docs/formats.md, “Six sections”): unit, year, claimed format and statistics period,
 * plus where a crawler or the page says it was published. Real pages wrap the report in site
 * chrome — a crawler's `标题:` header block, `当前位置:首页>…`, `登录|注册`, flipbook `Page 8 -`,
 * spam inserted into sentences — so the title is looked for line by line near the top, with that
 * chrome cut away, then in the prose (`2021年，红升乡…`), the signature line, or the contact
 * sentence. What none of them states stays null (the caller raises no_unit / no_year).
 */
export interface PreambleMeta {
  unit: string | null
  year: number | null
  /** True when the year came from the title (not from the 统计期限 sentence or the prose). */
  yearFromTitle: boolean
  format_claimed: FormatId | null
  period_year: number | null
  /** The page's own address from a crawler header (原文链接) or null. */
  source_url: string | null
  /** Publication date "YYYY-MM-DD" from 发布时间/发布日期, or null. */
  published_at: string | null
}

const YEAR = '((?:19|20)\\d{2})'
/** `…X2021年度政府信息公开工作年度报告`: unit before the year. */
const TITLE = new RegExp(`^(.*?)(?:关于)?${YEAR}年度?(?:本?单位)?(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度)?(?:工作)?(?:年报|报告)`)
const TITLE_YEAR_AFTER = new RegExp(`^(.*?)政府信息公开工作${YEAR}年度?报告`)
/** "2021年呼兰区白奎镇政府信息公开工作年度报告": year first, unit after it. */
const TITLE_YEAR_FIRST = new RegExp(`^${YEAR}年度?(.{2,40}?)(?:关于)?政府信息公开(?:工作)?(?:年度)?报告`)
const CONTACT = /请(?:与|向)?联系([^，,。；;：:（(\s]{2,30}?)(?:，|,|。|；|联系电话|电话|（|\(|$)/
const PERIOD = new RegExp(`统计期限[^。]{0,12}?${YEAR}年`)
const CLAIM_2021 = /[〔[［(（【]\s*2021\s*[〕\]］)）】]\s*30\s*号/
const CLAIM_2019 = /[〔[［(（【]\s*2019\s*[〕\]］)）】]\s*60\s*号/
/** A title is short; longer lines are prose, where a title is only taken inside 《…》 or after 现公布. */
const MAX_TITLE_LINE = 80
const HEAD_LINES = 40

/** Unit-name endings: a township, street office, department or government. */
const UNIT_END = '(?:街道办事处|街道|乡人民政府|镇人民政府|人民政府|乡|镇|局|办公室|委员会|管委会|管理委员会|中心|办|委|院|所|队|站)'
/** "2021年，红升乡政府信息公开工作在…", "2022年，区政府办公室认真贯彻…": the unit opening the overview. */
const PROSE_UNIT = new RegExp(
  `(?:^|[。；;\\n])${YEAR}年(?:度|以来)?[,，]?((?:[\\u4e00-\\u9fff]){2,24}?${UNIT_END})(?:人民政府)?(?:政府信息公开|政务公开|认真|严格|高度|坚持|全面|深入|继续|进一步|始终|紧紧|按照|围绕|积极|扎实|持续|不断|切实|以)`,
)
/** "本报告…由两城镇人民政府党政办公室编制": the compiler named in the preamble. */
const COMPILED_BY = new RegExp(`由([\\u4e00-\\u9fff]{2,30}?${UNIT_END})(?:负责)?编制`)
/** "平潭综合实验区公安局 2022年1月7日" at the end: the signature. */
const SIGNATURE = new RegExp(`([\\u4e00-\\u9fff]{2,30}?${UNIT_END})\\s*${YEAR}年\\d{1,2}月\\d{1,2}日\\s*$`)
/** Years the prose states for the report: "2019年度政府信息公开", "截止2023年12月31日", a paragraph opening "2021年，". */
const PROSE_YEARS = [
  new RegExp(`${YEAR}年度?(?:政府信息公开|政务公开)`),
  new RegExp(`截[至止]${YEAR}年12月31日`),
  new RegExp(`(?:^|\\n|总体情况)${YEAR}年(?:度|以来)?[,，]`),
]
/** Pronouns a report uses for itself: not a unit name. */
const PRONOUN = /^(?:我|本)(?:局|镇|乡|办|委|院|单位|机关|街道|中心|部门|厅|区|县|市|所|队|站)?$/

const PUBLISHED = new RegExp(`(?:发布时间|发布日期|发文日期|成文日期|公开日期|日期)\\s*[:：]\\s*\\|?\\s*${YEAR}\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})`)
const SOURCE_URL = /(?:原文链接|原文地址|来源链接|原始链接|链接|网址|URL)\s*[:：]\s*(https?:\/\/[^\s|"'<>]+)/i

/**
 * Reads unit, year, claimed format and statistics period. `preamble` is the text before the
 * first section heading; `allText` the whole document as text lines.
 */
export function readPreamble(preamble: readonly Block[], allText: string): PreambleMeta {
  const paras = preamble.filter((b): b is Extract<Block, { kind: 'para' }> => b.kind === 'para').map((b) => b.text)
  const head = allText.slice(0, 6000)
  const lines = head.split('\n').slice(0, HEAD_LINES)

  let { unit, year } = fromTitleLines(lines)
  const yearFromTitle = year !== null

  const body = paras.join('\n')
  const prose = compactLines(head)
  if (!unit) unit = proseUnit(prose)
  if (!unit) {
    const by = COMPILED_BY.exec(prose)
    if (by) unit = cleanUnit(by[1]!)
  }
  if (!unit) {
    const tail = allText.slice(-400).trimEnd()
    const sig = SIGNATURE.exec(tail.split('\n').slice(-3).join('').replace(/[\s\u00a0\u3000]+/g, ''))
    if (sig) unit = cleanUnit(sig[1]!)
  }
  if (!unit) {
    const contact = CONTACT.exec(compact(body)) ?? CONTACT.exec(compact(allText))
    if (contact) unit = cleanUnit(contact[1]!)
  }
  const period = PERIOD.exec(compact(body)) ?? PERIOD.exec(compact(head))
  const period_year = period ? Number(period[1]) : null
  if (year === null) year = period_year
  if (year === null) year = proseYear(prose)

  const claimText = body.length > 0 ? body : head
  const format_claimed: FormatId | null = CLAIM_2021.test(claimText) ? 'gov2021' : CLAIM_2019.test(claimText) ? 'gov2019' : null
  return { unit, year, yearFromTitle, format_claimed, period_year, source_url: sourceUrl(head), published_at: publishedAt(head) }
}

/** Each line compacted (no whitespace), lines kept apart by \n. */
function compactLines(text: string): string {
  return text
    .split('\n')
    .map((l) => compact(l))
    .filter(Boolean)
    .join('\n')
}

/** The first line near the top that reads as the report's title, with site chrome cut away. */
function fromTitleLines(lines: readonly string[]): { unit: string | null; year: number | null } {
  let year: number | null = null
  const texts = lines.map((line) => line.replace(/[\s\u00a0\u3000|｜]+/g, '')).filter((t) => t.length > 0)
  // Lines one by one first; then a short line joined with the next (a title wrapped as
  // …政府信息公开工作 / 年度报告). In a long line (prose) only a quoted title counts.
  const singles = texts.map((t) => (t.length <= MAX_TITLE_LINE ? [t] : quotedTitles(t)))
  const pairs = texts.map((t, i) => (t.length <= MAX_TITLE_LINE && (texts[i + 1]?.length ?? 99) <= MAX_TITLE_LINE ? [t + texts[i + 1]!] : []))
  for (const candidates of [...singles, ...pairs]) {
    for (const candidate of candidates) {
      const m = TITLE.exec(candidate) ?? TITLE_YEAR_AFTER.exec(candidate)
      const first = m ? null : TITLE_YEAR_FIRST.exec(candidate)
      const foundYear = m ? Number(m[2]) : first ? Number(first[1]) : null
      if (foundYear === null) continue
      const unit = cleanUnit(m ? m[1]! : first![2]!)
      if (unit) return { unit, year: foundYear }
      year ??= foundYear
    }
  }
  return { unit: null, year }
}

/** Titles quoted in a sentence: 《…报告》, or "现公布X2023年…报告". */
function quotedTitles(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/《([^》]{4,80}报告)》/g)) out.push(m[1]!)
  for (const m of text.matchAll(/(?:现公布|现将|特公布|现予公布)([^，,。；;]{4,80}?报告)/g)) out.push(m[1]!)
  return out
}

function proseUnit(prose: string): string | null {
  const m = PROSE_UNIT.exec(prose)
  return m ? cleanUnit(m[2]!) : null
}

function proseYear(prose: string): number | null {
  for (const re of PROSE_YEARS) {
    const m = re.exec(prose)
    if (m) return Number(m[1])
  }
  return null
}

function publishedAt(head: string): string | null {
  const m = PUBLISHED.exec(head)
  if (!m) return null
  const month = Number(m[2])
  const day = Number(m[3])
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function sourceUrl(head: string): string | null {
  const m = SOURCE_URL.exec(head)
  return m ? m[1]!.replace(/[。，,;；)）]+$/, '') : null
}

/** Chrome a page puts before the title: labels, navigation, spam; the unit is what follows it. */
const CHROME_SEPARATOR = /^.*[:：>＞|｜@》《“”"「」【】\][、，,。；;·•-]/
const LEADING_WORDS = /^(?:现公布|现将|特公布|现予公布|公布|印发|关于|转发|标题|名称)+/
/** A government's own office compiles its report: 两城镇人民政府党政办公室 → 两城镇人民政府. */
const COMPILING_OFFICE = /(人民政府)(?:党政综合办公室|党政办公室|党政办|办公室)$/

/** Normalises a unit name as printed: whitespace, chrome and surrounding punctuation removed. */
export function cleanUnit(raw: string): string | null {
  let text = tidy(raw).replace(/\s+/g, '')
  text = text.replace(/\((?:[a-zà-ÿĀ-ſǍ-ǜ]+)\)/g, '')
  text = text.replace(CHROME_SEPARATOR, '')
  text = text.replace(/^[A-Za-z0-9_.-]+/, '')
  text = text.replace(LEADING_WORDS, '').replace(/关于$/, '')
  text = text.replace(COMPILING_OFFICE, '$1')
  if (PRONOUN.test(text) || text.startsWith('我') || text.startsWith('本')) return null
  if (!/^[\u4e00-\u9fff]/.test(text)) return null
  return text.length >= 2 && text.length <= 40 ? text : null
}
