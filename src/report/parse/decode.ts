/**
 * Bytes → text for plain-text and HTML report files.
 *
 * Reports on Chinese government sites come as UTF-8 (with or without BOM), UTF-16 (Word's
 * "Unicode text" export, with or without BOM) and GBK/GB18030 (older sites, Windows Notepad).
 * This module picks the encoding, decodes, and normalises line endings. It never throws.
 */

/** Result of {@link decodeBytes}. */
export type DecodeResult =
  | {
      ok: true
      /** Decoded text, BOM removed, CRLF and CR normalised to LF. */
      text: string
      /** Encoding used: 'utf-8', 'utf-16le', 'utf-16be' or 'gb18030'. */
      encoding: string
      /** How many invalid byte sequences were replaced by U+FFFD (0 for a clean file). */
      replaced: number
    }
  | { ok: false; reason: string; reason_en: string }

/** Share of U+FFFD / control characters above which a decoded text is called "not text". */
const MAX_GARBAGE_RATIO = 0.1

/**
 * Decode report bytes to text.
 *
 * Order: BOM (UTF-8, UTF-16LE, UTF-16BE) → BOM-less UTF-16 recognised by its NUL pattern →
 * strict UTF-8 → GB18030 (a superset of GBK and GB2312). A UTF-8 file with a few corrupted bytes
 * or a GBK footer line stays UTF-8 when the overwhelming majority of its multi-byte sequences are
 * valid UTF-8 (the bad bytes become U+FFFD and are counted in `replaced`) rather than being read
 * as GB18030 mojibake: a genuinely GBK file fails UTF-8 on nearly every Chinese character.
 * Unicode format characters (Cf) are removed from every decoded text ({@link stripFormatChars}).
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  try {
    return decodeUnsafe(bytes)
  } catch (e) {
    // TextDecoder throws only for an unsupported label (a runtime without GB18030).
    const why = e instanceof Error ? e.message : String(e)
    return {
      ok: false,
      reason: `无法解码文本：${why}`,
      reason_en: `Cannot decode the text: ${why}`,
    }
  }
}

function decodeUnsafe(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return finish(bytes.subarray(3), 'utf-8')
  if (startsWith(bytes, [0xff, 0xfe])) return finish(bytes.subarray(2), 'utf-16le')
  if (startsWith(bytes, [0xfe, 0xff])) return finish(bytes.subarray(2), 'utf-16be')
  if (startsWith(bytes, [0x84, 0x31, 0x95, 0x33])) return finish(bytes.subarray(4), 'gb18030')

  const utf16 = detectUtf16WithoutBom(bytes)
  if (utf16) return finish(bytes, utf16)

  const strict = tryStrictUtf8(bytes)
  if (strict !== null) return accept(strict, 'utf-8', 0)

  const lossyUtf8 = new TextDecoder('utf-8').decode(bytes)
  const utf8Errors = countReplacements(lossyUtf8)
  // GBK text read as UTF-8 fails on nearly every Chinese character (only ~2 % of GBK pairs happen
  // to form a valid UTF-8 sequence), while GB18030 decodes almost any bytes — UTF-8 Chinese included
  // — as mojibake without an error, so its error count proves nothing. Decide by the multi-byte
  // sequences instead: UTF-8 when the overwhelming majority of them are valid UTF-8 (a few
  // corrupted bytes, or one GBK footer line under a UTF-8 report); the bad ones become U+FFFD and
  // are counted in `replaced`.
  if (utf8Errors > 0 && isMostlyUtf8(lossyUtf8, utf8Errors)) return accept(lossyUtf8, 'utf-8', utf8Errors)
  const gb = new TextDecoder('gb18030').decode(bytes)
  return accept(gb, 'gb18030', countReplacements(gb))
}

/** Valid multi-byte UTF-8 sequences per invalid one above which a file is UTF-8 with a few bad bytes. */
const UTF8_MAJORITY = 10

