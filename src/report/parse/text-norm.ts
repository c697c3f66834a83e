import { memoString } from './memo'

/**
 * Text normalisation shared by every layout (docs/formats.md, “Reading a cell”): labels are compared after NFKC,
 * with all whitespace removed and curly quotes unified, so wrapped, padded or full-width labels
 * still match.
 */

const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g
const CURLY_QUOTES = /[“”„‟〝〞]/g
const SINGLE_QUOTES = /[‘’‚‛]/g
/** Word export artefacts such as "[bookmark: _GoBack]" (variation “Word export artefacts” in docs/formats.md). */
const ARTEFACTS = /\[bookmark:[^\]]*\]/g

/** NFKC + no whitespace + unified quotes: the form every label match runs on. */
export const compact = memoString((text: string): string =>
  text.normalize('NFKC').replace(WHITESPACE, '').replace(CURLY_QUOTES, '"').replace(SINGLE_QUOTES, "'"),
)

/** Removes .docx extraction artefacts (variation “Word export artefacts” in docs/formats.md) from one line. */
export function stripArtefacts(line: string): string {
  return line.indexOf('[bookmark:') === -1 ? line : line.replace(ARTEFACTS, '')
}

/** Trims ordinary whitespace, NBSP and ideographic spaces from both ends. */
export function trimAll(text: string): string {
  return text.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '')
}

/** Collapses runs of whitespace (including NBSP) to one space and trims: prose and unit names. */
export function tidy(text: string): string {
  return trimAll(text.replace(WHITESPACE, ' '))
}
