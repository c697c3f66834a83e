import { Converter } from 'opencc-js/t2cn'

/**
 * Traditional-only characters that occur constantly in disclosure reports (headings, table labels,
 * unit names). Each has a different simplified form, so simplified text never contains them
 * except in rare quoted names.
 */
const TRADITIONAL_MARKERS = '區鎮規與會開數條國務辦縣請處訴復議訟們決類計總報關這個資訊機構體發書應當將為實對問題號項說經濟據負責錄標準辭職權務費損務轉辯達歸檔屬點無從導議訂轄內單級審執門區劃態愛樣產'

/** CJK Unified Ideographs block, where the Han characters counted below live. */
const HAN_FIRST = 0x4e00
const HAN_LAST = 0x9fff

/** 1 at (code − HAN_FIRST) for each marker: a typed-array lookup per character, no Set of strings. */
const IS_MARKER = new Uint8Array(HAN_LAST - HAN_FIRST + 1)
for (let i = 0; i < TRADITIONAL_MARKERS.length; i++) IS_MARKER[TRADITIONAL_MARKERS.charCodeAt(i) - HAN_FIRST] = 1

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
  return { text: dropPinyinGlosses(out), converted: out !== text }
}

/** A pinyin gloss after a character, as script-converting mirrors print it: `鎮(zhèn)`. */
const PINYIN_GLOSS = /([\u4e00-\u9fff])[(（]([a-zà-ÿĀ-ſǍ-ǜ]{1,7})[)）]/g

/** Removes pinyin glosses so labels and names read like the plain text (`数(shù)量` → `数量`). */
export function dropPinyinGlosses(text: string): string {
  return text.includes('(') || text.includes('（') ? text.replace(PINYIN_GLOSS, '$1') : text
}

/** True when the text has enough traditional-only characters to be called traditional script. */
export function looksTraditional(text: string): boolean {
  const markers = countMarkers(text)
  return markers >= MIN_MARKERS && markers * 100 >= countHan(text)
}

/*
 * The two counting loops are separate functions that only return their count. A long loop in
 * the first call gets compiled on the stack (OSR) before any code after it has run; when that
 * code needed type feedback (the comparisons above), V8 re-entered the stale OSR copy and bailed
 * out of it on every call for the first few hundred reports of a batch. Simplified text (nearly
 * every report) has no marker, so the Han count is never needed for it.
 * UTF-16 code units suffice: the block is in the BMP and surrogates fall outside it.
 */

function countMarkers(text: string): number {
  let markers = 0
  for (let i = 0; i < text.length; i++) {
    const offset = text.charCodeAt(i) - HAN_FIRST
    if (offset >= 0 && offset <= HAN_LAST - HAN_FIRST) markers += IS_MARKER[offset]!
  }
  return markers
}

function countHan(text: string): number {
  let han = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= HAN_FIRST && c <= HAN_LAST) han++
  }
  return han
}
