import { Converter } from 'opencc-js/t2cn'

/**
 * Traditional-only characters that occur constantly in disclosure reports (headings, table labels,
 * unit names). Each has a different simplified form, so simplified text never contains them
 * except in rare quoted names.
 */
const TRADITIONAL_MARKERS = new Set(
  '區鎮規與會開數條國務辦縣請處訴復議訟們決類計總報關這個資訊機構體發書應當將為實對問題號項說經濟據負責錄標準辭職權務費損務轉辯達歸檔屬點無從導議訂轄內單級審執門區劃態愛樣產'
)

/** Markers needed before converting: a couple of stray characters in a name must not trigger it. */
const MIN_MARKERS = 5

type ConvertFn = (text: string) => string
let convertChain: ConvertFn[] | null = null

/**
 * Convert traditional-script text to simplified so the extractor's labels match.
 *
 * Detection is a cheap scan for common traditional-only characters; only when enough are found
 * (≥ 5, and at least 1 % of the Han characters) is OpenCC run, so simplified input costs one
 * pass and no dictionary load. Hong Kong and Taiwan variants are both reversed (hk → cn, then
 * tw → cn; the second pass is a no-op on characters the first already simplified).
 */
export function toSimplified(text: string): { text: string; converted: boolean } {
  if (!looksTraditional(text)) return { text, converted: false }
  convertChain ??= [Converter({ from: 'hk', to: 'cn' }), Converter({ from: 'tw', to: 'cn' })]
  let out = text
  for (const convert of convertChain) out = convert(out)
  return { text: out, converted: out !== text }
}

/** True when the text has enough traditional-only characters to be called traditional script. */
export function looksTraditional(text: string): boolean {
  let markers = 0
  let han = 0
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c >= 0x4e00 && c <= 0x9fff) {
      han++
      if (TRADITIONAL_MARKERS.has(ch)) markers++
    }
  }
  return markers >= MIN_MARKERS && markers * 100 >= han
}
