import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

/** SHA-256 hex digest of bytes. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** SHA-256 hex digest of a file, streamed (output files can be hundreds of MB). */
export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256')
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer)
  return h.digest('hex')
}
