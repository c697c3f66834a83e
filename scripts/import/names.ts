import { UNSAFE } from '../collect/report-name'
import { splitExt } from '~/util/file-name'

/**
 * An imported file's own name made safe: the name the parser is given (its extension tells the
 * rendering, its stem may name the unit) and the extension the placed copy keeps. The build skips
 * hidden files (a leading "."), and names must be valid on Windows too, where district folders are
 * often edited. The placed copy itself is named by the unit and year (scripts/collect/report-name.ts).
 */

/** Longest stored name in UTF-8 bytes (file systems allow 255; room is left for a "-2" suffix). */
const MAX_NAME_BYTES = 200

/** A safe file name for a report: no separators, control or Windows-reserved characters, not hidden, not too long. */
export function candidateName(name: string): string {
  let safe = name.replace(UNSAFE, '_').replace(/^[.\s]+/, '').replace(/[.\s]+$/, '')
  if (safe === '') safe = 'report'
  const parts = splitExt(safe)
  let stem = parts.stem
  const ext = parts.ext
  const enc = new TextEncoder()
  while (enc.encode(stem + ext).length > MAX_NAME_BYTES && stem.length > 1) stem = Array.from(stem).slice(0, -1).join('')
  return stem + ext
}