/**
 * True when the valid non-ASCII characters of a lossy UTF-8 decoding outnumber its U+FFFD
 * replacements at least {@link UTF8_MAJORITY} to one (≥ 91 % of the multi-byte sequences valid).
 */
function isMostlyUtf8(lossy: string, errors: number): boolean {
  let valid = 0
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i)
    // One character per valid sequence: BMP characters ≥ U+0080, and the high half of a surrogate pair.
    if (c >= 0x80 && c !== 0xfffd && (c < 0xdc00 || c > 0xdfff)) valid++
  }
  return valid >= UTF8_MAJORITY * errors
}

/**
 * Recognise UTF-16 without a BOM: ASCII characters (digits, tabs, newlines, punctuation —
 * plentiful in report tables) put a NUL in every other byte, always on the same parity.
 * Returns the byte order, or null when the bytes do not look like UTF-16.
 */
export function detectUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1
  if (n < 4) return null
  // No NUL at all (every UTF-8 or GBK file): settled by one native scan, no loop.
  if (bytes.subarray(0, n).indexOf(0) === -1) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++
    if (bytes[i + 1] === 0) oddNul++
  }
  const pairs = n / 2
  const nulShare = (evenNul + oddNul) / pairs
  if (nulShare < 0.1) return null
  let order: 'utf-16le' | 'utf-16be' | null = null
  if (oddNul >= 9 * evenNul) order = 'utf-16le'
  else if (evenNul >= 9 * oddNul) order = 'utf-16be'
  if (!order) return null
  // Confirm: the decoded sample must be mostly plausible characters.
  const sample = new TextDecoder(order).decode(bytes.subarray(0, n))
  return garbageRatio(sample) <= MAX_GARBAGE_RATIO ? order : null
}

function finish(body: Uint8Array, encoding: string): DecodeResult {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body)
  return accept(text, encoding, countReplacements(text))
}

function accept(raw: string, encoding: string, replaced: number): DecodeResult {
  const text = stripFormatChars(normaliseLineEnds(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw))
  if (text.length > 0 && garbageRatio(text) > MAX_GARBAGE_RATIO) {
    return {
      ok: false,
      reason: `文件不是可识别的文本（按 ${encoding} 解码后大部分字符无效）`,
      reason_en: `The file is not recognisable text (mostly invalid characters when read as ${encoding})`,
    }
  }
  return { ok: true, text, encoding, replaced }
}

/**
 * Invisible format characters (Unicode Cf: zero-width space/joiner/non-joiner, soft hyphen U+00AD,
 * word joiner, BOM, bidi marks …). Copy-paste and CMS editors leave them inside labels and numbers
 * (本年新\u200d收), where they break label matching; they never carry report content. Every
 * text the parser reads passes through here — plain text and HTML after decoding, and the .docx
 * XML part too (docx.ts decodes it with {@link decodeBytes}) — so they are removed in this one place.
 */
const FORMAT_CHARS = /\p{Cf}+/gu
const HAS_FORMAT_CHAR = /\p{Cf}/u

/** `text` without Unicode format (Cf) characters; the usual clean text is settled by one native scan. */
export function stripFormatChars(text: string): string {
  return HAS_FORMAT_CHAR.test(text) ? text.replace(FORMAT_CHARS, '') : text
}

/** CRLF and lone CR → LF. */
export function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

function tryStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b)
}

function countReplacements(text: string): number {
  let n = 0
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++
  return n
}

/** U+FFFD or a C0 control other than tab, newline, form feed and CR (the characters {@link garbageRatio} counts). */
const GARBAGE_CHAR = /[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/

/** Share of characters that are U+FFFD or C0 controls other than tab/newline/CR/form feed. */
function garbageRatio(text: string): number {
  // The usual clean text is settled by one native scan instead of a loop over every character.
  if (text.length === 0 || !GARBAGE_CHAR.test(text)) return 0
  let bad = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++
  }
  return bad / text.length
}
