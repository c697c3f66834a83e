/**
 * The file name an imported report is stored under. It keeps the name it came with, made safe to
 * store: the build skips hidden files (a leading "."), and names must be valid on Windows too,
 * where district folders are often edited.
 */

/** Longest stored name in UTF-8 bytes (file systems allow 255; room is left for a "-2" suffix). */
const MAX_NAME_BYTES = 200

/** A safe file name for a report: no separators, control or Windows-reserved characters, not hidden, not too long. */
export function candidateName(name: string): string {
  let safe = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/^[.\s]+/, '').replace(/[.\s]+$/, '')
  if (safe === '') safe = 'report'
  const dot = safe.lastIndexOf('.')
  let stem = dot > 0 ? safe.slice(0, dot) : safe
  const ext = dot > 0 ? safe.slice(dot) : ''
  const enc = new TextEncoder()
  while (enc.encode(stem + ext).length > MAX_NAME_BYTES && stem.length > 1) stem = Array.from(stem).slice(0, -1).join('')
  return stem + ext
}

/** The n-th name for a file whose name is taken: `x.docx` → `x-2.docx`. */
export function numberedName(name: string, n: number): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`
}
