import { parseReportAsync } from '~/report/read'
import { expandZips, hiddenSegment } from './expand-zip'
import type { DroppedFile, ParsedFile, SkippedFile } from './types'
import { baseName } from '~/util/file-name'

/** SHA-256 hex of bytes (Web Crypto: the same in the browser, its workers and Node). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** Called after each file is read, for the progress bar. */
export type OnParsed = (done: number, total: number, name: string) => void

/**
 * Dropped files → parsed files: zips expanded, hidden entries skipped (with the reason, as the data
 * build does), every other file hashed and parsed exactly as the build parses it (parse + the
 * within-report rules). Never throws: an unreadable file is a parse outcome with its reason.
 */
export async function parseDropped(dropped: readonly DroppedFile[], onParsed: OnParsed = () => {}): Promise<{ parsed: ParsedFile[]; skipped: SkippedFile[] }> {
  const { files, skipped } = expandZips(dropped)
  const wanted: DroppedFile[] = []
  for (const f of files) {
    const hidden = hiddenSegment(f.name)
    if (hidden) skipped.push({ name: f.name, reason: `隐藏文件（“${hidden}”以“.”开头或为 __MACOSX），按约定跳过`, reason_en: `hidden ("${hidden}" starts with "." or is __MACOSX); skipped by design` })
    else wanted.push(f)
  }
  const parsed: ParsedFile[] = []
  for (const [i, f] of wanted.entries()) {
    const base = baseName(f.name)
    const outcome = await parseReportAsync(f.bytes, base)
    parsed.push({ name: f.name, bytes: f.bytes, sha256: await sha256Hex(f.bytes), size: f.bytes.length, outcome })
    onParsed(i + 1, wanted.length, f.name)
  }
  return { parsed, skipped }
}
